// Statements and the function body as a whole.
#include <fmt/format.h>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using ast::Stmt;
using ast::StmtKind;
using types::Scalar;
using types::Type;

namespace {
const Type kI64 = Type::scalarOf(Scalar::I64);

// Every value a range over these types produces fits in `target`.
bool rangeFits(const std::vector<const Expr*>& args, const Type& target) {
  if (!target.isInteger()) return false;
  for (const Expr* arg : args) {
    const Type& t = arg->type;
    if (t.isBool()) continue;
    if (!t.isInteger()) return false;
    int width = types::bitWidth(t.scalar), targetWidth = types::bitWidth(target.scalar);
    bool fits = types::isSigned(t.scalar) == types::isSigned(target.scalar)
                    ? width <= targetWidth
                    : !types::isSigned(t.scalar) && width < targetWidth;
    if (!fits) return false;
  }
  return true;
}
}  // namespace

std::string paramName(const ast::FunctionDef& fn, size_t index) {
  const ast::Param& param = fn.params[index];
  std::string name = localName(param.name);
  if (param.type.kind != types::TypeKind::Array) return name;
  bool rebound = false;
  forEachExpr(fn.body, [&](const Expr& e, bool isTarget) {
    if (isTarget && e.kind == ExprKind::Name && e.ref.kind == RefKind::Local && e.ref.index == static_cast<int>(index))
      rebound = true;
  });
  return rebound ? name + "view" : name;
}

std::string implSignature(const ast::FunctionDef& fn, bool recursive) {
  std::vector<bool> read = localsRead(fn);
  std::string params;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    if (i) params += ", ";
    bool used = i < read.size() && read[i];
    params += fmt::format("{}{} {}", used ? "" : "[[maybe_unused]] ", types::cppParamName(fn.params[i].type),
                          paramName(fn, i));
  }
  if (recursive) params += fmt::format("{}int64_t {}", params.empty() ? "" : ", ", kRecursionBudget);
  return fmt::format("{}static {} {}({})", fn.directives.fastmath ? "PYXC_FAST_MATH " : "",
                     types::cppName(fn.returnType), implName(fn.cppBaseName()), params);
}

FunctionEmitter::FunctionEmitter(const ModuleContext& context, const ast::FunctionDef& fn)
    : ctx_(context), fn_(fn), needsBoundFlag_(localsNeedingBoundFlag(fn)), ranges_(fn) {}

void FunctionEmitter::emitDefinition(CodeWriter& out) {
  out_ = &out;
  std::vector<bool> read = localsRead(fn_);
  lineDirective(fn_.nameSpan.valid() ? fn_.nameSpan : fn_.span);
  out.line(implSignature(fn_, ctx_.isRecursive(fn_)) + " {");
  out.indent();
  if (ctx_.isRecursive(fn_))
    out.line(fmt::format("if ({} <= 0) [[unlikely]] pyxc::rt::raise_recursion_error();", kRecursionBudget));
  for (size_t i = 0; i < fn_.params.size(); ++i) {
    // An array parameter the body rebinds becomes an owning local: it may
    // be given an array created here, which the view could not keep alive.
    if (paramName(fn_, i) != localName(fn_.params[i].name))
      out.line(fmt::format("{} {} = {};", types::cppName(fn_.params[i].type), localName(fn_.params[i].name),
                           paramName(fn_, i)));
  }
  // Declared again inside a prange chunk lambda: maybe unused out here.
  std::vector<bool> parallelPrivate = parallelPrivates(fn_);
  for (size_t i = 0; i < fn_.locals.size(); ++i) {
    const ast::Local& local = fn_.locals[i];
    const char* maybeUnused = read[i] && !parallelPrivate[i] ? "" : "[[maybe_unused]] ";
    if (!local.isParam && !local.comprehension) {
      // Zero-initialised like the example module; a local only assigned
      // (a loop variable nobody reads) must not warn.
      out.line(fmt::format("{}{} {}{{}};", maybeUnused, types::cppName(local.type), localName(local.name)));
    }
    if (needsBoundFlag_[i]) {
      out.line(fmt::format("{}bool {} = {};", parallelPrivate[i] ? "[[maybe_unused]] " : "",
                           boundFlagName(local.name), local.isParam ? "true" : "false"));
    }
  }
  block(fn_.body);
  bool endsWithReturn = !fn_.body.empty() && fn_.body.back()->kind == StmtKind::Return;
  if (fn_.returnType.kind != types::TypeKind::Void && !endsWithReturn) {
    // Python would return None here; a typed function cannot.
    out.line(fmt::format("pyxc::rt::raise(pyxc::rt::Exc::TypeError, {});",
                         cppStringLiteral(fmt::format("{}() reached its end without returning a value (declared -> {})",
                                                      fn_.name, types::pythonName(fn_.returnType)))));
  }
  out.dedent();
  out.line("}");
  out_ = nullptr;
}

