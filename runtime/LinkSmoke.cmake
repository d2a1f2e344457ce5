# runtime_link_smoke: links a hand-written module (test/runtime/link_smoke)
# against the staged libw2brt.a and musl the way wasm2bin links a command,
# runs it, and checks its exit status and output. Prints the stripped size.
#   cmake -DCLANG=... -DSRC=... -DLIB_DIR=... -DINCLUDES="a;b" -DWORK=... -DSTRIP=... -P LinkSmoke.cmake
set(cflags --target=x86_64-linux-musl -nostdinc -O2 -Wall -Werror)
foreach(dir ${INCLUDES})
  list(APPEND cflags -isystem ${dir})
endforeach()
file(MAKE_DIRECTORY ${WORK})
set(obj ${WORK}/smoke_module.o)
set(exe ${WORK}/smoke)

execute_process(COMMAND ${CLANG} ${cflags} -c ${SRC} -o ${obj} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SRC} failed")
endif()
execute_process(COMMAND ${CLANG} --target=x86_64-linux-musl -static -nostdlib
    -fuse-ld=lld -Wl,--gc-sections -o ${exe}
    ${LIB_DIR}/crt1.o ${LIB_DIR}/crti.o ${obj} ${LIB_DIR}/libw2brt.a
    ${LIB_DIR}/libc.a ${LIB_DIR}/libclang_rt.builtins.a ${LIB_DIR}/crtn.o
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "linking the smoke executable failed")
endif()

execute_process(COMMAND ${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT rc EQUAL 42 OR NOT out STREQUAL "hello\n" OR NOT err STREQUAL "")
  message(FATAL_ERROR "smoke executable: status '${rc}', stdout '${out}', stderr '${err}' (want 42, 'hello\\n', '')")
endif()

execute_process(COMMAND ${STRIP} -o ${exe}.stripped ${exe} RESULT_VARIABLE rc)
file(SIZE ${exe} size)
file(SIZE ${exe}.stripped stripped)
message(STATUS "smoke executable: ${size} bytes, ${stripped} stripped")
