# cmake -DSRC=<source> -DBIN=<build dir> -DCC=<clang> -DCXX=<clang++>
#       -P SanitizerBuild.cmake
#
# Configures (once) and builds the ASan+UBSan sub-build that the sanitize_*
# and fuzz_smoke tests use: clang, W2B_SANITIZE=ON (compiler, host runtime,
# unit tests) and W2B_FUZZ=ON (the libFuzzer targets). Only the targets those
# tests need are built. Warnings are not errors here: the main build already
# enforces them for g++, and clang's set differs.
foreach(v SRC BIN CC CXX)
  if(NOT ${v})
    message(FATAL_ERROR "SanitizerBuild.cmake: -D${v}= is required")
  endif()
endforeach()

if(NOT EXISTS ${BIN}/build.ninja)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${BIN} -G Ninja
      -DCMAKE_BUILD_TYPE=RelWithDebInfo
      -DCMAKE_C_COMPILER=${CC} -DCMAKE_CXX_COMPILER=${CXX}
      -DW2B_SANITIZE=ON -DW2B_FUZZ=ON -DW2B_WERROR=OFF
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    file(REMOVE ${BIN}/build.ninja)
    message(FATAL_ERROR "configuring the sanitizer build failed")
  endif()
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} --build ${BIN} --target
    wasm2bin w2b_runtime_musl example_hello w2b-validate
    frontend_tests runtime_tests codegen_tests
    w2b-fuzz-decode w2b-fuzz-compile
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the sanitizer build failed")
endif()
