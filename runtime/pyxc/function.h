// The pyxc.NativeFunction type: a callable holding a vectorcall entry point,
// the entry point of its `.aio` method (runtime/pyxc/aio.h) and a __dict__ (the loader sets __name__, __qualname__, __doc__, __module__,
// __signature__ and py there). Each extension module carries its own copy of
// this header, so each creates its own type object once, at module init.
#pragma once

#include <Python.h>
#include <structmember.h>

#include <cstddef>

namespace pyxc::rt {

struct NativeFunctionObject {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  vectorcallfunc aio;  // the same arguments, run on the worker pool; returns an asyncio future
  PyObject* dict;
  PyObject* weakrefs;
};

namespace detail {

inline int native_function_traverse(PyObject* self, visitproc visit, void* arg) {
  Py_VISIT(reinterpret_cast<NativeFunctionObject*>(self)->dict);
  Py_VISIT(Py_TYPE(self));  // heap type instances own a reference to their type
  return 0;
}

inline int native_function_clear(PyObject* self) {
  Py_CLEAR(reinterpret_cast<NativeFunctionObject*>(self)->dict);
  return 0;
}

inline void native_function_dealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  auto* function = reinterpret_cast<NativeFunctionObject*>(self);
  if (function->weakrefs) PyObject_ClearWeakRefs(self);
  Py_CLEAR(function->dict);
  type->tp_free(self);
  Py_DECREF(type);
}

inline PyObject* native_function_repr(PyObject* self) {
  PyObject* dict = reinterpret_cast<NativeFunctionObject*>(self)->dict;
  PyObject* name = dict ? PyDict_GetItemString(dict, "__qualname__") : nullptr;
  if (!name && dict) name = PyDict_GetItemString(dict, "__name__");
  if (name) return PyUnicode_FromFormat("<pyxc native function %S>", name);
  return PyUnicode_FromFormat("<pyxc native function at %p>", self);
}

// Pickled by reference, like Python functions: pickle stores __module__ and
// __qualname__ and finds the (bound) native function there again.
inline PyObject* native_function_reduce(PyObject* self, PyObject*) {
  PyObject* dict = reinterpret_cast<NativeFunctionObject*>(self)->dict;
  PyObject* qualname = dict ? PyDict_GetItemString(dict, "__qualname__") : nullptr;
  if (!qualname) {
    PyErr_SetString(PyExc_TypeError, "cannot pickle a pyxc native function without __qualname__");
    return nullptr;
  }
  Py_INCREF(qualname);
  return qualname;
}

// f.aio(*args, **kw). A method, not an attribute object: `f.aio(x)` then
// costs one method call, with no bound object created.
inline PyObject* native_function_aio(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                                     PyObject* kwnames) {
  vectorcallfunc aio = reinterpret_cast<NativeFunctionObject*>(self)->aio;
  if (!aio) {
    PyErr_SetString(PyExc_NotImplementedError, "this pyxc native function has no .aio entry point");
    return nullptr;
  }
  return aio(self, args, static_cast<size_t>(nargs), kwnames);
}

}  // namespace detail

// Internal linkage on purpose: every extension module must own its type and
// its static tables. Inline variables and statics in inline functions would
// be STB_GNU_UNIQUE symbols, which the dynamic linker merges across modules.
namespace {

PyMemberDef native_function_members[] = {
    {"__dictoffset__", T_PYSSIZET, offsetof(NativeFunctionObject, dict), READONLY, nullptr},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(NativeFunctionObject, weakrefs), READONLY,
     nullptr},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(NativeFunctionObject, vectorcall), READONLY,
     nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

PyGetSetDef native_function_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef native_function_methods[] = {
    {"__reduce__", detail::native_function_reduce, METH_NOARGS, nullptr},
    {"aio", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(detail::native_function_aio)),
     METH_FASTCALL | METH_KEYWORDS,
     "aio(*args, **kwargs)\n--\n\nAn asyncio future of this call, run on pyxc's native worker pool."},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot native_function_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(detail::native_function_dealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(detail::native_function_traverse)},
    {Py_tp_clear, reinterpret_cast<void*>(detail::native_function_clear)},
    {Py_tp_repr, reinterpret_cast<void*>(detail::native_function_repr)},
    {Py_tp_call, reinterpret_cast<void*>(PyVectorcall_Call)},
    {Py_tp_members, native_function_members},
    {Py_tp_getset, native_function_getset},
    {Py_tp_methods, native_function_methods},
    {Py_tp_doc, const_cast<char*>("A function compiled by pyxc.")},
    {0, nullptr},
};

PyType_Spec native_function_spec = {
    "pyxc.NativeFunction",
    sizeof(NativeFunctionObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    native_function_slots,
};

PyTypeObject* native_function_type_object = nullptr;

// The module's NativeFunction type (borrowed), created on first use.
inline PyTypeObject* native_function_type(PyObject* /*module*/) {
  if (!native_function_type_object)
    native_function_type_object =
        reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&native_function_spec));
  return native_function_type_object;
}

// New reference to a NativeFunction named `name` calling `call` (and `aio`
// for .aio; nullptr: .aio raises NotImplementedError).
inline PyObject* make_function(PyObject* module, const char* name, vectorcallfunc call,
                               vectorcallfunc aio = nullptr) {
  PyTypeObject* type = native_function_type(module);
  if (!type) return nullptr;
  auto* function = PyObject_GC_New(NativeFunctionObject, type);
  if (!function) return nullptr;
  function->vectorcall = call;
  function->aio = aio;
  function->dict = nullptr;
  function->weakrefs = nullptr;
  PyObject* self = reinterpret_cast<PyObject*>(function);
  PyObject_GC_Track(self);
  PyObject* dict = PyDict_New();
  function->dict = dict;
  PyObject* name_object = dict ? PyUnicode_FromString(name) : nullptr;
  PyObject* module_name = module ? PyModule_GetNameObject(module) : nullptr;
  if (!module_name) PyErr_Clear();
  bool ok = name_object && PyDict_SetItemString(dict, "__name__", name_object) == 0 &&
            PyDict_SetItemString(dict, "__qualname__", name_object) == 0 &&
            (!module_name || PyDict_SetItemString(dict, "__module__", module_name) == 0);
  Py_XDECREF(name_object);
  Py_XDECREF(module_name);
  if (!ok) {
    Py_DECREF(self);
    return nullptr;
  }
  return self;
}

}  // namespace
}  // namespace pyxc::rt
