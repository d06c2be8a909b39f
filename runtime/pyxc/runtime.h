// Everything generated extension modules call (see runtime/README.md).
#pragma once

// Python.h must come first (it may set feature macros the C library reads).
#include <Python.h>

#include "aio.h"
#include "args.h"
#include "arith.h"
#include "array.h"
#include "buffer.h"
#include "builtins.h"
#include "convert.h"
#include "directives.h"
#include "errors.h"
#include "float_narrowing.h"
#include "function.h"
#include "list.h"
#include "list_convert.h"
#include "gil.h"
#include "module.h"
#include "numpy_alloc.h"
#include "numpy_linalg.h"
#include "numpy_reduce.h"
#include "numeric_builtins.h"
#include "parallel.h"
#include "pymath.h"
#include "python_errors.h"
#include "scalar_types.h"
#include "slice.h"
#include "tuples.h"
#include "with_gil.h"
