#include "compiler/emit/analysis.h"

#include "compiler/emit/cpp_text.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using ast::Stmt;
using ast::StmtKind;
using types::Type;

namespace {

struct Constant {
  bool isFloat = false;
  int64_t intValue = 0;
  double floatValue = 0;
};

std::optional<Constant> evaluateConstant(const Expr& e) {
  switch (e.kind) {
    case ExprKind::IntLit:
      if (e.intOverflow) return std::nullopt;
      return Constant{false, e.intValue, 0};
    case ExprKind::BoolLit: return Constant{false, e.boolValue ? 1 : 0, 0};
    case ExprKind::FloatLit: return Constant{true, 0, e.floatValue};
    case ExprKind::Unary: {
      if (e.unaryOp != ast::UnaryOp::Neg && e.unaryOp != ast::UnaryOp::Pos) return std::nullopt;
      const Expr& operand = *e.operands[0];
      // The checker accepts the one literal whose digits alone overflow.
      if (e.unaryOp == ast::UnaryOp::Neg && operand.kind == ExprKind::IntLit && operand.intOverflow &&
          operand.text == "9223372036854775808")
        return Constant{false, INT64_MIN, 0};
      auto inner = evaluateConstant(operand);
      if (!inner || e.unaryOp == ast::UnaryOp::Pos) return inner;
      if (inner->isFloat) return Constant{true, 0, -inner->floatValue};
      // Literals are non-negative, so one negation cannot overflow; a
      // second one of INT64_MIN could, and is left to the runtime check.
      if (inner->intValue == INT64_MIN) return std::nullopt;
      return Constant{false, -inner->intValue, 0};
    }
    default: return std::nullopt;
  }
}

void visitExpr(const Expr* e, bool isTarget, const std::function<void(const Expr&, bool)>& visit) {
  if (!e) return;
  visit(*e, isTarget);
  // Tuple targets contain targets; everything else inside is a read.
  bool childrenAreTargets = isTarget && e->kind == ExprKind::Tuple;
  for (const auto& child : e->operands) visitExpr(child.get(), childrenAreTargets, visit);
  for (const auto& keyword : e->keywords) visitExpr(keyword.value.get(), false, visit);
}

void visitBlock(const ast::Block& body, const std::function<void(const Expr&, bool)>& visit) {
  for (const auto& stmt : body) {
    const Stmt& s = *stmt;
    switch (s.kind) {
      case StmtKind::Assign:
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i) visitExpr(s.exprs[i].get(), true, visit);
        if (!s.exprs.empty()) visitExpr(s.exprs.back().get(), false, visit);
        break;
      case StmtKind::AnnAssign:
        // exprs[1] is the annotation: not evaluated in a function body.
        if (s.exprs.size() > 2 && s.exprs[2]) {
          visitExpr(s.exprs[0].get(), true, visit);
          visitExpr(s.exprs[2].get(), false, visit);
        }
        break;
      case StmtKind::For:
        if (s.exprs.size() > 1) visitExpr(s.exprs[1].get(), false, visit);
        if (!s.exprs.empty()) visitExpr(s.exprs[0].get(), true, visit);
        break;
      case StmtKind::FunctionDef:
      case StmtKind::Import:
        break;
      default:
        // AugAssign reads its target before writing it.
        for (const auto& e : s.exprs) visitExpr(e.get(), false, visit);
    }
    visitBlock(s.body, visit);
    visitBlock(s.orelse, visit);
  }
}

Effects childEffects(const Expr& e, size_t first, const ast::Directives& directives) {
  Effects out;
  for (size_t i = first; i < e.operands.size(); ++i) {
    if (e.operands[i]) out.add(effectsOf(*e.operands[i], directives));
  }
  for (const auto& keyword : e.keywords) {
    if (keyword.value) out.add(effectsOf(*keyword.value, directives));
  }
  return out;
}

