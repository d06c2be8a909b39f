// Expressions: every method returns C++ text of the expression's own type
// (cppName(e.type)) that is a primary expression (a name, literal, call,
// cast or parenthesized operation), so callers can embed it anywhere.
#include <optional>

#include <fmt/format.h>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using types::Scalar;
using types::Type;

namespace {

}  // namespace

std::string FunctionEmitter::expr(const Expr& e) {
  if (auto it = valueOverrides_.find(&e); it != valueOverrides_.end())
    return convertValue(it->second.text, it->second.type, e.type);
  switch (e.kind) {
    case ExprKind::IntLit:
    case ExprKind::FloatLit:
    case ExprKind::BoolLit: return literal(e, e.type);
    case ExprKind::Name:
      if (e.ref.kind == RefKind::PythonGlobal) return pythonObject(e);
      return name(e);
    case ExprKind::Attribute: {
      if (e.ref.kind == RefKind::PythonAttribute) return pythonObject(e);
      std::string constant = e.ref.name.empty() ? e.text : e.ref.name;
      if (e.ref.kind == RefKind::MathConstant) {
        if (auto spelled = mathConstant(constant)) return *spelled;
      }
      if (e.operand(0) && e.operand(0)->type.kind == types::TypeKind::Array) return arrayAttribute(e);
      return unsupported(e, "the attribute '" + e.text + "'");
    }
    case ExprKind::Unary: return unary(e);
    case ExprKind::Binary: return binary(e);
    case ExprKind::BoolOp: return boolOp(e);
    case ExprKind::Compare: return compare(e);
    case ExprKind::IfExp: return ifExp(e);
    case ExprKind::Tuple: return tuple(e);
    case ExprKind::Subscript: return subscript(e);
    case ExprKind::Call: return call(e);
    case ExprKind::List:
    case ExprKind::ListComp: return freshList(e, e.type);
    default: return unsupported(e, "this expression");
  }
}

std::string FunctionEmitter::exprAs(const Expr& e, const Type& type) {
  if (auto it = valueOverrides_.find(&e); it != valueOverrides_.end())
    return convertValue(it->second.text, it->second.type, type);
  if (auto constant = constantLiteral(e, type)) return *constant;
  if (type.isList() && isFreshListExpr(e)) return freshList(e, type);
  if (e.type.isObject() && !type.isObject()) return pythonResultAs(e, type);  // y: f64 = f(x)
  if (e.kind == ExprKind::Tuple && type.kind == types::TypeKind::Tuple &&
      type.elements.size() == e.operands.size()) {
    // Convert element by element; braced initialisation evaluates the
    // elements left to right.
    std::vector<std::string> elements;
    for (size_t i = 0; i < e.operands.size(); ++i) elements.push_back(exprAs(*e.operands[i], type.elements[i]));
    return types::cppName(type) + "{" + joinTexts(elements, ", ") + "}";
  }
  return convertValue(expr(e), e.type, type);
}

std::string FunctionEmitter::condition(const Expr& e) {
  if (e.kind == ExprKind::BoolOp) {
    std::vector<std::string> parts{condition(*e.operands[0])};
    ConditionalScope later(*this);
    for (size_t i = 1; i < e.operands.size(); ++i) parts.push_back(condition(*e.operands[i]));
    return "(" + joinTexts(parts, e.boolOp == ast::BoolOpKind::And ? " && " : " || ") + ")";
  }
  if (e.kind == ExprKind::Unary && e.unaryOp == ast::UnaryOp::Not) return "(!" + condition(*e.operands[0]) + ")";
  return truthiness(expr(e), e.type);
}

FunctionEmitter::Operand FunctionEmitter::operand(const Expr& e, const Type& type) {
  return Operand{&e, type, {}};
}

bool FunctionEmitter::isEffectful(const Expr& e) const { return !effectsOf(e, fn_.directives).none(); }

