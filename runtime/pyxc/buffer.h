// Arrays across the Python boundary (GIL held): a buffer-protocol argument
// becomes an ArrayView (BufferArg), and an array a native function returns
// becomes a Python object (to_py): the argument object itself when the array
// is one, else a NumPy array over native storage when NumPy is importable.
// Generated code never depends on NumPy at compile time.
#pragma once

#include <Python.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "array.h"
#include "convert.h"
#include "scalar_types.h"

namespace pyxc::rt {

namespace detail {

// The struct-module code pyxc writes for T (NumPy reads all of them).
template <class T>
constexpr const char* buffer_format() {
  if constexpr (Bool<T>) return "?";
  else if constexpr (std::is_same_v<T, float>) return "f";
  else if constexpr (std::is_same_v<T, double>) return "d";
  else if constexpr (std::is_signed_v<T>) return sizeof(T) == 1 ? "b" : sizeof(T) == 2 ? "h" : sizeof(T) == 4 ? "i" : "q";
  else return sizeof(T) == 1 ? "B" : sizeof(T) == 2 ? "H" : sizeof(T) == 4 ? "I" : "Q";
}

// What a buffer's elements are: kind 'b' bool, 'i' signed, 'u' unsigned,
// 'f' float, 0 for anything pyxc has no type for (structs, big-endian, 'e').
struct ElementKind {
  char kind = 0;
  Py_ssize_t bytes = 0;
};

inline ElementKind element_kind(const char* format, Py_ssize_t itemsize) {
  if (!format) format = "B";  // the buffer protocol's default: unsigned bytes
  bool standard = false;
  if (*format == '@') {
    ++format;
  } else if (*format == '=' || *format == '<') {
    standard = true;
    ++format;
#if PY_BIG_ENDIAN
    if (format[-1] == '<') return {};
#endif
  } else if (*format == '>' || *format == '!') {
#if !PY_BIG_ENDIAN
    return {};
#else
    standard = true;
    ++format;
#endif
  }
  (void)standard;  // itemsize already says how wide the element is
  if (format[0] == '\0' || format[1] != '\0') return {};
  switch (format[0]) {
    case '?': return {'b', itemsize};
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': return {'i', itemsize};
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': return {'u', itemsize};
    case 'f': case 'd': return {'f', itemsize};
    default: return {};
  }
}

template <class T>
constexpr ElementKind expected_kind() {
  if constexpr (Bool<T>) return {'b', 1};
  else if constexpr (Floating<T>) return {'f', sizeof(T)};
  else if constexpr (std::is_signed_v<T>) return {'i', sizeof(T)};
  else return {'u', sizeof(T)};
}

// "i64", "f32", or the raw format for elements pyxc cannot read.
inline std::string describe_elements(const char* format, Py_ssize_t itemsize) {
  ElementKind k = element_kind(format, itemsize);
  std::string raw = format ? format : "B";
  std::string name;
  if (k.kind == 'b' && k.bytes == 1) name = "bool";
  if (k.kind == 'f' && (k.bytes == 4 || k.bytes == 8)) name = k.bytes == 4 ? "f32" : "f64";
  if ((k.kind == 'i' || k.kind == 'u') && (k.bytes == 1 || k.bytes == 2 || k.bytes == 4 || k.bytes == 8))
    name = std::string(k.kind == 'i' ? "i" : "u") + std::to_string(k.bytes * 8);
  if (name.empty()) return "buffer format '" + raw + "'";
  return name + " (buffer format '" + raw + "')";
}

template <class T, int N, bool Contiguous>
std::string declared_name() {
  std::string out = std::string(type_name<T>()) + "[";
  for (int k = 0; k < N; ++k) {
    if (k) out += ", ";
    out += (Contiguous && k == N - 1) ? "::1" : ":";
  }
  return out + "]";
}

}  // namespace detail

// An array argument of a vectorcall wrapper: holds the Python buffer for the
// whole call and releases it (with the GIL) when the wrapper returns, or, for
// .aio, when the call's job is destroyed on the loop thread (moved there).
template <class T, int N, bool Contiguous>
class BufferArg {
 public:
  BufferArg() = default;
  BufferArg(const BufferArg&) = delete;
  BufferArg& operator=(const BufferArg&) = delete;
  // The Py_buffer moves bitwise: after acquire() only `obj` and `internal`
  // matter to PyBuffer_Release (`shape` may point into the struct itself,
  // as PyBuffer_FillInfo's does, but it was copied into view_).
  BufferArg(BufferArg&& other) noexcept : buffer_(other.buffer_), held_(other.held_), view_(other.view_) {
    other.held_ = false;
  }
  BufferArg& operator=(BufferArg&&) = delete;
  ~BufferArg() {
    if (held_) PyBuffer_Release(&buffer_);
  }

