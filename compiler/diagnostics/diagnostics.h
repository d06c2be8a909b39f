// Diagnostics are values: phases add them to a DiagnosticBag, and only the
// renderer (render.h) turns them into text or JSON.
#pragma once

#include <string>
#include <vector>

#include "compiler/common/source.h"

namespace pyxc::diag {

enum class Severity { Error, Warning, Note };

// Every diagnostic kind pyxc can report, listed once (X-macro in kinds.def),
// so that tests can check each kind is covered.
enum class Kind {
#define PYXC_DIAG(name, text) name,
#include "compiler/diagnostics/kinds.def"
#undef PYXC_DIAG
};

// The stable name of a kind, printed in brackets and in JSON ("syntax-error").
const char* kindName(Kind kind);

struct Note {
  Span span;  // may be invalid: then the note has no location
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  Kind kind;
  Span span;
  std::string message;
  std::vector<Note> notes;
};

class DiagnosticBag {
 public:
  Diagnostic& error(Kind kind, Span span, std::string message);
  Diagnostic& warning(Kind kind, Span span, std::string message);

  bool hasErrors() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  void append(const DiagnosticBag& other);
  // Drops diagnostics identical (kind, place, message) to an earlier one.
  void removeDuplicates();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace pyxc::diag
