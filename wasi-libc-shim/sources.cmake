# Sources of the WASI host functions; included by runtime/CMakeLists.txt,
# which builds them into libw2brt.a (musl) and w2b_runtime_host.
set(W2B_WASI_SOURCES
)
