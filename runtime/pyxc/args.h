// Binding vectorcall arguments to parameters, with CPython's error messages.
#pragma once

#include <Python.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace pyxc::rt {

struct ArgSpec {
  const char* name;             // function name used in messages
  const char* const* params;    // positional-only, then positional-or-keyword, then keyword-only
  int n_posonly;
  int n_pos_or_kw;
  int n_kwonly;
  int n_required;               // the first n_required positional parameters have no default
  uint64_t kwonly_required = 0; // bit i: keyword-only parameter i has no default
};

namespace detail {

inline bool name_equals(PyObject* name, const char* param) {
  // Keyword names are almost always compact ASCII: compare bytes directly.
  if (PyUnicode_IS_COMPACT_ASCII(name)) {
    size_t length = size_t(PyUnicode_GET_LENGTH(name));
    return std::strlen(param) == length && std::memcmp(PyUnicode_DATA(name), param, length) == 0;
  }
  return PyUnicode_CompareWithASCIIString(name, param) == 0;
}

inline std::string quoted_list(const std::string* names, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i > 0) text += count == 2 ? " and " : (i == count - 1 ? ", and " : ", ");
    text += "'" + names[i] + "'";
  }
  return text;
}

[[gnu::cold, gnu::noinline]] inline bool missing_arguments(const ArgSpec& spec,
                                                           PyObject** bound, bool kwonly) {
  int first = kwonly ? spec.n_posonly + spec.n_pos_or_kw : 0;
  int count = kwonly ? spec.n_kwonly : spec.n_required;
  std::string names[64];
  int missing = 0;
  for (int i = 0; i < count && missing < 64; ++i) {
    bool required = kwonly ? ((spec.kwonly_required >> i) & 1u) != 0 : true;
    if (required && !bound[first + i]) names[missing++] = spec.params[first + i];
  }
  std::string message = std::string(spec.name) + "() missing " + std::to_string(missing) +
                        " required " + (kwonly ? "keyword-only" : "positional") + " argument" +
                        (missing == 1 ? "" : "s") + ": " + quoted_list(names, missing);
  PyErr_SetString(PyExc_TypeError, message.c_str());
  return false;
}

[[gnu::cold, gnu::noinline]] inline bool too_many_positional(const ArgSpec& spec,
                                                             PyObject** bound, Py_ssize_t given) {
  int n_positional = spec.n_posonly + spec.n_pos_or_kw;
  int kwonly_given = 0;
  for (int i = 0; i < spec.n_kwonly; ++i) kwonly_given += bound[n_positional + i] != nullptr;
  std::string takes;
  bool plural;
  if (spec.n_required < n_positional) {
    takes = "from " + std::to_string(spec.n_required) + " to " + std::to_string(n_positional);
    plural = true;
  } else {
    takes = std::to_string(n_positional);
    plural = n_positional != 1;
  }
  std::string kwonly_part;
  if (kwonly_given) {
    kwonly_part = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                  std::to_string(kwonly_given) + " keyword-only argument" +
                  (kwonly_given != 1 ? "s" : "") + ")";
  }
  std::string message = std::string(spec.name) + "() takes " + takes + " positional argument" +
                        (plural ? "s" : "") + " but " + std::to_string(given) + kwonly_part +
                        (given == 1 && !kwonly_given ? " was" : " were") + " given";
  PyErr_SetString(PyExc_TypeError, message.c_str());
  return false;
}

[[gnu::cold, gnu::noinline]] inline bool bad_keyword(const ArgSpec& spec, PyObject* kwnames,
                                                     PyObject* name) {
  // CPython reports positional-only parameters passed by keyword together.
  std::string posonly_given;
  Py_ssize_t n_keywords = PyTuple_GET_SIZE(kwnames);
  for (int i = 0; i < spec.n_posonly; ++i) {
    for (Py_ssize_t k = 0; k < n_keywords; ++k) {
      if (name_equals(PyTuple_GET_ITEM(kwnames, k), spec.params[i])) {
        if (!posonly_given.empty()) posonly_given += ", ";
        posonly_given += spec.params[i];
        break;
      }
    }
  }
  if (!posonly_given.empty()) {
    PyErr_Format(PyExc_TypeError,
                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                 spec.name, posonly_given.c_str());
  } else {
    PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'", spec.name,
                 name);
  }
  return false;
}

}  // namespace detail

// The general case: keywords, too many or too few arguments.
[[gnu::noinline]] inline bool bind_args_general(const ArgSpec& spec, PyObject* const* args,
                                                Py_ssize_t nargs, PyObject* kwnames,
                                                PyObject** bound) {
  const int n_positional = spec.n_posonly + spec.n_pos_or_kw;
  const int n_params = n_positional + spec.n_kwonly;
  const Py_ssize_t n_copied = nargs < n_positional ? nargs : n_positional;
  for (Py_ssize_t i = 0; i < n_copied; ++i) bound[i] = args[i];
  for (int i = int(n_copied); i < n_params; ++i) bound[i] = nullptr;

  if (kwnames) {
    const Py_ssize_t n_keywords = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < n_keywords; ++k) {
      PyObject* name = PyTuple_GET_ITEM(kwnames, k);
      if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "%s() keywords must be strings", spec.name);
        return false;
      }
      int index = -1;
      for (int i = spec.n_posonly; i < n_params; ++i) {
        if (detail::name_equals(name, spec.params[i])) {
          index = i;
          break;
        }
      }
      if (index < 0) return detail::bad_keyword(spec, kwnames, name);
      if (bound[index]) {
        PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", spec.name,
                     spec.params[index]);
        return false;
      }
      bound[index] = args[nargs + k];
    }
  }
  if (nargs > n_positional) return detail::too_many_positional(spec, bound, nargs);
  for (int i = 0; i < spec.n_required; ++i)
    if (!bound[i]) return detail::missing_arguments(spec, bound, false);
  for (int i = 0; i < spec.n_kwonly; ++i)
    if (((spec.kwonly_required >> i) & 1u) && !bound[n_positional + i])
      return detail::missing_arguments(spec, bound, true);
  return true;
}

// Fills bound[0 .. n_params) with borrowed references (nullptr: use the
// default). Returns false with a TypeError set when the call does not match.
// Inlined into each wrapper for the common call: positional arguments only,
// no required keyword-only parameter.
[[gnu::always_inline]] inline bool bind_args(const ArgSpec& spec, PyObject* const* args,
                                             size_t nargsf, PyObject* kwnames,
                                             PyObject** bound) {
  const Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
  const int n_positional = spec.n_posonly + spec.n_pos_or_kw;
  if (!kwnames && nargs >= spec.n_required && nargs <= n_positional && !spec.kwonly_required)
      [[likely]] {
    const int n_params = n_positional + spec.n_kwonly;
    for (Py_ssize_t i = 0; i < nargs; ++i) bound[i] = args[i];
    for (int i = int(nargs); i < n_params; ++i) bound[i] = nullptr;
    return true;
  }
  return bind_args_general(spec, args, nargs, kwnames, bound);
}

}  // namespace pyxc::rt
