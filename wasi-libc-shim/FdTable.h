//===- FdTable.h - The guest's file descriptor table --------*- C++ -*-===//
//
// Guest descriptors and the host descriptors behind them. For now the table
// holds stdio only (guest 0, 1, 2 = host 0, 1, 2); closing one marks it
// closed for the guest and leaves the host's open (the runtime still reports
// traps on stderr).
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_FDTABLE_H
#define WASM2BIN_WASI_FDTABLE_H

#include <stdint.h>

namespace w2b {
namespace wasi {

// The host descriptor of guest `fd`, or -1 if it is not open.
int hostFd(uint32_t fd);

// Marks guest `fd` closed; false if it was not open.
bool closeFd(uint32_t fd);

// Reopens stdio for the guest (w2b_wasi_init).
void resetDescriptors();

} // namespace wasi
} // namespace w2b

#endif
