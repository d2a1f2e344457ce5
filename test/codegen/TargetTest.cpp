// Modules get Target.h's triple and data layout when they are created
// (ModuleContext), and nothing sets them again later: check that the layout
// is the one the target machine uses, for the default CPU and for the host.
#include "backend/Backend.h"
#include "codegen/Target.h"

#include "llvm/IR/DataLayout.h"
#include "llvm/Target/TargetMachine.h"

#include <gtest/gtest.h>

using namespace wasm2bin;

namespace {

TEST(Target, DataLayoutIsTheTargetMachines) {
  for (const char *CPU : {"x86-64-v2", "x86-64", "native"}) {
    CompileOptions Opts;
    Opts.targetCPU = CPU;
    std::string Error;
    auto TM = createTargetMachine(Opts, Error);
    ASSERT_TRUE(TM) << CPU << ": " << Error;
    EXPECT_EQ(TM->createDataLayout().getStringRepresentation(),
              TargetDataLayout)
        << CPU;
    EXPECT_EQ(TM->getTargetTriple().str(), TargetTriple) << CPU;
  }
}

} // namespace
