// dumpModule: one AST node per line, indented two spaces per level, each
// with its line:col, e.g.
//   FunctionDef dot @5:1 lines=4..9
//     param a positional @5:9
//       annotation: Subscript @5:12
// Stable: lit tests match it. The AST is at most kMaxNesting deep (the
// converter guarantees it), so plain recursion is fine here.
#include <cstdio>
#include <string>

#include "compiler/syntax/parse.h"

namespace pyxc::syntax {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string at(const Span& s) { return " @" + std::to_string(s.line) + ":" + std::to_string(s.column); }

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

class Dumper {
 public:
  std::string out;

  void line(int indent, const std::string& text) {
    out.append(static_cast<size_t>(indent) * 2, ' ');
    out += text;
    out += '\n';
  }

  void expr(const Expr* e, int indent, const std::string& role) {
    std::string prefix = role.empty() ? "" : role + ": ";
    if (!e) {
      line(indent, prefix + "<none>");
      return;
    }
    std::string head;
    switch (e->kind) {
      case ExprKind::IntLit:
        head = e->intOverflow ? "IntLit overflow " + e->text : "IntLit " + std::to_string(e->intValue);
        break;
      case ExprKind::FloatLit: head = "FloatLit " + number(e->floatValue); break;
      case ExprKind::BoolLit: head = std::string("BoolLit ") + (e->boolValue ? "True" : "False"); break;
      case ExprKind::NoneLit: head = "NoneLit"; break;
      case ExprKind::StrLit: head = "StrLit " + quoted(e->text); break;
      case ExprKind::Name: head = "Name " + e->text; break;
      case ExprKind::Attribute: head = "Attribute ." + e->text; break;
      case ExprKind::Subscript: head = "Subscript"; break;
      case ExprKind::Slice: head = "Slice"; break;
      case ExprKind::Unary: head = std::string("Unary ") + ast::spelling(e->unaryOp); break;
      case ExprKind::Binary: head = std::string("Binary ") + ast::spelling(e->binaryOp); break;
      case ExprKind::BoolOp: head = e->boolOp == ast::BoolOpKind::And ? "BoolOp and" : "BoolOp or"; break;
      case ExprKind::Compare:
        head = "Compare";
        for (auto op : e->compareOps) head += std::string(" '") + ast::spelling(op) + "'";
        break;
      case ExprKind::IfExp: head = "IfExp"; break;
      case ExprKind::Call: head = "Call"; break;
      case ExprKind::Tuple: head = "Tuple"; break;
      case ExprKind::List: head = "List"; break;
      case ExprKind::ListComp: head = "ListComp"; break;
      case ExprKind::GeneratorExp: head = "GeneratorExp"; break;
      case ExprKind::CompFor: head = "CompFor"; break;
      case ExprKind::CompIf: head = "CompIf"; break;
      case ExprKind::Unsupported: head = "Unsupported " + quoted(e->text); break;
    }
    line(indent, prefix + head + at(e->span));
    if (e->kind == ExprKind::Slice) {
      static const char* const roles[] = {"lower", "upper", "step"};
      for (size_t i = 0; i < 3; ++i)
        if (e->operand(i)) expr(e->operand(i), indent + 1, roles[i]);
      return;
    }
    if (e->kind == ExprKind::IfExp) {
      expr(e->operand(0), indent + 1, "test");
      expr(e->operand(1), indent + 1, "body");
      expr(e->operand(2), indent + 1, "orelse");
      return;
    }
    for (const auto& operand : e->operands) expr(operand.get(), indent + 1, "");
    for (const auto& k : e->keywords) expr(k.value.get(), indent + 1, "keyword " + k.name);
  }

  void block(const ast::Block& b, int indent, const std::string& label) {
    line(indent, label + ":");
    for (const auto& s : b) stmt(s.get(), indent + 1);
  }

  void function(const ast::FunctionDef& f, int indent) {
    line(indent, "FunctionDef " + f.name + at(f.span) + " lines=" + std::to_string(f.firstLine) + ".." +
                     std::to_string(f.lastLine));
    for (const auto& d : f.decorators) expr(d.get(), indent + 1, "decorator");
    static const char* const kinds[] = {"positional", "positional-only", "keyword-only", "*args", "**kwargs"};
    for (const auto& p : f.params) {
      line(indent + 1, "param " + p.name + " " + kinds[static_cast<int>(p.kind)] + at(p.span));
      if (p.annotation) expr(p.annotation.get(), indent + 2, "annotation");
      if (p.defaultValue) expr(p.defaultValue.get(), indent + 2, "default");
    }
    if (f.returns) expr(f.returns.get(), indent + 1, "returns");
    if (f.hasDocstring) line(indent + 1, "docstring " + quoted(f.docstring));
    block(f.body, indent + 1, "body");
  }

