// `for i in prange(...)`: the body becomes a lambda over one chunk of
// iterations [begin, end), run by pyxc::rt::parallel_for (runtime/pyxc/
// parallel.h) on several threads. compiler/check (parallel_loops.cpp)
// decided which locals are private and which are reductions:
// - privates are declared again inside the lambda (shadowing the
//   function's), so each thread has its own;
// - a reduction `x` is declared inside the lambda too, starting from its
//   chunk's partial (the operator's identity); the update statements run on
//   it unchanged (`x -= e` as `x += e`: the chunk sums what it subtracts);
//   after the loop each partial is folded into the real `x` in chunk order
//   by that same update statement with `e` replaced by the partial;
// - every other local the body reads is copied into the lambda first, so
//   the optimizer sees locals (as in the serial loop), not references into
//   the caller's frame that an array store might alias.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using ast::Stmt;
using types::Scalar;
using types::Type;

namespace {
const Type kI64 = Type::scalarOf(Scalar::I64);

std::string identity(ast::ReductionOp op, const Type& type) {
  std::string cpp = types::cppName(type);
  switch (op) {
    case ast::ReductionOp::Add:
    case ast::ReductionOp::Sub: return cpp + "{0}";
    case ast::ReductionOp::Mul: return cpp + "{1}";
    case ast::ReductionOp::Min: return fmt::format("pyxc::rt::min_identity<{}>()", cpp);
    case ast::ReductionOp::Max: return fmt::format("pyxc::rt::max_identity<{}>()", cpp);
  }
  return cpp + "{}";
}
}  // namespace

std::vector<bool> parallelPrivates(const ast::FunctionDef& fn) {
  std::vector<bool> out(fn.locals.size(), false);
  std::function<void(const ast::Block&)> scan = [&](const ast::Block& body) {
    for (const auto& s : body) {
      if (s->parallel)
        for (int slot : s->parallel->privates) out[static_cast<size_t>(slot)] = true;
      scan(s->body);
      scan(s->orelse);
    }
  };
  scan(fn.body);
  return out;
}

