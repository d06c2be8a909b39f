"""Array views (docs/semantics.md "Array views") where the differential
corpus (programs/arrays_views.py) cannot look: read-only buffers are
refused exactly when a view of them may be written, and a view of an
argument never reaches Python as a dangling array."""
from pathlib import Path

import numpy as np
import pytest

from programs_support import build_subject_copy, import_compiled

SUBJECT = Path(__file__).resolve().parent / "subjects" / "views_subject.py"


@pytest.fixture(scope="module")
def views(pyxc_bin, tmp_path_factory):
    directory = tmp_path_factory.mktemp("views")
    return import_compiled(build_subject_copy(pyxc_bin, SUBJECT, directory), "views_subject")


def frozen(shape):
    a = np.arange(float(np.prod(shape))).reshape(shape)
    a.setflags(write=False)
    return a


def test_reading_views_of_a_read_only_buffer_is_fine(views):
    assert views.read_rows(frozen((3, 4))) == views.read_rows.py(frozen((3, 4)))


@pytest.mark.parametrize("name", ["write_through_alias", "write_through_callee", "write_in_row_loop"])
def test_writes_through_views_refuse_read_only_buffers(views, name):
    with pytest.raises(ValueError, match="read-only"):
        getattr(views, name)(frozen((3, 4)))
    writable = np.zeros((3, 4))
    expected = writable.copy()
    getattr(views, name).py(expected)
    getattr(views, name)(writable)
    assert writable.tolist() == expected.tolist()


def test_a_view_of_an_argument_is_not_returned_to_python(views):
    with pytest.raises(ValueError, match="cannot be returned to Python"):
        views.row_back_to_python(np.zeros((3, 3)), 1)


def test_a_view_of_a_native_array_is_returned_as_a_copy_free_array(views):
    row = views.native_row_back_to_python(3, 1)
    assert np.asarray(row).tolist() == [7.0, 0.0, 0.0]
