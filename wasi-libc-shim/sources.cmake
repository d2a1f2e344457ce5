# Sources of the WASI host functions; included by runtime/CMakeLists.txt,
# which builds them into libw2brt.a (musl) and w2b_runtime_host.
set(W2B_WASI_SOURCES
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Args.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Capabilities.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Clock.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Errno.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Fd.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/FdTable.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Init.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Path.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Policy.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Poll.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Proc.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Random.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Sock.cpp
  ${CMAKE_SOURCE_DIR}/wasi-libc-shim/Stat.cpp
)
