// What a cache key covers (SPEC §3): everything that changes the binary.
//
// The per-build part (`BuildIdentity`) is computed once: pyxc's version,
// the compiler's identity (`--version`, `-dumpmachine`), the flags, the
// runtime headers' contents, the target Python's ABI (EXT_SUFFIX and the
// contents of patchlevel.h and pyconfig.h). Directory names are left out
// on purpose: a build environment that pip or uv creates under a fresh
// temporary name must still hit the cache; the files' contents decide.
// The launcher (ccache/sccache) is left out too: it does not change the
// output. The per-module part is the generated C++ text.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/toolchain.h"

namespace pyxc::driver {

struct BuildIdentity {
  std::string digest;      // sha256 hex of the per-build inputs
  std::string description; // the inputs, readable (for `pyxc cache key -v`)
};

std::optional<BuildIdentity> buildIdentity(const ToolchainOptions& toolchain, const PythonInfo& python,
                                           std::string& error);

std::string artifactKey(const BuildIdentity& identity, const std::string& cpp);

}  // namespace pyxc::driver
