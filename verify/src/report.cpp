#include "report.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

namespace pyxc::verify {
namespace {

struct Rendered {
  std::string source;  // file.py:LINE, or the C++ position when no #line applies
  unsigned line = 0;
  unsigned column = 0;
  std::string text;
  bool operator<(const Rendered& other) const {
    return std::tie(source, line, column, text) < std::tie(other.source, other.line, other.column, other.text);
  }
};

}  // namespace

std::string cppPosition(const clang::SourceManager& sources, clang::SourceLocation loc) {
  clang::PresumedLoc physical = sources.getPresumedLoc(sources.getFileLoc(loc), /*UseLineDirectives=*/false);
  if (physical.isInvalid()) return "<unknown>";
  // The tool sees absolute paths; below the working directory, say them as
  // the user would (`__pyxc__/m.cpp`).
  static const std::string cwd = [] {
    llvm::SmallString<256> dir;
    return llvm::sys::fs::current_path(dir) ? std::string() : std::string(dir) + "/";
  }();
  llvm::StringRef file = physical.getFilename();
  if (!cwd.empty() && file.starts_with(cwd)) file = file.drop_front(cwd.size());
  return file.str() + ":" + std::to_string(physical.getLine()) + ":" +
         std::to_string(physical.getColumn());
}

size_t Reporter::render(std::string& out) const {
  std::set<Rendered> unique;
  for (const Finding& finding : findings_) {
    clang::SourceLocation anchor = finding.reachedFrom.isValid() ? finding.reachedFrom : finding.where;
    clang::PresumedLoc mapped = sources_.getPresumedLoc(sources_.getFileLoc(anchor), /*UseLineDirectives=*/true);
    Rendered r;
    if (mapped.isValid()) {
      r.source = mapped.getFilename();
      r.line = mapped.getLine();
      r.column = mapped.getColumn();
    }
    std::string cpp = cppPosition(sources_, finding.where);
    if (finding.reachedFrom.isValid()) cpp += ", reached from " + cppPosition(sources_, finding.reachedFrom);
    r.text = finding.message + " (C++: " + cpp + ")";
    unique.insert(std::move(r));
  }
  for (const Rendered& r : unique) {
    out += r.source;
    if (r.line) out += ":" + std::to_string(r.line);
    out += ": error: " + r.text + "\n";
  }
  return unique.size();
}

}  // namespace pyxc::verify