void FunctionEmitter::lineDirective(const Span& span) {
  if (!ctx_.options.lineDirectives || !span.valid()) return;
  out_->preprocessor(fmt::format("#line {} {}", span.line, cppStringLiteral(ctx_.source.path())));
}

void FunctionEmitter::block(const ast::Block& body) {
  for (const auto& s : body) statement(*s);
}

void FunctionEmitter::line(const std::string& text) {
  for (const std::string& pending : prelude_) out_->line(pending);
  prelude_.clear();
  out_->line(text);
}

void FunctionEmitter::statement(const Stmt& s) {
  lineDirective(s.span);
  preludeEnabled_ = true;
  switch (s.kind) {
    case StmtKind::Expr: return expressionStatement(s);
    case StmtKind::Assign:
    case StmtKind::AnnAssign: return assign(s);
    case StmtKind::AugAssign: return augAssign(s);
    case StmtKind::If: return ifStatement(s, false);
    case StmtKind::While: return whileLoop(s);
    case StmtKind::For: return forLoop(s);
    case StmtKind::Break:
      if (!loopBrokeFlags_.empty() && !loopBrokeFlags_.back().empty()) {
        line(loopBrokeFlags_.back() + " = true;");
      }
      line("break;");
      return;
    case StmtKind::Continue: line("continue;"); return;
    case StmtKind::Pass: line("// pass"); return;
    case StmtKind::Return: return returnStatement(s);
    case StmtKind::Raise: return raiseStatement(s);
    case StmtKind::Assert: return assertStatement(s);
    case StmtKind::Import: line("// import: resolved at compile time"); return;
    case StmtKind::With: return withGil(s);
    case StmtKind::FunctionDef: return unsupportedStatement(s, "a nested function definition");
    case StmtKind::Unsupported: return unsupportedStatement(s, s.text);
  }
}

void FunctionEmitter::expressionStatement(const Stmt& s) {
  const Expr& e = *s.exprs[0];
  if (e.kind == ExprKind::StrLit) {
    line("// (string statement)");
    return;
  }
  std::string text = expr(e);
  line(e.kind == ExprKind::Call ? text + ";" : "(void)" + text + ";");
}

void FunctionEmitter::assign(const Stmt& s) {
  std::vector<const Expr*> targets;
  const Expr* value = nullptr;
  if (s.kind == StmtKind::AnnAssign) {
    if (s.exprs.size() < 3 || !s.exprs[2]) {
      line("// declaration only");
      return;
    }
    targets.push_back(s.exprs[0].get());
    value = s.exprs[2].get();
  } else {
    for (size_t i = 0; i + 1 < s.exprs.size(); ++i) targets.push_back(s.exprs[i].get());
    value = s.exprs.back().get();
  }
  if (targets.size() == 1 && targets[0]->kind == ExprKind::Name) {
    const ast::Local* local = localOf(*targets[0]);
    if (!local) return unsupportedStatement(s, "this assignment target");
    assignTo(*targets[0], exprAs(*value, local->type), local->type);
    return;
  }
  // Python evaluates the whole right side before binding any target
  // (`a, b = b, a`), so every element goes to a temporary first.
  if (targets.size() == 1 && targets[0]->kind == ExprKind::Tuple && value->kind == ExprKind::Tuple &&
      targets[0]->operands.size() == value->operands.size()) {
    std::vector<std::string> held;
    for (const auto& element : value->operands) {
      held.push_back(temp());
      line(fmt::format("const {} {} = {};", types::cppName(element->type), held.back(), expr(*element)));
    }
    for (size_t i = 0; i < held.size(); ++i) assignTo(*targets[0]->operands[i], held[i], value->operands[i]->type);
    return;
  }
  std::string held = temp();
  line(fmt::format("const {} {} = {};", types::cppName(value->type), held, expr(*value)));
  for (const Expr* target : targets) assignTo(*target, held, value->type);
}