void FunctionEmitter::forPrange(const Stmt& s, const Expr& call) {
  const ast::ParallelLoop* info = s.parallel.get();
  const Expr& target = *s.exprs[0];
  const ast::Local* loopLocal = localOf(target);
  auto args = callArguments(call);
  if (!info || !loopLocal || args.empty() || args.size() > 3) return unsupportedStatement(s, "this prange loop");
  for (const Expr* arg : args)
    if (!arg) return unsupportedStatement(s, "this prange()");
  line("{");
  out_->indent();
  // prange(), like range(), evaluates its arguments once, left to right.
  std::vector<std::string> bounds;
  for (const Expr* arg : args) {
    if (auto constant = constantLiteral(*arg, kI64)) {
      bounds.push_back(*constant);
      continue;
    }
    bounds.push_back(temp());
    line(fmt::format("const int64_t {} = {};", bounds.back(), exprAs(*arg, kI64)));
  }
  std::string threads = "0";
  if (info->numThreads) {
    threads = temp();
    line(fmt::format("const int64_t {} = pyxc::rt::checked_num_threads({});", threads,
                     withoutOuterParens(exprAs(*info->numThreads, kI64))));
  }
  std::string start = args.size() == 1 ? "int64_t{0}" : bounds[0];
  std::string stop = args.size() == 1 ? bounds[0] : bounds[1];
  std::string step = args.size() == 3 ? bounds[2] : "int64_t{1}";
  std::string trips = temp(), plan = temp();
  line(fmt::format("const uint64_t {} = pyxc::rt::range_length({}, {}, {});", trips, start, stop, step));
  line(fmt::format("const pyxc::rt::ParallelPlan {} = pyxc::rt::parallel_plan({}, {});", plan, trips, threads));

  std::vector<std::string> partials;
  for (const ast::ParallelReduction& r : info->reductions) {
    const ast::Local& local = fn_.locals[static_cast<size_t>(r.local)];
    if (needsBoundFlag_[static_cast<size_t>(r.local)])
      line(fmt::format("if ({} != 0 && !{}) pyxc::rt::raise_unbound_local({});", trips, boundFlagName(local.name),
                       cppStringLiteral(local.name)));
    partials.push_back(temp() + "_partials");
    line(fmt::format("const auto {} = pyxc::rt::reduction_partials<{}>({}.chunks, {});", partials.back(),
                     types::cppName(local.type), plan, identity(r.op, local.type)));
  }

  // Shared locals the body reads: copied into the lambda (see above).
  std::vector<bool> shared(fn_.locals.size(), false);
  forEachExpr(s.body, [&](const Expr& e, bool isTarget) {
    if (!isTarget && e.kind == ExprKind::Name && e.ref.kind == RefKind::Local && e.ref.index >= 0)
      shared[static_cast<size_t>(e.ref.index)] = true;
  });
  for (int slot : info->privates) shared[static_cast<size_t>(slot)] = false;
  for (const auto& r : info->reductions) shared[static_cast<size_t>(r.local)] = false;

  // Array accesses indexed by the loop variable: proven in range once, before
  // the loop (as for range loops), then each chunk runs the unchecked copy.
  std::vector<ProvenAccess> proven = fn_.directives.boundscheck || fn_.directives.wraparound
                                         ? accessesProvenByRange(s, std::min<size_t>(args.size(), 2), fn_,
                                                                 needsBoundFlag_)
                                         : std::vector<ProvenAccess>{};
  if (args.size() == 3) proven.clear();
  std::string inRange;
  if (!proven.empty()) {
    inRange = temp();
    std::string test = fmt::format("{} >= {} || ({} >= 0", start, stop, start);
    for (const ProvenAccess& access : proven)
      test += fmt::format(" && {} <= {}.dim({})", stop, localName(fn_.locals[access.array].name), access.axis);
    line(fmt::format("const bool {} = {});", inRange, test));
  }

  std::string body = temp(), chunk = temp(), begin = temp(), end = temp();
  // A lambda does not inherit its function's optimize attribute.
  line(fmt::format("auto {} = [&]([[maybe_unused]] uint64_t {}, uint64_t {}, uint64_t {}){} {{", body, chunk, begin, end,
                   fn_.directives.fastmath ? " PYXC_FAST_MATH" : ""));
  out_->indent();
  std::vector<std::string> copies;
  for (size_t slot = 0; slot < shared.size(); ++slot) {
    if (!shared[slot]) continue;
    copies.push_back(temp());
    line(fmt::format("const auto {} = {};", copies.back(), localName(fn_.locals[slot].name)));
  }
  line("{");
  out_->indent();
  for (size_t slot = 0, k = 0; slot < shared.size(); ++slot) {
    if (!shared[slot]) continue;
    line(fmt::format("auto {} = {};", localName(fn_.locals[slot].name), copies[k++]));
  }
  for (int slot : info->privates) {
    const ast::Local& local = fn_.locals[static_cast<size_t>(slot)];
    line(fmt::format("[[maybe_unused]] {} {}{{}};", types::cppName(local.type), localName(local.name)));
    if (needsBoundFlag_[static_cast<size_t>(slot)]) line(fmt::format("bool {} = false;", boundFlagName(local.name)));
  }
  for (size_t i = 0; i < info->reductions.size(); ++i) {
    const ast::ParallelReduction& r = info->reductions[i];
    const ast::Local& local = fn_.locals[static_cast<size_t>(r.local)];
    line(fmt::format("{} {} = {}[{}];", types::cppName(local.type), localName(local.name), partials[i], chunk));
    if (needsBoundFlag_[static_cast<size_t>(r.local)]) line(fmt::format("bool {} = true;", boundFlagName(local.name)));
    if (r.op == ast::ReductionOp::Sub) {
      std::function<void(const ast::Block&)> scan = [&](const ast::Block& block) {
        for (const auto& update : block) {
          if (update->kind == ast::StmtKind::AugAssign && update->binaryOp == ast::BinaryOp::Sub &&
              update->exprs[0]->kind == ExprKind::Name && update->exprs[0]->ref.index == r.local)
            subtractAsSum_.insert(update.get());
          scan(update->body);
          scan(update->orelse);
        }
      };
      scan(s.body);
    }
  }
  for (int copy = proven.empty() ? 1 : 0; copy < 2; ++copy) {
    if (!proven.empty()) {
      line(copy == 0 ? fmt::format("if ({}) {{", inRange) : "} else {");
      out_->indent();
    }
    if (copy == 0) provenInRange_ = proven;
    std::string k = temp();
    line(fmt::format("for (uint64_t {0} = {1}; {0} < {2}; ++{0}) {{", k, begin, end));
    out_->indent();
    std::string value = fmt::format("pyxc::rt::range_at({}, {}, {})", start, step, k);
    if (loopLocal->type == kI64) {
      line(fmt::format("{} = {};", localName(loopLocal->name), value));
      if (needsBoundFlag_[static_cast<size_t>(target.ref.index)]) line(boundFlagName(loopLocal->name) + " = true;");
    } else {
      assignTo(target, value, kI64);
    }
    out_->dedent();
    loopBlock(s, "");
    provenInRange_.clear();
    if (!proven.empty()) out_->dedent();
  }
  if (!proven.empty()) line("}");
  for (size_t i = 0; i < info->reductions.size(); ++i)
    line(fmt::format("{}[{}] = {};", partials[i], chunk,
                     localName(fn_.locals[static_cast<size_t>(info->reductions[i].local)].name)));
  out_->dedent();
  line("}");
  out_->dedent();
  line("};");
  subtractAsSum_.clear();
  line(fmt::format("pyxc::rt::parallel_for({}, {});", plan, body));

  // Fold the partials into the reduction variables, in chunk order.
  for (size_t i = 0; i < info->reductions.size(); ++i) {
    const ast::ParallelReduction& r = info->reductions[i];
    const Type& type = fn_.locals[static_cast<size_t>(r.local)].type;
    std::string c = temp();
    line(fmt::format("for (uint64_t {0} = 0; {0} < {1}.chunks; ++{0}) {{", c, plan));
    out_->indent();
    valueOverrides_[r.value] = {fmt::format("{}[{}]", partials[i], c), type};
    statement(*r.update);
    valueOverrides_.clear();
    out_->dedent();
    line("}");
  }
  // No `break` can leave a prange loop: its else block always runs.
  block(s.orelse);
  out_->dedent();
  line("}");
}

}  // namespace pyxc::emit