std::string FunctionEmitter::hold(const std::string& text, const Type& type, std::string& iife) {
  std::string name = temp();
  std::string declaration = fmt::format("const {} {} = {};", types::cppName(type), name, withoutOuterParens(text));
  if (preludeEnabled_) {
    prelude_.push_back(declaration);
  } else {
    iife += declaration + " ";
  }
  return name;
}

std::string FunctionEmitter::sequenced(const std::vector<Operand>& operands, const Type& resultType,
                                       const std::function<std::string(const std::vector<std::string>&)>& combine) {
  std::vector<Effects> effects;
  size_t lastEffectful = 0;
  for (size_t i = 0; i < operands.size(); ++i) {
    effects.push_back(operands[i].expr ? effectsOf(*operands[i].expr, fn_.directives) : Effects{});
    if (!effects.back().none()) lastEffectful = i;
  }
  bool ordered = orderMatters(effects);
  // Pure operands (locals, literals) cannot be changed by the others, so
  // only the effectful ones before the last need a temporary. Texts are
  // generated in order, so an operand's own temporaries follow those of
  // the operands before it.
  std::vector<std::string> texts;
  std::string iife;
  for (size_t i = 0; i < operands.size(); ++i) {
    const Operand& op = operands[i];
    std::string text = op.expr ? exprAs(*op.expr, op.type) : op.text;
    if (ordered && !effects[i].none() && i < lastEffectful) text = hold(text, op.type, iife);
    texts.push_back(std::move(text));
  }
  if (iife.empty()) return combine(texts);
  return fmt::format("[&]() -> {} {{ {}return {}; }}()", types::cppName(resultType), iife, combine(texts));
}

std::string FunctionEmitter::literal(const Expr& e, const Type& type) {
  if (auto constant = constantLiteral(e, type)) return *constant;
  return unsupported(e, "this literal");
}

const ast::Local* FunctionEmitter::localOf(const Expr& e) const {
  if (e.ref.kind != RefKind::Local || e.ref.index < 0 || static_cast<size_t>(e.ref.index) >= fn_.locals.size()) {
    return nullptr;
  }
  return &fn_.locals[static_cast<size_t>(e.ref.index)];
}

std::string FunctionEmitter::name(const Expr& e) {
  const ast::Local* local = localOf(e);
  if (!local) return unsupported(e, "the name '" + e.text + "'");
  std::string variable = localName(local->name);
  if (!e.maybeUnbound) return variable;
  return fmt::format("({} ? {} : (pyxc::rt::raise_unbound_local({}), {}))", boundFlagName(local->name), variable,
                     cppStringLiteral(local->name), variable);
}

std::string FunctionEmitter::unary(const Expr& e) {
  const Expr& inner = *e.operands[0];
  if (e.unaryOp == ast::UnaryOp::Not) return "(!" + condition(inner) + ")";
  if (auto constant = constantLiteral(e, e.type)) return *constant;
  Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
  auto primitive = unaryPrimitive(e.unaryOp, operandType, fn_.directives);
  if (auto range = ranges_.ofAs(inner, operandType); primitive && range && rangesApply_) {
    if (auto proven = provenUnaryPrimitive(e.unaryOp, operandType, *range, fn_.directives)) primitive = proven;
  }
  if (!primitive) {
    return unsupported(e, fmt::format("unary '{}' on {}", ast::spelling(e.unaryOp), types::pythonName(operandType)));
  }
  std::string value = exprAs(inner, operandType);
  // `-{0}` of a negative literal would spell `--2.5f`, C++'s decrement.
  if (!value.empty() && value.front() == '-') value = "(" + value + ")";
  std::string text = applyPattern(*primitive, {value}, operandType);
  return convertValue(text, operandType, e.type);
}