void FunctionEmitter::assignTo(const Expr& target, const std::string& value, const Type& valueType) {
  if (target.kind == ExprKind::Name) {
    const ast::Local* local = localOf(target);
    if (!local) {
      unsupported(target, "this assignment target");
      return;
    }
    std::string converted = withoutOuterParens(convertValue(value, valueType, local->type));
    // `x = x` (clang: -Wself-assign) changes nothing once x is known bound.
    if (converted == localName(local->name)) {
      line(fmt::format("static_cast<void>({});  // {} = {}", converted, local->name, local->name));
    } else {
      line(fmt::format("{} = {};", localName(local->name), converted));
    }
    if (needsBoundFlag_[static_cast<size_t>(target.ref.index)]) line(boundFlagName(local->name) + " = true;");
    return;
  }
  if (target.kind == ExprKind::Tuple && valueType.kind == types::TypeKind::Tuple &&
      valueType.elements.size() == target.operands.size()) {
    for (size_t i = 0; i < target.operands.size(); ++i) {
      assignTo(*target.operands[i], fmt::format("std::get<{}>({})", i, value), valueType.elements[i]);
    }
    return;
  }
  if (target.kind == ExprKind::Subscript && target.operands[0]->type.isList()) {
    // Python evaluates the value first, then the list and the index.
    const Type element = target.operands[0]->type.listElement();
    std::string converted = withoutOuterParens(convertValue(value, valueType, element));
    line(fmt::format("{} = {};", listElementRef(target), converted));
    return;
  }
  if (target.kind == ExprKind::Tuple && valueType.kind == types::TypeKind::Array)
    return unpackArray(target, value, valueType);  // emit_iteration.cpp
  if (target.kind == ExprKind::Subscript && target.operands[0]->type.kind == types::TypeKind::Array) {
    // C++17 sequences the right side of `=` first, as Python evaluates the
    // value before the target's indices.
    Type element = Type::scalarOf(target.operands[0]->type.scalar);
    std::string converted = withoutOuterParens(convertValue(value, valueType, element));
    // A narrowing int conversion raises OverflowError, which Python (the
    // array's __setitem__) raises after checking the index: index first.
    bool mayRaise = element.isInteger() && valueType != element && !valueType.isBool();
    if (!mayRaise) {
      line(fmt::format("{} = {};", arrayElement(target), converted));
      return;
    }
    std::string ref = temp();
    line("{");
    out_->indent();
    line(fmt::format("{}& {} = {};", types::cppName(element), ref, withoutOuterParens(arrayElement(target))));
    line(fmt::format("{} = {};", ref, converted));
    out_->dedent();
    line("}");
    return;
  }
  unsupported(target, "this assignment target");
}