  // The view of `obj` for parameter `param` of `func`; false with a Python
  // exception set when `obj` is not such an array. `writes`: the function
  // stores into the array, so a read-only buffer is refused.
  bool acquire(PyObject* obj, bool writes, const char* func, const char* param) {
    const std::string declared = detail::declared_name<T, N, Contiguous>();
    if (!PyObject_CheckBuffer(obj)) {
      PyErr_Format(PyExc_TypeError,
                   "%s() argument '%s' must be an array %s (an object with the buffer protocol, such as a NumPy "
                   "array), not %s",
                   func, param, declared.c_str(), Py_TYPE(obj)->tp_name);
      return false;
    }
    if (PyObject_GetBuffer(obj, &buffer_, PyBUF_RECORDS_RO) < 0) return false;
    held_ = true;
    detail::ElementKind got = detail::element_kind(buffer_.format, buffer_.itemsize);
    detail::ElementKind want = detail::expected_kind<T>();
    if (got.kind != want.kind || got.bytes != want.bytes) {
      std::string given = detail::describe_elements(buffer_.format, buffer_.itemsize);
      PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be an array of %s (buffer format '%s'), not of %s",
                   func, param, type_name<T>(), detail::buffer_format<T>(), given.c_str());
      return false;
    }
    if (buffer_.ndim != N) {
      PyErr_Format(PyExc_ValueError, "%s() argument '%s' must be a %d-dimensional array (%s), not %d-dimensional",
                   func, param, N, declared.c_str(), buffer_.ndim);
      return false;
    }
    if (Contiguous && !PyBuffer_IsContiguous(&buffer_, 'C')) {
      PyErr_Format(PyExc_ValueError,
                   "%s() argument '%s' must be C-contiguous (declared %s); pass numpy.ascontiguousarray(...) "
                   "or declare the parameter with ':' instead of '::1'",
                   func, param, declared.c_str());
      return false;
    }
    if (writes && buffer_.readonly) {
      PyErr_Format(PyExc_ValueError, "%s() argument '%s' is a read-only buffer, but %s() writes to it", func,
                   param, func);
      return false;
    }
    view_.data = static_cast<T*>(buffer_.buf);
    for (int k = 0; k < N; ++k) {
      view_.shape[k] = buffer_.shape[k];
      view_.strides[k] = buffer_.strides ? buffer_.strides[k] : 0;
    }
    if (!buffer_.strides) {  // C-contiguous exporter that gave no strides
      int64_t stride = buffer_.itemsize;
      for (int k = N - 1; k >= 0; --k) {
        view_.strides[k] = stride;
        stride *= view_.shape[k];
      }
    }
    view_.source = obj;
    return true;
  }

  const ArrayView<T, N, Contiguous>& view() const { return view_; }

 private:
  Py_buffer buffer_{};
  bool held_ = false;
  ArrayView<T, N, Contiguous> view_;
};

// Does `obj` export a buffer of T elements? (Fused dispatch; GIL held.)
template <class T>
bool buffer_matches(PyObject* obj) {
  if (!obj || !PyObject_CheckBuffer(obj)) return false;
  Py_buffer view;
  if (PyObject_GetBuffer(obj, &view, PyBUF_RECORDS_RO) < 0) {
    PyErr_Clear();
    return false;
  }
  detail::ElementKind got = detail::element_kind(view.format, view.itemsize);
  detail::ElementKind want = detail::expected_kind<T>();
  PyBuffer_Release(&view);
  return got.kind == want.kind && got.bytes == want.bytes;
}

// Is `obj` exactly a T for Python: a float is an f64, an int an i64, a bool
// a bool, a NumPy scalar its own type? (Fused scalar dispatch.)
template <class T>
bool scalar_matches(PyObject* obj) {
  const char* name = Py_TYPE(obj)->tp_name;
  if constexpr (Bool<T>) {
    return PyBool_Check(obj) || detail::is_numpy_bool(obj);
  } else if constexpr (std::is_same_v<T, double>) {
    return PyFloat_Check(obj);
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return PyLong_Check(obj) || std::strcmp(name, "numpy.int64") == 0;
  } else {
    // numpy.float32, numpy.int8, numpy.uint16, ...
    std::string expected = std::string("numpy.") + (Floating<T> ? "float" : std::is_signed_v<T> ? "int" : "uint") +
                           std::to_string(sizeof(T) * 8);
    return expected == name;
  }
}

// The TypeError of a fused function whose array argument fits no member.
[[gnu::cold]] inline PyObject* fused_mismatch(const char* func, const char* param, PyObject* obj, const char* accepted) {
  if (!PyObject_CheckBuffer(obj)) {
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be an array of %s, not %s", func, param, accepted,
                 Py_TYPE(obj)->tp_name);
    return nullptr;
  }
  Py_buffer view;
  if (PyObject_GetBuffer(obj, &view, PyBUF_RECORDS_RO) < 0) return nullptr;
  std::string given = detail::describe_elements(view.format, view.itemsize);
  PyBuffer_Release(&view);
  PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be an array of %s, not of %s", func, param, accepted,
               given.c_str());
  return nullptr;
}