Effects primitiveEffects(const std::optional<Primitive>& primitive, const Type& operandType) {
  Effects out;
  if (!primitive) {
    out.ordered = true;
  } else if (primitive->mayRaise) {
    if (primitive->overflowOnly) {
      out.raises.insert("OverflowError:" + types::cppName(operandType));
    } else {
      out.ordered = true;
    }
  }
  return out;
}

Effects orderedEffects() {
  Effects out;
  out.ordered = true;
  return out;
}

// Builtins, math and casts that cannot raise; everything else called is
// ordered (math domain errors, int() of nan, native functions).
Effects callEffects(const Expr& e, const ast::Directives& directives) {
  const std::string& name = e.ref.name;
  switch (e.ref.kind) {
    case RefKind::MathFunction: {
      auto primitive = mathFunction(name);
      return primitive && !primitive->mayRaise ? Effects{} : orderedEffects();
    }
    case RefKind::Builtin: {
      if (name == "float" || name == "bool") return {};
      // min/max of scalars cannot fail; of one list, array or generator
      // they raise ValueError when it is empty, so they keep their place.
      if (name == "min" || name == "max") return e.operands.size() > 2 ? Effects{} : orderedEffects();
      // round(n) and int(n) of an integer are the integer itself.
      const Expr* arg = e.operand(1);
      bool integerArg = arg && e.operands.size() == 2 &&
                        (arg->type.isBool() || (arg->type.isInteger() && (types::isSigned(arg->type.scalar) ||
                                                                          types::bitWidth(arg->type.scalar) < 64)));
      if ((name == "round" || name == "int") && integerArg && e.type.isScalar(types::Scalar::I64)) return {};
      if (name == "abs") return primitiveEffects(absPrimitive(e.type, directives), e.type);
      return orderedEffects();
    }
    case RefKind::ScalarType: return e.type.isFloat() || e.type.isBool() ? Effects{} : orderedEffects();
    default: return orderedEffects();
  }
}

}  // namespace

std::optional<std::string> constantLiteral(const Expr& e, const Type& type) {
  if (!type.isScalar()) return std::nullopt;
  auto constant = evaluateConstant(e);
  if (!constant) return std::nullopt;
  if (constant->isFloat) {
    if (!type.isFloat()) return std::nullopt;  // int(2.5) etc. go through the runtime
    return floatLiteral(constant->floatValue, type);
  }
  if (type.isBool()) return std::string(constant->intValue != 0 ? "true" : "false");
  return intLiteral(constant->intValue, type);
}

std::optional<int64_t> constantInt(const Expr& e) {
  auto constant = evaluateConstant(e);
  if (!constant || constant->isFloat) return std::nullopt;
  return constant->intValue;
}

void Effects::add(const Effects& other) {
  ordered = ordered || other.ordered;
  raises.insert(other.raises.begin(), other.raises.end());
}

Effects effectsOf(const Expr& e, const ast::Directives& directives) {
  if (evaluateConstant(e)) return {};
  switch (e.kind) {
    case ExprKind::IntLit:
    case ExprKind::FloatLit:
    case ExprKind::BoolLit:
    case ExprKind::StrLit:
    case ExprKind::NoneLit: return {};
    case ExprKind::Name: {
      if (e.ref.kind != RefKind::Local) return orderedEffects();
      Effects out;
      if (e.maybeUnbound) out.raises.insert("UnboundLocalError:" + e.text);
      return out;
    }
    case ExprKind::Attribute:
      if (e.ref.kind == RefKind::MathConstant) return Effects{};
      // .shape/.ndim/.size of an array only read it.
      if (e.operand(0) && e.operand(0)->type.kind == types::TypeKind::Array) return childEffects(e, 0, directives);
      return orderedEffects();
    case ExprKind::Unary: {
      Effects out = childEffects(e, 0, directives);
      if (e.unaryOp == ast::UnaryOp::Not || e.unaryOp == ast::UnaryOp::Pos) return out;
      Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
      out.add(primitiveEffects(unaryPrimitive(e.unaryOp, operandType, directives), operandType));
      return out;
    }
    case ExprKind::Binary: {
      Effects out = childEffects(e, 0, directives);
      Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
      out.add(primitiveEffects(binaryPrimitive(e.binaryOp, operandType, directives), operandType));
      return out;
    }
    case ExprKind::BoolOp:
    case ExprKind::Compare:
    case ExprKind::IfExp:
    case ExprKind::Tuple: return childEffects(e, 0, directives);
    case ExprKind::Subscript: {
      Effects out = childEffects(e, 0, directives);
      // Array indexing may raise IndexError (with the index in its message).
      // A list element may also be changed by a later operand's call.
      if (e.operand(0) && e.operand(0)->type.isList()) out.ordered = true;
      if (e.operand(0) && e.operand(0)->type.kind == types::TypeKind::Array && directives.boundscheck)
        out.ordered = true;
      // A view (m[i], a[::k]) also raises ValueError for a zero step.
      if (e.type.kind == types::TypeKind::Array) out.ordered = true;
      return out;
    }
    case ExprKind::Call: {
      // operands[0] is the callee: naming it does nothing.
      Effects out = childEffects(e, 1, directives);
      out.add(callEffects(e, directives));
      return out;
    }
    default: return orderedEffects();
  }
}