void FunctionEmitter::augAssign(const Stmt& s) {
  const Expr& target = *s.exprs[0];
  const Expr& value = *s.exprs[1];
  if (target.kind == ExprKind::Subscript && target.operands[0]->type.kind == types::TypeKind::Array)
    return arrayAugAssign(s);
  if (target.kind == ExprKind::Subscript && target.operands[0]->type.isList()) return listAugAssign(s);
  const ast::Local* local = localOf(target);
  if (target.kind != ExprKind::Name || !local) return unsupportedStatement(s, "this augmented assignment target");
  Type operandType;
  if (!s.operandTypes.empty() && !s.operandTypes[0].isUnknown()) {
    operandType = s.operandTypes[0];
  } else {
    // Without check's record: the join, where a literal operand is weak
    // (NEP 50): `x += 1` on an i32 stays i32.
    operandType = arithmeticOperandType(s.binaryOp, local->type, value.type);
    bool literal = value.kind == ExprKind::IntLit || value.kind == ExprKind::FloatLit ||
                   (value.kind == ExprKind::Unary && constantLiteral(value, local->type));
    if (literal && !local->type.isBool() && (local->type.isFloat() || value.kind != ExprKind::FloatLit)) {
      operandType = local->type;
    }
  }
  // A `x -= e` reduction in a prange body sums its chunk's e (see emit_parallel.cpp).
  ast::BinaryOp op = subtractAsSum_.count(&s) ? ast::BinaryOp::Add : s.binaryOp;
  auto primitive = subtractAsSum_.count(&s) ? binaryPrimitive(op, operandType, fn_.directives)
                                            : binaryPrimitiveFor(op, operandType, target, value);
  if (!primitive) return unsupportedStatement(s, fmt::format("'{}=' on {}", ast::spelling(op),
                                                             types::pythonName(operandType)));
  Type resultType = binaryResultType(op, operandType);
  std::string text = sequenced({operand(target, operandType), operand(value, operandType)}, resultType,
                               [&](const std::vector<std::string>& operands) {
                                 return applyPattern(*primitive, operands, operandType);
                               });
  assignTo(target, text, resultType);
}

void FunctionEmitter::ifStatement(const Stmt& s, bool isElif) {
  preludeEnabled_ = true;
  std::string test = withoutOuterParens(condition(*s.exprs[0]));
  bool nested = false;
  if (isElif) {
    // A flat `} else if` chain, unless this test needs prelude lines.
    nested = !prelude_.empty();
    out_->line(nested ? "} else {" : "} else");
    if (nested) out_->indent();
    lineDirective(s.span);
  }
  line(fmt::format("if ({}) {{", test));
  out_->indent();
  block(s.body);
  out_->dedent();
  if (s.orelse.empty()) {
    line("}");
  } else if (s.orelse.size() == 1 && s.orelse[0]->kind == StmtKind::If) {
    ifStatement(*s.orelse[0], true);
  } else {
    line("} else {");
    out_->indent();
    block(s.orelse);
    out_->dedent();
    line("}");
  }
  if (nested) {
    out_->dedent();
    line("}");
  }
}

void FunctionEmitter::loopBody(const Stmt& s, const std::string& brokeFlag) {
  loopBlock(s, brokeFlag);
  loopElse(s, brokeFlag);
}

void FunctionEmitter::loopBlock(const Stmt& s, const std::string& brokeFlag) {
  out_->indent();
  loopBrokeFlags_.push_back(brokeFlag);
  block(s.body);
  loopBrokeFlags_.pop_back();
  out_->dedent();
  line("}");
}

void FunctionEmitter::loopElse(const Stmt& s, const std::string& brokeFlag) {
  if (brokeFlag.empty()) return;
  // for/while ... else: the else block runs when the loop ended without break.
  line(fmt::format("if (!{}) {{", brokeFlag));
  out_->indent();
  block(s.orelse);
  out_->dedent();
  line("}");
}

void FunctionEmitter::whileLoop(const Stmt& s) {
  std::string brokeFlag;
  if (!s.orelse.empty()) {
    brokeFlag = temp() + "_broke";
    line(fmt::format("bool {} = false;", brokeFlag));
  }
  std::string test;
  {
    // Evaluated before every iteration: no statement-level temporaries.
    ConditionalScope everyIteration(*this);
    test = withoutOuterParens(condition(*s.exprs[0]));
  }
  line(fmt::format("while ({}) {{", test));
  loopBody(s, brokeFlag);
}

