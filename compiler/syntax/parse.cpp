// The syntax phase's driver: bytes -> (checks) -> tree-sitter CST -> ast::Module.
#include "compiler/syntax/parse.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

#include "compiler/syntax/convert.h"

namespace pyxc::syntax {

// ---- CST helpers -----------------------------------------------------------

std::string_view nodeType(TSNode node) {
  if (ts_node_is_null(node)) return {};
  return ts_node_type(node);
}

TSNode field(TSNode node, const char* name) {
  if (ts_node_is_null(node)) return node;
  return ts_node_child_by_field_name(node, name, static_cast<uint32_t>(std::strlen(name)));
}

// Children are walked with a cursor: ts_node_child(node, i) costs O(i) in
// tree-sitter 0.20, which made huge modules (or ERROR nodes) quadratic.
std::vector<TSNode> allChildren(TSNode node) {
  std::vector<TSNode> out;
  if (ts_node_is_null(node)) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do out.push_back(ts_tree_cursor_current_node(&cursor));
    while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::vector<TSNode> namedChildren(TSNode node) {
  std::vector<TSNode> out;
  for (TSNode child : allChildren(node)) {
    // Comments and line continuations are "extras" that may sit anywhere.
    if (ts_node_is_named(child) && !ts_node_is_extra(child)) out.push_back(child);
  }
  return out;
}

TSNode lastToken(TSNode node) {
  TSNode current = node;
  while (!ts_node_is_null(current)) {
    std::vector<TSNode> children = allChildren(current);
    TSNode next{};
    for (size_t i = children.size(); i-- > 0;) {
      TSNode child = children[i];
      // Comments are extras; so is an ERROR that recovery skipped over,
      // which is real text.
      bool comment = ts_node_is_extra(child) && nodeType(child) != "ERROR";
      if (comment || ts_node_end_byte(child) == ts_node_start_byte(child)) continue;
      next = child;
      break;
    }
    if (ts_node_is_null(next)) break;
    current = next;
  }
  return current;
}

// ---- positions -------------------------------------------------------------

Span Converter::span(TSNode node) const { return spanBetween(node, node); }

Span Converter::spanBetween(TSNode first, TSNode last) const {
  Span s;
  if (ts_node_is_null(first) || ts_node_is_null(last)) return s;
  TSPoint start = ts_node_start_point(first);
  TSPoint end = ts_node_end_point(last);
  s.begin = ts_node_start_byte(first) + shift_;
  s.end = std::max(ts_node_end_byte(last), ts_node_start_byte(first)) + shift_;
  s.line = start.row + 1;
  s.column = start.column + 1 + (start.row == 0 ? shift_ : 0);
  s.endLine = end.row + 1;
  s.endColumn = end.column + 1 + (end.row == 0 ? shift_ : 0);
  if (s.endLine < s.line || (s.endLine == s.line && s.endColumn < s.column)) {
    s.endLine = s.line;
    s.endColumn = s.column;
  }
  return s;
}

std::string_view Converter::text(TSNode node) const {
  if (ts_node_is_null(node)) return {};
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (begin > end || end > text_.size()) return {};
  return text_.substr(begin, end - begin);
}

// ---- module ----------------------------------------------------------------

void Converter::convertModule(TSNode root, ast::Module& module) {
  treeHasError_ = ts_node_has_error(root);
  block(root, module.body);
  for (auto& s : module.body)
    if (s->kind == ast::StmtKind::FunctionDef && s->function) module.functions.push_back(s->function.get());
  collectBindings(root, module, 0);
}

namespace {

bool isCompoundContainer(std::string_view type) {
  static const char* const kinds[] = {"if_statement", "while_statement", "for_statement", "try_statement",
                                      "with_statement", "match_statement", "block", "else_clause",
                                      "elif_clause", "except_clause", "except_group_clause",
                                      "finally_clause", "case_clause"};
  for (const char* k : kinds)
    if (type == k) return true;
  return false;
}
}  // namespace

// The first binding of each name is kept.
void Converter::addBinding(ast::Module& module, std::string name, Span where, const char* what) {
  if (name.empty() || !boundNames_.insert(name).second) return;
  module.otherBindings.push_back(ast::ModuleBinding{std::move(name), where, what});
}

// Names a module binds other than its top-level defs and imports: assigned
// variables and classes, also inside module-level if/for/while/try/with
// blocks (but not inside functions or classes).
void Converter::collectBindings(TSNode node, ast::Module& module, int depth) {
  if (depth > kMaxNesting) return;
  for (TSNode child : namedChildren(node)) {
    std::string_view type = nodeType(child);
    if (type == "expression_statement") {
      for (TSNode part : namedChildren(child)) {
        TSNode current = part;
        while (nodeType(current) == "assignment" || nodeType(current) == "augmented_assignment") {
          collectTargets(field(current, "left"), module, "variable", 0);
          current = field(current, "right");
        }
      }
    } else if (type == "class_definition") {
      TSNode name = field(child, "name");
      addBinding(module, std::string(text(name)), span(name), "class");
    } else if (type == "decorated_definition" || type == "function_definition") {
      TSNode definition = type == "decorated_definition" ? field(child, "definition") : child;
      TSNode name = field(definition, "name");
      bool isClass = nodeType(definition) == "class_definition";
      // Top-level defs are Module::functions, except those converted to
      // Unsupported (async, generic); a def inside a module-level block
      // (`if X: def f(): ...`) is an ordinary binding.
      bool unsupportedDef = !isClass && (nodeType(ts_node_child(definition, 0)) == "async" ||
                                         !ts_node_is_null(field(definition, "type_parameters")));
      if (isClass || depth > 0 || unsupportedDef)
        addBinding(module, std::string(text(name)), span(name), isClass ? "class" : "function");
    } else if ((type == "import_statement" || type == "import_from_statement") && depth > 0) {
      for (TSNode name : namedChildren(child)) {
        if (nodeType(name) == "aliased_import") {
          TSNode alias = field(name, "alias");
          addBinding(module, std::string(text(alias)), span(alias), "import");
        } else if (nodeType(name) == "dotted_name" && !(type == "import_from_statement" &&
                                                        ts_node_eq(name, field(child, "module_name")))) {
          std::string dotted(text(name));
          addBinding(module, dotted.substr(0, dotted.find('.')), span(name), "import");
        }
      }
    } else if (isCompoundContainer(type)) {
      if (type == "for_statement") collectTargets(field(child, "left"), module, "variable", 0);
      collectBindings(child, module, depth + 1);
    }
  }
}

void Converter::collectTargets(TSNode target, ast::Module& module, const char* what, int depth) {
  if (ts_node_is_null(target) || depth > kMaxNesting) return;
  std::string_view type = nodeType(target);
  if (type == "identifier") {
    addBinding(module, std::string(text(target)), span(target), what);
    return;
  }
  if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" || type == "tuple" ||
      type == "list" || type == "parenthesized_expression" || type == "list_splat_pattern" ||
      type == "expression_list") {
    for (TSNode child : namedChildren(target)) collectTargets(child, module, what, depth + 1);
  }
}

// ---- driver ----------------------------------------------------------------

namespace {

// Offset of the first byte that is not well-formed UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF are rejected, as CPython does).
size_t firstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t min = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { length = 2; min = 0x80; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { length = 3; min = 0x800; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { length = 4; min = 0x10000; cp = c & 0x07; }
    else return i;
    if (i + length > s.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

Span spanOfByte(std::string_view text, size_t offset) {
  Span s;
  s.begin = static_cast<uint32_t>(offset);
  s.end = static_cast<uint32_t>(offset + 1);
  s.line = 1;
  size_t lineStart = 0;
  for (size_t k = 0; k < offset; ++k) {
    if (text[k] == '\n') {
      ++s.line;
      lineStart = k + 1;
    }
  }
  s.column = static_cast<uint32_t>(offset - lineStart + 1);
  s.endLine = s.line;
  s.endColumn = s.column + 1;
  return s;
}

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

void parseInto(const SourceFile& source, ast::Module& module, diag::DiagnosticBag& diags) {
  std::string_view text = source.text();
  if (text.empty()) return;
  size_t bad = firstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    diags.error(diag::Kind::InvalidEncoding, spanOfByte(text, bad),
                std::string("invalid UTF-8: byte ") + byte + " at offset " + std::to_string(bad) +
                    " (pyxc reads source files as UTF-8)");
    return;
  }
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diags.error(diag::Kind::SyntaxError, spanOfByte(text, nul), "source code cannot contain null bytes");
    return;
  }
  if (text.size() >= (1u << 31)) {
    diags.error(diag::Kind::SyntaxError, spanOfByte(text, 0), "source file too large");
    return;
  }
  uint32_t shift = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // a BOM is allowed and ignored
    shift = 3;
    text.remove_prefix(3);
  }

  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!parser || !ts_parser_set_language(parser.get(), tree_sitter_pyxc_python())) {
    diags.error(diag::Kind::SyntaxError, spanOfByte(source.text(), 0),
                "internal error: the Python grammar does not match the tree-sitter library");
    return;
  }
  std::unique_ptr<TSTree, TreeDeleter> tree(
      ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())));
  if (!tree) {
    diags.error(diag::Kind::SyntaxError, spanOfByte(source.text(), 0), "internal error: parsing failed");
    return;
  }
  TSNode root = ts_tree_root_node(tree.get());
  Converter converter(text, shift, diags);
  reportSyntaxErrors(root, converter, text, diags);
  converter.convertModule(root, module);
}

}  // namespace

ast::Module parseModule(const SourceFile& source, const std::string& moduleName, diag::DiagnosticBag& diags) {
  ast::Module module;
  module.name = moduleName;
  try {
    parseInto(source, module, diags);
  } catch (const std::exception& e) {
    // Only allocation failure can get here; the contract is "never throw".
    module.body.clear();
    module.functions.clear();
    module.otherBindings.clear();
    diags.error(diag::Kind::SyntaxError, Span{0, 0, 1, 1, 1, 1}, std::string("internal error while parsing: ") + e.what());
  }
  return module;
}

}  // namespace pyxc::syntax
