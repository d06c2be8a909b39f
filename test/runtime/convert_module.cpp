// Test-only extension module: one identity function per scalar type, to test
// pyxc::rt::from_py / to_py (convert.h) through real calls.
#include <pyxc/runtime.h>

#include <new>
#include <stdexcept>

namespace {

template <class T>
PyObject* echo(const char* name, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  static const char* const params[] = {"x"};
  const pyxc::rt::ArgSpec spec = {.name = name, .params = params, .n_posonly = 0,
                                  .n_pos_or_kw = 1, .n_kwonly = 0, .n_required = 1};
  PyObject* bound[1];
  if (!pyxc::rt::bind_args(spec, args, nargsf, kwnames, bound)) return nullptr;
  T x;
  if (!pyxc::rt::from_py(bound[0], &x, name, "x")) return nullptr;
  return pyxc::rt::call_with_gil([&] { return x; });
}

#define PYXC_ECHO(type, suffix)                                                              \
  PyObject* echo_##suffix(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kw) { \
    return echo<type>("echo_" #suffix, args, nargsf, kw);                                   \
  }
PYXC_ECHO(int8_t, i8)
PYXC_ECHO(int16_t, i16)
PYXC_ECHO(int32_t, i32)
PYXC_ECHO(int64_t, i64)
PYXC_ECHO(uint8_t, u8)
PYXC_ECHO(uint16_t, u16)
PYXC_ECHO(uint32_t, u32)
PYXC_ECHO(uint64_t, u64)
PYXC_ECHO(float, f32)
PYXC_ECHO(double, f64)
PYXC_ECHO(bool, bool)
#undef PYXC_ECHO

// A body that throws each way call_nogil must translate.
PyObject* throw_kind(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  static const char* const params[] = {"kind"};
  static const pyxc::rt::ArgSpec spec = {.name = "throw_kind", .params = params,
                                         .n_posonly = 0, .n_pos_or_kw = 1, .n_kwonly = 0,
                                         .n_required = 1};
  PyObject* bound[1];
  if (!pyxc::rt::bind_args(spec, args, nargsf, kwnames, bound)) return nullptr;
  int64_t kind;
  if (!pyxc::rt::from_py(bound[0], &kind, "throw_kind", "kind")) return nullptr;
  return pyxc::rt::call_nogil([&]() -> std::tuple<int64_t, double, bool> {
    switch (kind) {
      case 0: pyxc::rt::raise(pyxc::rt::Exc::KeyError, "missing");
      case 1: throw std::bad_alloc();
      case 2: throw std::runtime_error("boom");
      case 3: pyxc::rt::raise_unbound_local("total");
      case 4: pyxc::rt::raise_assertion();
      default: return {kind, 0.5, true};
    }
  });
}

PyModuleDef convert_module_def = {PyModuleDef_HEAD_INIT, "convert_module", nullptr, -1,
                                  nullptr, nullptr, nullptr, nullptr, nullptr};

}  // namespace

PyMODINIT_FUNC PyInit_convert_module(void) {
  static const pyxc::rt::FunctionEntry functions[] = {
      {"echo_i8", echo_i8},   {"echo_i16", echo_i16}, {"echo_i32", echo_i32},
      {"echo_i64", echo_i64}, {"echo_u8", echo_u8},   {"echo_u16", echo_u16},
      {"echo_u32", echo_u32}, {"echo_u64", echo_u64}, {"echo_f32", echo_f32},
      {"echo_f64", echo_f64}, {"echo_bool", echo_bool}, {"throw_kind", throw_kind},
  };
  return pyxc::rt::init_module(&convert_module_def, functions, std::size(functions), nullptr, 0,
                               "test");
}
