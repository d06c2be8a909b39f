#include "compiler/check/check.h"

#include <memory>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

// Two defs of one name where one is native: the module keeps the last one,
// but both would become C++ functions of the same name.
void reportRedefinitions(ModuleContext& ctx) {
  auto& functions = ctx.module.functions;
  for (size_t i = 0; i < functions.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      if (functions[i]->name != functions[j]->name) continue;
      if (!functions[i]->isNative && !functions[j]->isNative) continue;
      auto& d = ctx.diags.error(Kind::UnsupportedConstruct, functions[i]->nameSpan,
                                "'" + functions[i]->name +
                                    "' is defined twice; a native function needs a name of its own in its module");
      d.notes.push_back({functions[j]->nameSpan, "first definition here"});
      break;
    }
}

}  // namespace

int checkModule(ast::Module& module, diag::DiagnosticBag& diags) {
  ModuleContext ctx{module, diags, ModuleScope(module), std::vector<bool>(module.functions.size(), false),
                    diags.hasErrors()};
  int nativeCount = 0;
  for (size_t i = 0; i < module.functions.size(); ++i) {
    resolveSignature(ctx, static_cast<int>(i));
    if (module.functions[i]->isNative) ++nativeCount;
  }
  reportRedefinitions(ctx);
  specializeFusedFunctions(ctx);

  std::vector<std::unique_ptr<FunctionChecker>> checkers;
  for (size_t i = 0; i < module.functions.size(); ++i)
    if (module.functions[i]->isNative && !module.functions[i]->isFusedGeneric()) checkers.push_back(std::make_unique<FunctionChecker>(ctx, static_cast<int>(i)));

  // Local and return types only widen, so this reaches a fixed point; the
  // bound only guards against a rule that would not be monotone.
  constexpr int kMaxInferencePasses = 64;
  for (int pass = 0; pass < kMaxInferencePasses; ++pass) {
    bool changed = false;
    for (auto& checker : checkers) changed |= checker->run(false);
    if (!changed) break;
  }
  for (auto& checker : checkers) checker->run(true);
  if (!diags.hasErrors())
    for (auto& checker : checkers) checker->reportUninferredTypes();
  // Specializations of one fused def report the same mistakes once each.
  diags.removeDuplicates();
  return nativeCount;
}

}  // namespace pyxc::check
