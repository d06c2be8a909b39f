"""json_diagnostics.py COMMAND [ARGS...]

Runs a pyxc command given --diagnostics-format=json, checks that what it
printed (on stdout, or else on stderr) is exactly one JSON array of
diagnostic objects with the documented fields, and prints one normalized
line per diagnostic for FileCheck:
    <basename>:<line>:<column>-<end_line>:<end_column> <severity> [<kind>] <message>
Exits 1 on malformed output; passes the command's exit code through otherwise.
"""
import json
import os
import subprocess
import sys

REQUIRED = {"file": str, "line": int, "column": int, "end_line": int, "end_column": int,
            "severity": str, "kind": str, "message": str, "notes": list}

completed = subprocess.run(sys.argv[1:], capture_output=True, text=True)
streams = [s for s in (completed.stdout, completed.stderr) if s.strip()]
if not streams:
    sys.exit("json_diagnostics: the command printed nothing")
try:
    diagnostics = json.loads(streams[0])
except json.JSONDecodeError as error:
    sys.exit(f"json_diagnostics: not JSON ({error}):\n{streams[0]}")
if not isinstance(diagnostics, list):
    sys.exit("json_diagnostics: top level is not an array")
for diagnostic in diagnostics:
    for field, field_type in REQUIRED.items():
        if not isinstance(diagnostic.get(field), field_type):
            sys.exit(f"json_diagnostics: field {field!r} missing or not {field_type.__name__}: {diagnostic}")
    for note in diagnostic["notes"]:
        if not isinstance(note.get("message"), str):
            sys.exit(f"json_diagnostics: note without message: {note}")
    print(f"{os.path.basename(diagnostic['file'])}:{diagnostic['line']}:{diagnostic['column']}-"
          f"{diagnostic['end_line']}:{diagnostic['end_column']} {diagnostic['severity']} "
          f"[{diagnostic['kind']}] {diagnostic['message']}")
print(f"exit={completed.returncode}")
