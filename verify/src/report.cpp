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

// pyxc writes one `#line N` before the C++ of each Python statement, and
// that C++ may take several lines (a `for` becomes a block, a bound and a
// loop header): every line up to the next directive belongs to line N.
// The compiler's reading (N, N+1, N+2, ...) would blame the next statement.
unsigned statementLine(const clang::SourceManager& sources, clang::SourceLocation loc, unsigned presumedLine) {
  auto [file, offset] = sources.getDecomposedLoc(loc);
  bool invalid = false;
  llvm::StringRef text = sources.getBufferData(file, &invalid);
  if (invalid || offset > text.size()) return presumedLine;
  size_t lineStart = text.rfind('\n', offset ? offset - 1 : 0);
  lineStart = lineStart == llvm::StringRef::npos ? 0 : lineStart + 1;
  while (lineStart > 0) {
    size_t previous = text.rfind('\n', lineStart - 2);
    previous = previous == llvm::StringRef::npos ? 0 : previous + 1;
    llvm::StringRef line = text.slice(previous, lineStart - 1);
    unsigned number = 0;
    if (line.consume_front("#line ") && !line.consumeInteger(10, number)) return number;
    lineStart = previous;
  }
  return presumedLine;
}

}  // namespace

// The tool sees absolute paths; below the working directory, say them as
// the user would (`__pyxc__/m.cpp`).
static std::string relativeToWorkingDirectory(llvm::StringRef file) {
  static const std::string cwd = [] {
    llvm::SmallString<256> dir;
    return llvm::sys::fs::current_path(dir) ? std::string() : std::string(dir) + "/";
  }();
  if (!cwd.empty() && file.starts_with(cwd)) file = file.drop_front(cwd.size());
  return file.str();
}

std::string cppPosition(const clang::SourceManager& sources, clang::SourceLocation loc) {
  clang::PresumedLoc physical = sources.getPresumedLoc(sources.getFileLoc(loc), /*UseLineDirectives=*/false);
  if (physical.isInvalid()) return "<unknown>";
  return relativeToWorkingDirectory(physical.getFilename()) + ":" + std::to_string(physical.getLine()) + ":" +
         std::to_string(physical.getColumn());
}

size_t Reporter::render(std::string& out) const {
  std::set<Rendered> unique;
  for (const Finding& finding : findings_) {
    clang::SourceLocation anchor = finding.reachedFrom.isValid() ? finding.reachedFrom : finding.where;
    clang::SourceLocation fileLoc = sources_.getFileLoc(anchor);
    clang::PresumedLoc mapped = sources_.getPresumedLoc(fileLoc, /*UseLineDirectives=*/true);
    clang::PresumedLoc physical = sources_.getPresumedLoc(fileLoc, /*UseLineDirectives=*/false);
    Rendered r;
    if (mapped.isValid()) {
      r.source = relativeToWorkingDirectory(mapped.getFilename());
      bool viaDirective = physical.isValid() && llvm::StringRef(physical.getFilename()) != mapped.getFilename();
      r.line = viaDirective ? statementLine(sources_, fileLoc, mapped.getLine()) : mapped.getLine();
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