bool orderMatters(const std::vector<Effects>& operands) {
  int effectful = 0;
  Effects all;
  for (const Effects& effects : operands) {
    if (effects.none()) continue;
    ++effectful;
    all.add(effects);
  }
  return effectful > 1 && (all.ordered || all.raises.size() > 1);
}

void forEachExpr(const ast::Block& body, const std::function<void(const Expr&, bool)>& visit) {
  visitBlock(body, visit);
}

std::vector<bool> localsRead(const ast::FunctionDef& fn) {
  std::vector<bool> read(fn.locals.size(), false);
  forEachExpr(fn.body, [&](const Expr& e, bool isTarget) {
    if (!isTarget && e.kind == ExprKind::Name && e.ref.kind == RefKind::Local && e.ref.index >= 0 &&
        static_cast<size_t>(e.ref.index) < read.size()) {
      read[static_cast<size_t>(e.ref.index)] = true;
    }
  });
  return read;
}

std::vector<bool> localsNeedingBoundFlag(const ast::FunctionDef& fn) {
  std::vector<bool> flagged(fn.locals.size(), false);
  forEachExpr(fn.body, [&](const Expr& e, bool isTarget) {
    if (!isTarget && e.maybeUnbound && e.kind == ExprKind::Name && e.ref.kind == RefKind::Local &&
        e.ref.index >= 0 && static_cast<size_t>(e.ref.index) < flagged.size()) {
      flagged[static_cast<size_t>(e.ref.index)] = true;
    }
  });
  return flagged;
}

bool bodyNeedsNoGil(const ast::FunctionDef& fn) {
  bool needed = false;
  std::function<void(const ast::Block&)> scanLoops = [&](const ast::Block& body) {
    for (const auto& s : body) {
      if (s->kind == StmtKind::While || s->kind == StmtKind::For) needed = true;
      scanLoops(s->body);
      scanLoops(s->orelse);
    }
  };
  scanLoops(fn.body);
  forEachExpr(fn.body, [&](const Expr& e, bool) {
    // A native call may run long; so may filling a large new array.
    if (e.kind == ExprKind::Call &&
        (e.ref.kind == RefKind::NativeFunction || e.ref.kind == RefKind::ArrayConstructor ||
         e.ref.kind == RefKind::NumpyAllocation || e.ref.kind == RefKind::ArrayMethod))
      needed = true;
    // np.dot / np.matmul / `@` loop over whole arrays.
    if ((e.kind == ExprKind::Call && e.ref.kind == RefKind::NumpyLinalg) ||
        (e.kind == ExprKind::Binary && e.binaryOp == ast::BinaryOp::MatMul))
      needed = true;
    // A NumPy reduction reads every element of its array.
    if (e.kind == ExprKind::Call && e.ref.kind == RefKind::NumpyReduction) needed = true;
    // A comprehension or generator expression is a loop; a list method
    // (sort, extend, index, ...) or a new list may touch every element.
    if (e.kind == ExprKind::ListComp || e.kind == ExprKind::GeneratorExp || e.ref.kind == RefKind::ListMethod ||
        e.type.isList())
      needed = true;
  });
  return needed;
}

