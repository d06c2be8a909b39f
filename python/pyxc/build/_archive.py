"""Reproducible archives: wheels (zip, with RECORD) and sdists (tar.gz).

Byte-for-byte reproducible: members sorted, one timestamp for all of them
(SOURCE_DATE_EPOCH when set, else 1980-01-01, the earliest a zip can hold),
fixed permissions and owners, fixed compression level, no gzip mtime.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import tarfile
import time
import zipfile
from pathlib import Path

_ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    try:
        return max(int(value), _ZIP_EPOCH) if value else _ZIP_EPOCH
    except ValueError:
        return _ZIP_EPOCH


def _mode(path_in_archive: str, executable: bool) -> int:
    return 0o755 if executable else 0o644


class WheelWriter:
    """Collects (archive path → bytes) and writes the wheel with RECORD last."""

    def __init__(self, dist_info: str):
        self.dist_info = dist_info
        self.members: dict[str, tuple[bytes, bool]] = {}

    def add_bytes(self, arcname: str, data: bytes, executable: bool = False) -> None:
        self.members[arcname] = (data, executable)

    def add_file(self, arcname: str, path: Path) -> None:
        self.add_bytes(arcname, path.read_bytes(), os.access(path, os.X_OK) and path.suffix != ".py")

    def _record(self) -> bytes:
        lines = []
        for name in sorted(self.members):
            data = self.members[name][0]
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            lines.append(f"{name},sha256={digest},{len(data)}")
        lines.append(f"{self.dist_info}/RECORD,,")
        return ("\n".join(lines) + "\n").encode()

    def write(self, target: Path) -> None:
        stamp = time.gmtime(source_date_epoch())[:6]
        record_name = f"{self.dist_info}/RECORD"
        # .dist-info last, RECORD at the very end (as the wheel spec recommends).
        names = sorted(self.members, key=lambda n: (n.startswith(self.dist_info + "/"), n))
        tmp = target.with_name(target.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for name in names + [record_name]:
                data, executable = self.members[name] if name != record_name else (self._record(), False)
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.external_attr = (0o100000 | _mode(name, executable)) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so the permission bits count
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        os.replace(tmp, target)


def write_sdist(target: Path, prefix: str, files: dict[str, Path], extra: dict[str, bytes]) -> None:
    """A tar.gz of `files` (archive path below `prefix` → file) and `extra`
    (archive path → contents), reproducible."""
    stamp = source_date_epoch()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        members = {name: path.read_bytes() for name, path in files.items()}
        members.update(extra)
        executable = {name for name, path in files.items() if os.access(path, os.X_OK)}
        for name in sorted(members):
            info = tarfile.TarInfo(f"{prefix}/{name}")
            info.size = len(members[name])
            info.mtime = stamp
            info.mode = _mode(name, name in executable)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(members[name]))
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buffer.getvalue())
    os.replace(tmp, target)
