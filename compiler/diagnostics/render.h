// The one place diagnostics become text.
#pragma once

#include <string>

#include "compiler/common/source.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::diag {

enum class Format { Text, Json };

struct RenderOptions {
  Format format = Format::Text;
  bool color = false;
};

// Renders all diagnostics of one file, sorted by position. For JSON, one
// array of objects {file, line, column, end_line, end_column, severity, kind,
// message, notes:[{line, column, message}]}.
std::string render(const SourceFile& source, const std::vector<Diagnostic>& diagnostics, const RenderOptions& options);

// Renders diagnostics of several files as one JSON array.
std::string renderJsonArray(const std::vector<std::string>& renderedArrays);

}  // namespace pyxc::diag