std::set<const ast::FunctionDef*> recursiveFunctions(const ast::Module& module) {
  const auto& functions = module.functions;
  std::vector<std::set<size_t>> callees(functions.size());
  for (size_t i = 0; i < functions.size(); ++i) {
    if (!functions[i]->isNative) continue;
    forEachExpr(functions[i]->body, [&](const Expr& e, bool) {
      if (e.kind == ExprKind::Call && e.ref.kind == RefKind::NativeFunction && e.ref.index >= 0 &&
          static_cast<size_t>(e.ref.index) < functions.size())
        callees[i].insert(static_cast<size_t>(e.ref.index));
    });
  }
  // A module has a handful of native functions: a search from each is enough.
  std::set<const ast::FunctionDef*> recursive;
  for (size_t start = 0; start < functions.size(); ++start) {
    std::vector<bool> seen(functions.size(), false);
    std::vector<size_t> stack(callees[start].begin(), callees[start].end());
    while (!stack.empty()) {
      size_t f = stack.back();
      stack.pop_back();
      if (f == start) {
        recursive.insert(functions[start]);
        break;
      }
      if (seen[f]) continue;
      seen[f] = true;
      stack.insert(stack.end(), callees[f].begin(), callees[f].end());
    }
  }
  return recursive;
}

namespace {

// Which array parameters each local may be (a view of): `b = a`,
// `row = m[i]`, `for row in m`, `inner = row[1:]`. Writes through the local
// are writes to them.
class ArrayAliases {
 public:
  explicit ArrayAliases(const ast::FunctionDef& fn) : of_(fn.locals.size()) {
    for (size_t p = 0; p < fn.params.size() && p < of_.size(); ++p) of_[p].insert(static_cast<int>(p));
    // A handful of locals: rounds until nothing changes.
    for (bool changed = true; changed;) {
      changed = false;
      visit(fn.body, changed);
    }
  }

  // The parameters the array expression `e` may be or view.
  std::set<int> roots(const Expr* e) const {
    std::set<int> out;
    if (!e) return out;
    if (e->kind == ExprKind::Name && e->ref.kind == RefKind::Local && e->ref.index >= 0 &&
        static_cast<size_t>(e->ref.index) < of_.size())
      return of_[static_cast<size_t>(e->ref.index)];
    if (e->kind == ExprKind::Subscript && e->type.kind == types::TypeKind::Array) return roots(e->operand(0));
    if (e->kind == ExprKind::IfExp) {
      out = roots(e->operand(1));
      for (int p : roots(e->operand(2))) out.insert(p);
    }
    // A tuple, and enumerate/zip/reversed of arrays, may hold any of its parts.
    bool iteration = e->kind == ExprKind::Call && e->ref.kind == RefKind::Builtin &&
                     (e->ref.name == "zip" || e->ref.name == "enumerate" || e->ref.name == "reversed");
    if (e->kind == ExprKind::Tuple || iteration)
      for (size_t i = iteration ? 1 : 0; i < e->operands.size(); ++i)
        for (int p : roots(e->operand(i))) out.insert(p);
    return out;
  }

