/* Debian patches luaconf.h to include this; the value only names module search paths. */
#define DEB_HOST_MULTIARCH "bench"
