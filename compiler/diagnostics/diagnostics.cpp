#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::diag {

const char* kindName(Kind kind) {
  switch (kind) {
#define PYXC_DIAG(name, text) \
  case Kind::name:            \
    return text;
#include "compiler/diagnostics/kinds.def"
#undef PYXC_DIAG
  }
  return "unknown";
}

Diagnostic& DiagnosticBag::error(Kind kind, Span span, std::string message) {
  items_.push_back(Diagnostic{Severity::Error, kind, span, std::move(message), {}});
  return items_.back();
}

Diagnostic& DiagnosticBag::warning(Kind kind, Span span, std::string message) {
  items_.push_back(Diagnostic{Severity::Warning, kind, span, std::move(message), {}});
  return items_.back();
}

bool DiagnosticBag::hasErrors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::Error) return true;
  return false;
}

void DiagnosticBag::append(const DiagnosticBag& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void DiagnosticBag::removeDuplicates() {
  std::vector<Diagnostic> kept;
  for (auto& d : items_) {
    bool seen = false;
    for (const auto& k : kept)
      seen = seen || (k.kind == d.kind && k.severity == d.severity && k.span.begin == d.span.begin &&
                      k.span.end == d.span.end && k.message == d.message);
    if (!seen) kept.push_back(std::move(d));
  }
  items_ = std::move(kept);
}

}  // namespace pyxc::diag
