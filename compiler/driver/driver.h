// The `pyxc` command: argument parsing, running the phases, the toolchain.
#pragma once

namespace pyxc::driver {

// Exit codes of SPEC §2.
enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsage = 2, kToolchainFailed = 3 };

int runDriver(int argc, char** argv);

}  // namespace pyxc::driver