// Internal linkage: each extension module owns its NativeArray type (see
// function.h for why).
namespace {

constexpr int kMaxNativeArrayDims = 32;

// The Python face of native storage: exports it through the buffer protocol
// and keeps it alive while exported.
struct NativeArrayObject {
  PyObject_HEAD
  ArrayStorage* storage;
  void* data;
  Py_ssize_t itemsize;
  int ndim;
  const char* format;
  Py_ssize_t shape[kMaxNativeArrayDims];
  Py_ssize_t strides[kMaxNativeArrayDims];
};

inline int native_array_getbuffer(PyObject* self, Py_buffer* view, int flags) {
  auto* array = reinterpret_cast<NativeArrayObject*>(self);
  Py_ssize_t count = 1;
  for (int k = 0; k < array->ndim; ++k) count *= array->shape[k];
  // C-contiguous memory satisfies every request but an F-contiguous one of
  // more than one non-trivial axis; PyBuffer_FillInfo-style checks follow.
  if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && array->ndim > 1) {
    PyErr_SetString(PyExc_BufferError, "pyxc native arrays are C-contiguous");
    return -1;
  }
  view->buf = array->data;
  view->obj = Py_NewRef(self);
  view->len = count * array->itemsize;
  view->itemsize = array->itemsize;
  view->readonly = 0;
  view->ndim = array->ndim;
  view->format = (flags & PyBUF_FORMAT) ? const_cast<char*>(array->format) : nullptr;
  view->shape = (flags & PyBUF_ND) == PyBUF_ND ? array->shape : nullptr;
  view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? array->strides : nullptr;
  view->suboffsets = nullptr;
  view->internal = nullptr;
  return 0;
}

inline void native_array_dealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  auto* array = reinterpret_cast<NativeArrayObject*>(self);
  if (array->storage) array->storage->release();
  type->tp_free(self);
  Py_DECREF(type);
}

PyType_Slot native_array_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(native_array_dealloc)},
    {Py_bf_getbuffer, reinterpret_cast<void*>(native_array_getbuffer)},
    {Py_tp_doc, const_cast<char*>("Memory of an array created by pyxc native code (buffer protocol).")},
    {0, nullptr},
};

PyType_Spec native_array_spec = {
    "pyxc.NativeArray", sizeof(NativeArrayObject), 0, Py_TPFLAGS_DEFAULT, native_array_slots,
};

PyTypeObject* native_array_type_object = nullptr;
PyObject* numpy_asarray_function = nullptr;
bool numpy_looked_up = false;

// numpy.asarray, or nullptr without an error when NumPy cannot be imported.
inline PyObject* numpy_asarray() {
  if (!numpy_looked_up) {
    numpy_looked_up = true;
    PyObject* numpy = PyImport_ImportModule("numpy");
    if (numpy) {
      numpy_asarray_function = PyObject_GetAttrString(numpy, "asarray");
      Py_DECREF(numpy);
    }
    if (!numpy_asarray_function) PyErr_Clear();
  }
  return numpy_asarray_function;
}

}  // namespace

template <class T, int N, bool Contiguous>
PyObject* to_py(const Array<T, N, Contiguous>& array) {
  static_assert(N <= kMaxNativeArrayDims, "too many dimensions");
  const ArrayView<T, N, Contiguous>& view = array.view();
  if (view.source) return Py_NewRef(static_cast<PyObject*>(view.source));
  // A view (m[i], a[1:]) of an argument's buffer: the buffer is released
  // when the call returns, so the view cannot outlive it. The checker
  // rejects returning one; this catches it passed through a callee.
  if (!view.storage) {
    PyErr_SetString(PyExc_ValueError,
                    "a view of an array argument (a row or a slice) cannot be returned to Python; copy it into "
                    "pyxc.empty(...) first");
    return nullptr;
  }
  if (!native_array_type_object) {
    native_array_type_object = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&native_array_spec));
    if (!native_array_type_object) return nullptr;
  }
  auto* object = PyObject_New(NativeArrayObject, native_array_type_object);
  if (!object) return nullptr;
  object->storage = view.storage;
  if (object->storage) object->storage->retain();
  object->data = view.data;
  object->itemsize = sizeof(T);
  object->ndim = N;
  object->format = detail::buffer_format<T>();
  for (int k = 0; k < N; ++k) {
    object->shape[k] = view.shape[k];
    object->strides[k] = view.strides[k];
  }
  PyObject* native = reinterpret_cast<PyObject*>(object);
  PyObject* asarray = numpy_asarray();
  if (!asarray) return native;
  PyObject* result = PyObject_CallOneArg(asarray, native);
  Py_DECREF(native);
  return result;
}

}  // namespace pyxc::rt
