#include "compiler/driver/build_progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace pyxc::driver {
namespace {

const char* word(ModuleResult result) {
  switch (result) {
    case ModuleResult::Compiled: return "compiled";
    case ModuleResult::Cached: return "from the cache";
    case ModuleResult::NothingToBuild: return "no native functions";
    case ModuleResult::Failed: return "failed";
  }
  return "";
}

size_t terminalWidth() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

bool stderrIsTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

BuildProgress::BuildProgress(size_t total, bool terminal, std::FILE* out)
    : total_(total), terminal_(terminal), out_(out) {}

std::string BuildProgress::statusText() const {
  std::string text = fmt::format("pyxc build: {}/{} modules, {} compiled, {} from the cache", finished_, total_,
                                 compiled_, cached_);
  if (failed_) text += fmt::format(", {} failed", failed_);
  if (slowestSeconds_ >= 0) text += fmt::format("; slowest {} ({:.1f} s)", slowestPath_, slowestSeconds_);
  return text;
}

void BuildProgress::drawStatus() {
  std::string text = statusText();
  // One line that fits: a wrapped line cannot be redrawn with \r.
  size_t width = terminalWidth();
  if (width > 1 && text.size() > width - 1) text.resize(width - 1);
  std::fprintf(out_, "\r\x1b[K%s", text.c_str());
  std::fflush(out_);
  statusDrawn_ = true;
}

void BuildProgress::finished(const std::string& path, ModuleResult result, double seconds) {
  ++finished_;
  if (result == ModuleResult::Compiled) ++compiled_;
  if (result == ModuleResult::Cached) ++cached_;
  if (result == ModuleResult::Failed) ++failed_;
  if (result == ModuleResult::Compiled && seconds > slowestSeconds_) {
    slowestSeconds_ = seconds;
    slowestPath_ = path;
  }
  if (shown() && terminal_) drawStatus();
}

void BuildProgress::beforeMessages() {
  if (statusDrawn_) {
    std::fputs("\r\x1b[K", out_);
    statusDrawn_ = false;
  }
}

void BuildProgress::afterMessages(const std::string& path, ModuleResult result, double seconds) {
  ++printed_;
  if (!shown()) return;
  if (terminal_) {
    drawStatus();
    return;
  }
  std::string line = fmt::format("pyxc build: [{}/{}] {} {}", printed_, total_, word(result), path);
  if (result == ModuleResult::Compiled) line += fmt::format(" ({:.1f} s)", seconds);
  std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

void BuildProgress::done(double seconds) {
  if (!shown()) return;
  beforeMessages();
  std::string line = fmt::format("pyxc build: {} modules in {:.1f} s: {} compiled, {} from the cache", total_,
                                 seconds, compiled_, cached_);
  if (failed_) line += fmt::format(", {} failed", failed_);
  if (slowestSeconds_ >= 0) line += fmt::format("; slowest {} ({:.1f} s)", slowestPath_, slowestSeconds_);
  std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

}  // namespace pyxc::driver