void FunctionEmitter::forLoop(const Stmt& s) {
  const Expr& iterable = *s.exprs[1];
  if (isIterationLoop(s)) return forIteration(s);  // emit_iteration.cpp
  if (iterable.kind == ExprKind::Call && iterable.ref.kind == RefKind::Builtin && iterable.ref.name == "range") {
    return forRange(s, iterable);
  }
  if (iterable.kind == ExprKind::Call && iterable.ref.kind == RefKind::Builtin && iterable.ref.name == "prange") {
    // Its reductions combine partial results no statement computes, and the
    // value ranges do not model them.
    bool saved = rangesApply_;
    rangesApply_ = false;
    forPrange(s, iterable);
    rangesApply_ = saved;
    return;
  }
  if (iterable.type.kind == types::TypeKind::Array) return forArray(s);
  if (iterable.type.isList()) return forList(s);
  unsupportedStatement(s, "this for loop (only `for ... in range(...)` is supported)");
}

void FunctionEmitter::forRange(const Stmt& s, const Expr& rangeCall) {
  const Expr& target = *s.exprs[0];
  const ast::Local* local = localOf(target);
  auto args = callArguments(rangeCall);
  if (!local || target.kind != ExprKind::Name || args.empty() || args.size() > 3) {
    return unsupportedStatement(s, "this for loop");
  }
  for (const Expr* arg : args) {
    if (!arg) return unsupportedStatement(s, "this range()");
  }
  line("{");
  out_->indent();
  std::string brokeFlag;
  if (!s.orelse.empty()) {
    brokeFlag = temp() + "_broke";
    line(fmt::format("bool {} = false;", brokeFlag));
  }
  // range() evaluates its arguments once, left to right, before the loop.
  std::vector<std::string> bounds;
  for (const Expr* arg : args) {
    if (auto constant = constantLiteral(*arg, kI64)) {
      bounds.push_back(*constant);
      continue;
    }
    bounds.push_back(temp());
    line(fmt::format("const int64_t {} = {};", bounds.back(), exprAs(*arg, kI64)));
  }
  // Array accesses indexed by the loop variable are in range on every
  // iteration when the range is inside the axis: check that once and run an
  // unchecked copy of the loop (the checked one runs otherwise, so the
  // first bad index still raises where Python raises it).
  std::vector<ProvenAccess> proven = fn_.directives.boundscheck || fn_.directives.wraparound
                                           ? accessesProvenByRange(s, args.size(), fn_, needsBoundFlag_)
                                           : std::vector<ProvenAccess>{};
  std::string inRange;
  if (!proven.empty()) {
    std::string start = args.size() == 2 ? bounds[0] : "int64_t{0}";
    std::string stop = bounds.back();
    inRange = fmt::format("{} >= {} || ({} >= 0", start, stop, start);
    for (const ProvenAccess& access : proven)
      inRange += fmt::format(" && {} <= {}.dim({})", stop, localName(fn_.locals[access.array].name), access.axis);
    inRange += ")";
  }
  for (int copy = proven.empty() ? 1 : 0; copy < 2; ++copy) {
    if (!proven.empty()) {
      line(copy == 0 ? fmt::format("if ({}) {{", inRange) : "} else {");
      out_->indent();
    }
    if (copy == 0) provenInRange_ = proven;
    rangeLoop(s, args, bounds, brokeFlag);
    provenInRange_.clear();
    if (!proven.empty()) out_->dedent();
  }
  if (!proven.empty()) line("}");
  loopElse(s, brokeFlag);
  out_->dedent();
  line("}");
}

std::string FunctionEmitter::openRangeLoop(const std::vector<std::string>& bounds, const std::string& counter) {
  if (bounds.size() == 1) {
    // 0 <= k < stop: k never overflows.
    line(fmt::format("for (int64_t {0} = 0; {0} < {1}; ++{0}) {{", counter, bounds[0]));
    return counter;
  }
  if (bounds.size() == 2) {
    line(fmt::format("for (int64_t {0} = {1}; {0} < {2}; ++{0}) {{", counter, bounds[0], bounds[1]));
    return counter;
  }
  // Any step sign; step 0 is a ValueError; the trip count avoids the
  // overflow `i += step` would hit near the ends of int64.
  std::string trips = temp();
  line(fmt::format("const uint64_t {} = pyxc::rt::range_length({}, {}, {});", trips, bounds[0], bounds[1],
                   bounds[2]));
  line(fmt::format("for (uint64_t {0} = 0; {0} < {1}; ++{0}) {{", counter, trips));
  return fmt::format("pyxc::rt::range_at({}, {}, {})", bounds[0], bounds[2], counter);
}

