// Progress of a `pyxc build` of several modules, on stderr: on a terminal a
// status line redrawn in place (modules done / total, compiled, from the
// cache, the slowest so far); otherwise one plain line per module, with no
// control characters, for CI logs. Either way a summary line at the end.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace pyxc::driver {

enum class ModuleResult { Compiled, Cached, NothingToBuild, Failed };

class BuildProgress {
 public:
  // `terminal`: redraw a status line (stderr is a TTY). Nothing is shown for
  // a build of fewer than two modules.
  BuildProgress(size_t total, bool terminal, std::FILE* out = stderr);

  // A module finished (any order). Redraws the status line on a terminal.
  void finished(const std::string& path, ModuleResult result, double seconds);
  // Before a module's own messages are printed: takes the status line away.
  void beforeMessages();
  // After the messages of the module `path`, printed in module order: its
  // plain line (not on a terminal), then the status line again.
  void afterMessages(const std::string& path, ModuleResult result, double seconds);
  // The summary line; on a terminal the status line is cleared first.
  void done(double seconds);

  bool shown() const { return total_ >= 2; }
  // What the status line says, without the terminal's control characters.
  std::string statusText() const;

 private:
  void drawStatus();

  size_t total_;
  bool terminal_;
  std::FILE* out_;
  size_t finished_ = 0, printed_ = 0, compiled_ = 0, cached_ = 0, failed_ = 0;
  std::string slowestPath_;
  double slowestSeconds_ = -1;
  bool statusDrawn_ = false;
};

// Whether stderr is a terminal that can redraw a line (not TERM=dumb).
bool stderrIsTerminal();

}  // namespace pyxc::driver
