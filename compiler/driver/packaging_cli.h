// The packaging subcommands, `pyxc cache stats|clean|prune|dir|key` and
// `pyxc stubs`, registered on the CLI from here so that cli.cpp stays small.
#pragma once

#include <memory>

namespace CLI {
class App;
}

namespace pyxc::driver {

class PackagingCommands {
 public:
  explicit PackagingCommands(CLI::App& app);
  ~PackagingCommands();
  // After parsing: the exit code of the chosen packaging command, or -1
  // when none was chosen.
  int run() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pyxc::driver
