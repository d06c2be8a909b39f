# for-range loops use a trip count (any step sign, no overflow, step 0 is
# ValueError); the loop variable keeps its last value; else runs without break.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc


@pyxc.native
def one_arg(n: int) -> int:
    t = 0
    for i in range(n):
        n -= 1
        t += i
    return t
# range(n) reads n once, before the loop: the body may change n.
# CHECK-LABEL: function bodies
# CHECK-LABEL: static int64_t one_arg__impl(int64_t n_) {
# CHECK: const int64_t [[STOP:pyxc_t[0-9]+]] = n_;
# CHECK-NEXT: for (int64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < [[STOP]]; ++[[K]]) {
# CHECK-NEXT: i_ = [[K]];
# CHECK-NEXT: n_ = pyxc::rt::sub(n_, int64_t{1});


@pyxc.native
def two_args(n: int) -> int:
    t = 0
    for i in range(1, n + 1):
        t += i
    return t
# CHECK-LABEL: static int64_t two_args__impl(int64_t n_) {
# CHECK: const int64_t [[STOP:pyxc_t[0-9]+]] = pyxc::rt::add(n_, int64_t{1});
# CHECK-NEXT: for (int64_t [[K:pyxc_t[0-9]+]] = int64_t{1}; [[K]] < [[STOP]]; ++[[K]]) {


@pyxc.native
def stepped(a: int, b: int, s: int) -> int:
    last = -1
    for i in range(a, b, s):
        last = i
    for j in range(b, a, -2):
        last = j
    return last
# CHECK-LABEL: static int64_t stepped__impl(int64_t a_, int64_t b_, int64_t s_) {
# CHECK: const int64_t [[START:pyxc_t[0-9]+]] = a_;
# CHECK-NEXT: const int64_t [[STOP:pyxc_t[0-9]+]] = b_;
# CHECK-NEXT: const int64_t [[STEP:pyxc_t[0-9]+]] = s_;
# CHECK-NEXT: const uint64_t [[N:pyxc_t[0-9]+]] = pyxc::rt::range_length([[START]], [[STOP]], [[STEP]]);
# CHECK-NEXT: for (uint64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < [[N]]; ++[[K]]) {
# CHECK-NEXT: i_ = pyxc::rt::range_at([[START]], [[STEP]], [[K]]);
# CHECK: pyxc::rt::range_length({{pyxc_t[0-9]+}}, {{pyxc_t[0-9]+}}, int64_t{-2});


@pyxc.native
def search(n: int, target: int) -> int:
    found = -1
    for i in range(n):
        if i == target:
            found = i
            break
        if i > 100:
            continue
    else:
        found = -2
    while found > 0:
        found -= 1
        if found == 3:
            break
    else:
        return 0
    return found + i
# CHECK-LABEL: static int64_t search__impl(int64_t n_, int64_t target_) {
# CHECK: bool [[BROKE:pyxc_t[0-9]+_broke]] = false;
# CHECK: if (i_ == target_) {
# CHECK-NEXT: found_ = i_;
# CHECK-NEXT: [[BROKE]] = true;
# CHECK-NEXT: break;
# CHECK: continue;
# CHECK: if (![[BROKE]]) {
# CHECK-NEXT: found_ = int64_t{-2};
# CHECK: bool [[WBROKE:pyxc_t[0-9]+_broke]] = false;
# CHECK-NEXT: while (found_ > int64_t{0}) {
# CHECK: [[WBROKE]] = true;
# CHECK: if (![[WBROKE]]) {
# CHECK-NEXT: return int64_t{0};
# `i` is unbound after a loop that never ran.
# CHECK: return pyxc::rt::add(found_, (i__bound ? i_ : (pyxc::rt::raise_unbound_local("i"), i_)));