void FunctionEmitter::rangeLoop(const Stmt& s, const std::vector<const Expr*>& args,
                                const std::vector<std::string>& bounds, const std::string& brokeFlag) {
  const Expr& target = *s.exprs[0];
  const ast::Local* local = localOf(target);
  std::string counter = temp();
  std::string value = openRangeLoop(bounds, counter);
  out_->indent();
  // The loop variable is a normal local: it keeps its last value after the loop.
  if (rangeFits(args, local->type) || local->type == kI64) {
    line(fmt::format("{} = {};", localName(local->name),
                     local->type == kI64 ? value
                                         : fmt::format("static_cast<{}>({})", types::cppName(local->type), value)));
    if (needsBoundFlag_[static_cast<size_t>(target.ref.index)]) line(boundFlagName(local->name) + " = true;");
  } else {
    assignTo(target, value, kI64);
  }
  out_->dedent();
  loopBlock(s, brokeFlag);
}

void FunctionEmitter::returnStatement(const Stmt& s) {
  if (s.exprs.empty() || !s.exprs[0]) {
    line(fn_.returnType.kind == types::TypeKind::Void ? "return;" : "return {};");
    return;
  }
  if (fn_.returnType.kind == types::TypeKind::Void) {
    // `return None` or a void call: evaluate for effects.
    const Expr& value = *s.exprs[0];
    if (value.kind != ExprKind::NoneLit) line(expr(value) + ";");
    line("return;");
    return;
  }
  line(fmt::format("return {};", withoutOuterParens(exprAs(*s.exprs[0], fn_.returnType))));
}

void FunctionEmitter::raiseStatement(const Stmt& s) {
  if (s.exprs.empty() || !s.exprs[0]) return unsupportedStatement(s, "a bare `raise`");
  const Expr& e = *s.exprs[0];
  const Expr* callee = e.kind == ExprKind::Call ? e.operand(0) : &e;
  std::string exceptionName = e.ref.kind == RefKind::Exception ? e.ref.name : std::string();
  if (exceptionName.empty() && callee) exceptionName = callee->ref.kind == RefKind::Exception ? callee->ref.name : callee->text;
  const char* kind = exceptionKind(exceptionName);
  if (!kind) return unsupportedStatement(s, "raising " + exceptionName);
  std::string message = "\"\"";
  if (e.kind == ExprKind::Call) {
    if (e.operands.size() > 2 || (e.operands.size() == 2 && e.operands[1]->kind != ExprKind::StrLit)) {
      return unsupportedStatement(s, "an exception message that is not a string literal");
    }
    if (e.operands.size() == 2) message = cppStringLiteral(e.operands[1]->text);
  }
  line(fmt::format("pyxc::rt::raise(pyxc::rt::Exc::{}, {});", kind, message));
}

void FunctionEmitter::assertStatement(const Stmt& s) {
  std::string message;
  if (s.exprs.size() > 1 && s.exprs[1]) {
    if (s.exprs[1]->kind != ExprKind::StrLit) return unsupportedStatement(s, "an assert message that is not a string literal");
    message = cppStringLiteral(s.exprs[1]->text);
  }
  line(fmt::format("if (!{}) pyxc::rt::raise_assertion({});", condition(*s.exprs[0]), message));
}

void FunctionEmitter::unsupportedStatement(const Stmt& s, const std::string& what) {
  ctx_.errors.push_back(fmt::format("{}:{}:{}: pyxc cannot emit {} (the checker should have rejected it)",
                                    ctx_.source.path(), s.span.line, s.span.column + 1, what));
  line("// unsupported: " + what);
}

}  // namespace pyxc::emit