std::string FunctionEmitter::binary(const Expr& e) {
  if (e.type.isList()) return listBinary(e);
  if (e.binaryOp == ast::BinaryOp::MatMul) return matmulOperator(e);  // emit_numpy_linalg.cpp
  Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
  auto primitive = binaryPrimitiveFor(e.binaryOp, operandType, *e.operands[0], *e.operands[1]);
  if (!primitive) {
    return unsupported(e, fmt::format("'{}' on {}", ast::spelling(e.binaryOp), types::pythonName(operandType)));
  }
  Type resultType = binaryResultType(e.binaryOp, operandType);
  std::string text = sequenced({operand(*e.operands[0], operandType), operand(*e.operands[1], operandType)},
                               resultType, [&](const std::vector<std::string>& operands) {
                                 return applyPattern(*primitive, operands, operandType);
                               });
  return convertValue(text, resultType, e.type);
}

std::optional<Primitive> FunctionEmitter::binaryPrimitiveFor(ast::BinaryOp op, const Type& operandType,
                                                             const Expr& left, const Expr& right) {
  auto primitive = binaryPrimitive(op, operandType, fn_.directives);
  if (!primitive || !rangesApply_) return primitive;
  auto leftRange = ranges_.ofAs(left, operandType);
  auto rightRange = ranges_.ofAs(right, operandType);
  if (!leftRange || !rightRange) return primitive;
  if (auto proven = provenBinaryPrimitive(op, operandType, *leftRange, *rightRange, fn_.directives)) return proven;
  return primitive;
}

std::string FunctionEmitter::boolOp(const Expr& e) {
  const Type& type = e.type;
  if (type.isBool()) return condition(e);
  // `a and b` is `b` when `a` is truthy, else `a` itself (converted to the
  // joined type): build the chain from the right.
  bool isAnd = e.boolOp == ast::BoolOpKind::And;
  std::string result;
  {
    ConditionalScope later(*this);
    result = exprAs(*e.operands.back(), type);
    for (size_t i = e.operands.size() - 1; i-- > 1;) result = boolOpStep(*e.operands[i], isAnd, result, type);
  }
  return boolOpStep(*e.operands[0], isAnd, result, type);
}

std::string FunctionEmitter::boolOpStep(const Expr& left, bool isAnd, const std::string& rest, const Type& type) {
  if (!isEffectful(left)) {
    // Pure: naming it twice evaluates it once.
    std::string value = exprAs(left, type);
    std::string test = condition(left);
    return isAnd ? fmt::format("({} ? {} : {})", test, rest, value) : fmt::format("({} ? {} : {})", test, value, rest);
  }
  std::string iife;
  std::string held = hold(exprAs(left, type), type, iife);
  std::string choice = fmt::format("{} ? {} : {}", truthiness(held, type), isAnd ? rest : held, isAnd ? held : rest);
  if (iife.empty()) return "(" + choice + ")";
  return fmt::format("[&]() -> {} {{ {}return {}; }}()", types::cppName(type), iife, choice);
}

