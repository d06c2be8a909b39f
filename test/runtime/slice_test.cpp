// slice_indices follows Python's slice.indices (clamping, negative bounds
// and steps, INT64 extremes, step 0) and subview builds the view NumPy's
// basic indexing does. The table's answers were read off CPython 3
// (`slice(a, b, c).indices(n)` and `len(range(...))`) when it was written;
// test/e2e/programs/arrays_views.py checks many more against CPython at
// test time.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "pyxc/slice.h"

namespace {

using pyxc::rt::ArrayView;
using pyxc::rt::Error;
using pyxc::rt::Exc;
using pyxc::rt::SliceBounds;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr std::optional<int64_t> X = std::nullopt;

struct Case {
  std::optional<int64_t> start, stop, step;
  int64_t size;
  std::optional<int64_t> expectedStart;  // nullopt: empty, any start
  int64_t expectedStep, expectedLength;
};

SliceBounds bounds(const Case& c) {
  SliceBounds s;
  s.hasStart = c.start.has_value();
  s.start = c.start.value_or(0);
  s.hasStop = c.stop.has_value();
  s.stop = c.stop.value_or(0);
  s.step = c.step.value_or(1);
  return s;
}

TEST(SliceIndices, MatchesPythonsSliceIndices) {
  const std::vector<Case> cases = {
      {X, X, X, 5, 0, 1, 5},
      {1, -1, X, 5, 1, 1, 3},
      {-100, 100, X, 5, 0, 1, 5},
      {100, -100, -1, 5, 4, -1, 5},
      {X, X, -1, 5, 4, -1, 5},
      {X, X, -2, 5, 4, -2, 3},
      {3, X, -2, 5, 3, -2, 2},
      {-1, X, -3, 7, 6, -3, 3},
      {2, 2, X, 5, X, 1, 0},
      {4, 1, X, 5, X, 1, 0},
      {1, 4, -1, 5, X, -1, 0},
      {X, X, 2, 0, X, 2, 0},
      {X, X, -1, 0, X, -1, 0},
      {0, 1, X, 0, X, 1, 0},
      {-7, X, X, 5, 0, 1, 5},
      {X, -7, X, 5, X, 1, 0},
      {X, -7, -1, 5, 4, -1, 5},
      {5, X, -1, 5, 4, -1, 5},
      {6, X, -1, 5, 4, -1, 5},
      {X, X, kMax, 5, 0, kMax, 1},
      {X, X, kMin, 5, 4, kMin, 1},
      {kMin, kMax, X, 5, 0, 1, 5},
      {kMax, kMin, -1, 5, 4, -1, 5},
      {1, X, 3, 10, 1, 3, 3},
      {X, X, 3, 10, 0, 3, 4},
      {8, 1, -3, 10, 8, -3, 3},
      {-3, -1, X, 4, 1, 1, 2},
      {-1, -3, -1, 4, 3, -1, 2},
  };
  for (const Case& c : cases) {
    pyxc::rt::SliceRange r = pyxc::rt::slice_indices(bounds(c), c.size);
    SCOPED_TRACE(testing::Message() << "start " << c.start.value_or(-999) << " stop " << c.stop.value_or(-999)
                                    << " step " << c.step.value_or(-999) << " size " << c.size);
    EXPECT_EQ(r.length, c.expectedLength);
    EXPECT_EQ(r.step, c.expectedStep);
    if (c.expectedStart) EXPECT_EQ(r.start, *c.expectedStart);
  }
}

TEST(SliceIndices, ZeroStepIsValueError) {
  SliceBounds s;
  s.step = 0;
  try {
    pyxc::rt::slice_indices(s, 5);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.type, Exc::ValueError);
    EXPECT_EQ(e.message, "slice step cannot be zero");
  }
}

// A 3x4 C-order matrix of 0..11.
struct Matrix {
  double cells[12];
  ArrayView<double, 2, true> view;
  Matrix() {
    for (int k = 0; k < 12; ++k) cells[k] = k;
    view.data = cells;
    view.shape[0] = 3;
    view.shape[1] = 4;
    view.strides[0] = 4 * sizeof(double);
    view.strides[1] = sizeof(double);
  }
};

SliceBounds slice(std::optional<int64_t> start, std::optional<int64_t> stop, int64_t step = 1) {
  return bounds(Case{start, stop, step, 0, X, 0, 0});
}

TEST(Subview, RowColumnAndReversedSlices) {
  Matrix m;
  auto row = pyxc::rt::subview<1, true, true, true>(m.view, int64_t{-1});  // m[-1]
  ASSERT_EQ(row.shape[0], 4);
  EXPECT_EQ(row(0), 8.0);
  EXPECT_EQ(row(3), 11.0);
  auto column = pyxc::rt::subview<1, false, true, true>(m.view, slice(X, X), int64_t{2});  // m[:, 2]
  ASSERT_EQ(column.shape[0], 3);
  EXPECT_EQ(column(0), 2.0);
  EXPECT_EQ(column(2), 10.0);
  auto block = pyxc::rt::subview<2, false, true, true>(m.view, slice(X, X, -2), slice(1, -1));  // m[::-2, 1:-1]
  ASSERT_EQ(block.shape[0], 2);
  ASSERT_EQ(block.shape[1], 2);
  EXPECT_EQ(block(0, 0), 9.0);
  EXPECT_EQ(block(1, 1), 2.0);
  block(1, 0) = 100.0;  // writes reach the matrix
  EXPECT_EQ(m.cells[1], 100.0);
  auto ofRow = pyxc::rt::subview<1, false, true, true>(row, slice(X, X, -3));  // m[-1][::-3]
  ASSERT_EQ(ofRow.shape[0], 2);
  EXPECT_EQ(ofRow(0), 11.0);
  EXPECT_EQ(ofRow(1), 8.0);
  EXPECT_EQ(ofRow.source, nullptr);
}

TEST(Subview, EmptySliceStaysInsideTheArray) {
  Matrix m;
  auto none = pyxc::rt::subview<2, false, true, true>(m.view, slice(5, 9, -1));
  EXPECT_EQ(none.shape[0], 0);
  EXPECT_EQ(none.data, m.cells);
  auto emptyColumns = pyxc::rt::subview<2, false, true, true>(m.view, slice(X, X, -1), slice(10, 20));
  EXPECT_EQ(emptyColumns.shape[0], 3);
  EXPECT_EQ(emptyColumns.shape[1], 0);
  EXPECT_EQ(emptyColumns.data, m.cells + 8);  // row 2; column 4 (past the end) is not added
}

TEST(Subview, IntegerIndexChecksNameTheAxis) {
  Matrix m;
  try {
    pyxc::rt::subview<0 + 1, false, true, true>(m.view, slice(X, X, 0), int64_t{7});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.type, Exc::ValueError);  // axis 0 is looked at first
  }
  try {
    pyxc::rt::subview<1, false, true, true>(m.view, slice(X, X), int64_t{-5});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.type, Exc::IndexError);
    EXPECT_EQ(e.message, "index -5 is out of bounds for axis 1 with size 4");
  }
}

}  // namespace