 private:
  void bind(const Expr* target, const Expr* value, bool& changed) {
    if (target && target->kind == ExprKind::Tuple) {  // unpacking: each name may be any part
      for (const auto& element : target->operands) bind(element.get(), value, changed);
      return;
    }
    if (!target || target->kind != ExprKind::Name || target->ref.kind != RefKind::Local || target->ref.index < 0 ||
        static_cast<size_t>(target->ref.index) >= of_.size())
      return;
    for (int p : roots(value)) changed |= of_[static_cast<size_t>(target->ref.index)].insert(p).second;
  }
  void visit(const ast::Block& body, bool& changed) {
    for (const auto& stmt : body) {
      const Stmt& s = *stmt;
      if (s.kind == StmtKind::Assign && s.exprs.size() >= 2)
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i) bind(s.exprs[i].get(), s.exprs.back().get(), changed);
      if (s.kind == StmtKind::AnnAssign && s.exprs.size() > 2) bind(s.exprs[0].get(), s.exprs[2].get(), changed);
      if (s.kind == StmtKind::For && s.exprs.size() > 1 && s.exprs[0] &&
          (s.exprs[0]->type.kind == types::TypeKind::Array || s.exprs[0]->kind == ExprKind::Tuple ||
           s.exprs[0]->type.kind == types::TypeKind::Tuple))
        bind(s.exprs[0].get(), s.exprs[1].get(), changed);  // the rows of a 2-D array
      visit(s.body, changed);
      visit(s.orelse, changed);
    }
  }

  std::vector<std::set<int>> of_;
};

void markDirectWrites(const ast::Block& body, const ArrayAliases& aliases, std::vector<bool>& written) {
  for (const auto& stmt : body) {
    const Stmt& s = *stmt;
    auto markTarget = [&](const Expr* target) {
      if (target && target->kind == ExprKind::Subscript)
        for (int p : aliases.roots(target->operand(0))) written[static_cast<size_t>(p)] = true;
    };
    if (s.kind == StmtKind::Assign) {
      for (size_t i = 0; i + 1 < s.exprs.size(); ++i) {
        markTarget(s.exprs[i].get());
        if (s.exprs[i] && s.exprs[i]->kind == ExprKind::Tuple)
          for (const auto& element : s.exprs[i]->operands) markTarget(element.get());
      }
    }
    if (s.kind == StmtKind::AugAssign && !s.exprs.empty()) markTarget(s.exprs[0].get());
    markDirectWrites(s.body, aliases, written);
    markDirectWrites(s.orelse, aliases, written);
  }
}

}  // namespace

std::map<const ast::FunctionDef*, std::vector<bool>> arrayParamWrites(const ast::Module& module) {
  std::map<const ast::FunctionDef*, std::vector<bool>> written;
  std::map<const ast::FunctionDef*, ArrayAliases> aliases;
  for (const ast::FunctionDef* fn : module.functions) {
    if (!fn->isNative) continue;
    std::vector<bool>& flags = written[fn];
    flags.assign(fn->params.size(), false);
    const ArrayAliases& fnAliases = aliases.emplace(fn, ArrayAliases(*fn)).first->second;
    markDirectWrites(fn->body, fnAliases, flags);
  }
  // Passing an array (or a view of it) on to a function that writes it:
  // iterate to a fixed point (a handful of functions, so a few rounds).
  for (bool changed = true; changed;) {
    changed = false;
    for (const ast::FunctionDef* fn : module.functions) {
      if (!fn->isNative) continue;
      const ArrayAliases& fnAliases = aliases.at(fn);
      forEachExpr(fn->body, [&](const Expr& e, bool) {
        if (e.kind != ExprKind::Call || e.ref.kind != RefKind::NativeFunction || e.ref.index < 0 ||
            static_cast<size_t>(e.ref.index) >= module.functions.size())
          return;
        const std::vector<bool>& callee = written[module.functions[static_cast<size_t>(e.ref.index)]];
        for (size_t k = 0; k < e.boundArgs.size() && k < callee.size(); ++k) {
          if (!callee[k]) continue;
          for (int slot : fnAliases.roots(e.boundArgs[k])) {
            if (written[fn][static_cast<size_t>(slot)]) continue;
            written[fn][static_cast<size_t>(slot)] = true;
            changed = true;
          }
        }
      });
    }
  }
  return written;
}

std::string defaultValueLiteral(const ast::Param& param) {
  if (!param.defaultValue) return {};
  return constantLiteral(*param.defaultValue, param.type).value_or(std::string());
}

}  // namespace pyxc::emit
