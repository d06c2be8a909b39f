// Findings as values, rendered once per translation unit, sorted by
// position: `file.py:LINE: error: WHAT (C++: file.cpp:LINE:COL)`.
#pragma once

#include <string>
#include <vector>

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"

namespace pyxc::verify {

enum class FindingKind { PythonApiCall, PythonObjectUse, RefcountOperation, EscapingException };

struct Finding {
  FindingKind kind;
  std::string message;
  clang::SourceLocation where;        // the offending expression (maybe in a runtime header)
  clang::SourceLocation reachedFrom;  // where the generated file leads there; invalid if `where` is in it
};

// The physical C++ position `file:line:col`, ignoring #line.
std::string cppPosition(const clang::SourceManager& sources, clang::SourceLocation loc);

class Reporter {
 public:
  explicit Reporter(const clang::SourceManager& sources) : sources_(sources) {}
  void add(Finding finding) { findings_.push_back(std::move(finding)); }
  // Prints each distinct finding to `out`; returns how many.
  size_t render(std::string& out) const;

 private:
  const clang::SourceManager& sources_;
  std::vector<Finding> findings_;
};

}  // namespace pyxc::verify