std::string FunctionEmitter::compare(const Expr& e) {
  if (e.compareOps.size() == 1 && e.operands.size() == 2 && e.operands[1]->type.isList()) return listMembership(e);
  size_t count = e.compareOps.size();
  auto typeOf = [&](size_t i) {
    if (i < e.operandTypes.size()) return e.operandTypes[i];
    return numericJoin(e.operands[i]->type, e.operands[i + 1]->type);
  };
  auto comparison = [&](size_t i, const std::string& left, const std::string& right) {
    if (typeOf(i).kind == types::TypeKind::Tuple) return tupleComparison(e.compareOps[i], left, right);
    const char* pattern = comparePattern(e.compareOps[i]);
    if (!pattern) return unsupported(e, fmt::format("the comparison '{}'", ast::spelling(e.compareOps[i])));
    // `n == n` on the same pure int is constant, and compilers warn about
    // it (-Wtautological-compare); on floats it is the NaN test and stays.
    bool samePureValue = left == right && !isEffectful(*e.operands[i]) && !isEffectful(*e.operands[i + 1]);
    if (samePureValue && !typeOf(i).isFloat()) {
      ast::CompareOp op = e.compareOps[i];
      bool reflexive = op == ast::CompareOp::Eq || op == ast::CompareOp::LtE || op == ast::CompareOp::GtE;
      // Still names the operand, so a parameter read only here is used.
      return fmt::format("(static_cast<void>({}), {})", left, reflexive ? "true" : "false");
    }
    return "(" + fmt::format(fmt::runtime(pattern), left, right) + ")";
  };
  bool middlesPure = true;
  for (size_t i = 1; i < count; ++i) middlesPure = middlesPure && !isEffectful(*e.operands[i]);
  if (middlesPure) {
    // Each middle operand is pure, so repeating it is evaluating it once;
    // only the outer two may be effectful and they sit in different
    // comparisons joined by a sequencing `&&`.
    std::vector<std::string> parts;
    std::optional<ConditionalScope> later;
    for (size_t i = 0; i < count; ++i) {
      if (i == 1) later.emplace(*this);
      Type type = typeOf(i);
      parts.push_back(sequenced({operand(*e.operands[i], type), operand(*e.operands[i + 1], type)},
                                Type::scalarOf(Scalar::Bool), [&](const std::vector<std::string>& sides) {
                                  return comparison(i, sides[0], sides[1]);
                                }));
    }
    return count == 1 ? parts[0] : "(" + joinTexts(parts, " && ") + ")";
  }
  // Evaluate each operand once, in order, stopping at the first false.
  ConditionalScope inLambda(*this);
  std::vector<std::string> held;
  std::string body;
  for (size_t i = 0; i <= count; ++i) {
    const Expr& operandExpr = *e.operands[i];
    if (isEffectful(operandExpr)) {
      held.push_back(temp());
      body += fmt::format("const {} {} = {}; ", types::cppName(operandExpr.type), held[i],
                          withoutOuterParens(expr(operandExpr)));
    } else {
      held.push_back(expr(operandExpr));  // a pure operand may be named twice
    }
    if (i == 0) continue;
    Type type = typeOf(i - 1);
    std::string test = comparison(i - 1, convertValue(held[i - 1], e.operands[i - 1]->type, type),
                                  convertValue(held[i], operandExpr.type, type));
    body += i == count ? fmt::format("return {};", test) : fmt::format("if (!{}) return false; ", test);
  }
  return fmt::format("[&]() -> bool {{ {} }}()", body);
}

std::string FunctionEmitter::ifExp(const Expr& e) {
  std::string test = condition(*e.operands[0]);
  ConditionalScope branches(*this);
  std::string body = exprAs(*e.operands[1], e.type);
  return fmt::format("({} ? {} : {})", test, body, exprAs(*e.operands[2], e.type));
}

std::string FunctionEmitter::tuple(const Expr& e) { return exprAs(e, e.type); }

std::string FunctionEmitter::subscript(const Expr& e) {
  const Expr& object = *e.operands[0];
  if (object.type.kind == types::TypeKind::Array)
    return e.type.kind == types::TypeKind::Array ? arrayView(e) : arrayElement(e);
  if (object.type.isList()) return listSubscript(e);
  if (auto dim = arrayShapeItem(e)) return *dim;
  if (object.type.kind == types::TypeKind::Tuple && e.operands.size() == 2) {
    auto index = constantInt(*e.operands[1]);
    int64_t size = static_cast<int64_t>(object.type.elements.size());
    if (index && *index < 0) *index += size;
    if (index && *index >= 0 && *index < size) return fmt::format("std::get<{}>({})", *index, expr(object));
  }
  return unsupported(e, "this subscript");
}

std::string FunctionEmitter::unsupported(const Expr& e, const std::string& what) {
  ctx_.errors.push_back(fmt::format("{}:{}:{}: pyxc cannot emit {} (the checker should have rejected it)",
                                    ctx_.source.path(), e.span.line, e.span.column + 1, what));
  return "0";
}

std::string FunctionEmitter::temp() { return fmt::format("pyxc_t{}", ++tempCounter_); }

}  // namespace pyxc::emit
