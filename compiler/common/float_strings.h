// What Python's float(str) makes of a constant string: surrounding
// whitespace, an optional sign, "inf"/"infinity"/"nan" in any case, or a
// decimal number with single underscores between digits. Shared by check
// (which reports strings float() refuses) and emit (which spells the value).
#pragma once

#include <optional>
#include <string_view>

namespace pyxc {

// The value float(text) returns, or nullopt where it raises ValueError.
std::optional<double> parsePythonFloat(std::string_view text);

}  // namespace pyxc
