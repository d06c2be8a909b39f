// `pyxc bench`: the benchmark harness is Python (python/pyxc/bench); this
// runs it as `<python> -c <bootstrap> ARGS...`, replacing this process so
// that exit codes and Ctrl-C reach the harness unchanged.
#pragma once

#include <string>
#include <vector>

namespace pyxc::driver {

// The Python that runs the harness: `--python EXE` among the arguments, else
// $PYXC_PYTHON, else python3 on PATH.
std::string benchPython(const std::vector<std::string>& args);

// Only returns when the Python could not be started (exit code kUsage).
int runBench(const std::vector<std::string>& args);

}  // namespace pyxc::driver