  void stmt(const Stmt* s, int indent) {
    switch (s->kind) {
      case StmtKind::Expr: line(indent, "Expr" + at(s->span)); break;
      case StmtKind::Assign: line(indent, "Assign" + at(s->span)); break;
      case StmtKind::AnnAssign: line(indent, "AnnAssign" + at(s->span)); break;
      case StmtKind::AugAssign:
        line(indent, std::string("AugAssign ") + ast::spelling(s->binaryOp) + "=" + at(s->span));
        break;
      case StmtKind::If: line(indent, "If" + at(s->span)); break;
      case StmtKind::While: line(indent, "While" + at(s->span)); break;
      case StmtKind::For: line(indent, "For" + at(s->span)); break;
      case StmtKind::Break: line(indent, "Break" + at(s->span)); break;
      case StmtKind::Continue: line(indent, "Continue" + at(s->span)); break;
      case StmtKind::Pass: line(indent, "Pass" + at(s->span)); break;
      case StmtKind::Return: line(indent, "Return" + at(s->span)); break;
      case StmtKind::Raise: line(indent, "Raise" + at(s->span)); break;
      case StmtKind::Assert: line(indent, "Assert" + at(s->span)); break;
      case StmtKind::With: line(indent, "With" + at(s->span)); break;
      case StmtKind::FunctionDef:
        if (s->function) function(*s->function, indent);
        return;
      case StmtKind::Import: {
        std::string head = "Import";
        if (!s->fromModule.empty()) head += " from " + s->fromModule;
        line(indent, head + at(s->span));
        for (const auto& n : s->imports) line(indent + 1, n.name + " as " + n.alias + at(n.span));
        return;
      }
      case StmtKind::Unsupported: line(indent, "Unsupported " + quoted(s->text) + at(s->span)); return;
    }
    switch (s->kind) {
      case StmtKind::Assign:
        for (size_t i = 0; i + 1 < s->exprs.size(); ++i) expr(s->exprs[i].get(), indent + 1, "target");
        if (!s->exprs.empty()) expr(s->exprs.back().get(), indent + 1, "value");
        break;
      case StmtKind::AnnAssign:
        expr(s->exprs.size() > 0 ? s->exprs[0].get() : nullptr, indent + 1, "target");
        expr(s->exprs.size() > 1 ? s->exprs[1].get() : nullptr, indent + 1, "annotation");
        if (s->exprs.size() > 2) expr(s->exprs[2].get(), indent + 1, "value");
        break;
      case StmtKind::AugAssign:
      case StmtKind::For:
        expr(s->exprs.size() > 0 ? s->exprs[0].get() : nullptr, indent + 1, "target");
        expr(s->exprs.size() > 1 ? s->exprs[1].get() : nullptr, indent + 1,
             s->kind == StmtKind::For ? "iter" : "value");
        break;
      case StmtKind::If:
      case StmtKind::While:
        expr(s->exprs.empty() ? nullptr : s->exprs[0].get(), indent + 1, "test");
        break;
      case StmtKind::Assert:
        expr(s->exprs.empty() ? nullptr : s->exprs[0].get(), indent + 1, "test");
        if (s->exprs.size() > 1) expr(s->exprs[1].get(), indent + 1, "msg");
        break;
      default:
        for (const auto& e : s->exprs) expr(e.get(), indent + 1, "");
    }
    if (s->kind == StmtKind::If || s->kind == StmtKind::While || s->kind == StmtKind::For || s->kind == StmtKind::With) {
      block(s->body, indent + 1, "body");
      if (!s->orelse.empty()) block(s->orelse, indent + 1, "orelse");
    }
  }
};

}  // namespace

std::string dumpModule(const ast::Module& module) {
  Dumper d;
  d.line(0, "Module " + module.name);
  for (const auto& s : module.body) d.stmt(s.get(), 1);
  for (const auto& b : module.otherBindings) d.line(1, "binding " + b.name + " " + b.what + at(b.span));
  return d.out;
}

}  // namespace pyxc::syntax
