"""`pyxc build --compiler-launcher sccache` caching through a shared Redis
(SPEC §3: teams that already share a compiler cache).

The test starts its own loopback-only redis-server (no persistence) and its
own sccache servers (SCCACHE_DIR in tmp, a free SCCACHE_SERVER_PORT), and
stops all of them. Two sccache servers with separate local directories
stand for two machines: the second one's compile is a hit only because the
first one's object is in Redis. Without sccache or redis-server the test is
skipped locally and fails under CI=true (scripts/setup.sh installs both).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from programs_support import in_ci
from test_cache import EXT, MODULE, load

TIMEOUT = 60  # seconds, for any one command


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = (f"{name} not found (scripts/setup.sh installs it: sccache from requirements-dev.txt, "
                   "redis-server from Debian)")
        if in_ci():
            pytest.fail(f"{message} (CI=true: a missing tool is a failure, not a skip)", pytrace=False)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_command(port: int, *words: str) -> bytes:
    """One command in RESP, the reply's first line (enough for PING, DBSIZE, FLUSHALL)."""
    request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(request.encode())
        reply = b""
        while not reply.endswith(b"\r\n"):
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.strip()


def port_is_closed(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


@pytest.fixture
def redis(tmp_path):
    server = tool("redis-server")
    port = free_port()
    (tmp_path / "redis").mkdir()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path / "redis")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                if redis_command(port, "PING") == b"+PONG":
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not come up on port {port}: "
                            f"{process.stdout.read().decode() if process.poll() is not None else 'timeout'}")
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()
    assert port_is_closed(port)


class Sccache:
    """sccache servers of this test: one at a time, each with its own local
    directory, all on one port and backed by one Redis."""

    def __init__(self, binary: str, tmp_path: Path, redis_port: int):
        self.binary = binary
        self.port = free_port()
        self.tmp_path = tmp_path
        # Only this test's settings: no user config, no other backend from the caller's environment.
        base = {k: v for k, v in os.environ.items() if not k.startswith("SCCACHE_")}
        (tmp_path / "sccache.conf").write_text("")
        self.base = dict(base, SCCACHE_CONF=str(tmp_path / "sccache.conf"),
                         SCCACHE_SERVER_PORT=str(self.port),
                         SCCACHE_REDIS_ENDPOINT=f"redis://127.0.0.1:{redis_port}",
                         # A backstop only: teardown stops the server explicitly.
                         SCCACHE_IDLE_TIMEOUT="120",
                         SCCACHE_ERROR_LOG=str(tmp_path / "sccache.log"))
        self.env: dict[str, str] | None = None
        self.servers = 0

    def run(self, *args: str) -> subprocess.CompletedProcess:
        assert self.env is not None
        return subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True, timeout=TIMEOUT)

    def start(self) -> None:
        """A fresh server (zeroed counters) with a fresh local directory: a new machine."""
        assert self.env is None
        self.servers += 1
        self.env = dict(self.base, SCCACHE_DIR=str(self.tmp_path / f"sccache-dir{self.servers}"))
        started = self.run("--start-server")
        assert started.returncode == 0, started.stdout + started.stderr

    def stop(self) -> None:
        if self.env is None:
            return
        self.run("--stop-server")
        self.env = None
        deadline = time.monotonic() + 10
        while not port_is_closed(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert port_is_closed(self.port), "the sccache server is still listening"

    def stats(self) -> dict:
        shown = self.run("--show-stats", "--stats-format=json")
        assert shown.returncode == 0, shown.stderr
        return json.loads(shown.stdout)


@pytest.fixture
def sccache(tmp_path, redis):
    controller = Sccache(tool("sccache"), tmp_path, redis)
    try:
        yield controller
    finally:
        controller.stop()


def build(pyxc_bin: str, cwd: Path, sccache: Sccache, cache: Path) -> subprocess.CompletedProcess:
    # --no-cache: pyxc's own artifact cache must not answer before the compiler runs.
    env = dict(sccache.env, PYXC_CACHE_DIR=str(cache))
    done = subprocess.run([pyxc_bin, "build", "-v", "--no-cache", "--compiler-launcher", "sccache", "kern.py"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.startswith("sccache "), done.stderr  # -v: the compile step went through the launcher
    assert (cwd / "__pyxc__" / f"kern{EXT}").is_file()
    return done


def c_counts(stats: dict, kind: str) -> int:
    return sum(stats["stats"][kind]["counts"].values())


def test_compiler_launcher_sccache_caches_through_redis(pyxc_bin, sccache, redis, tmp_path):
    tree = tmp_path / "machine1" / "src"
    tree.mkdir(parents=True)
    (tree / "kern.py").write_text(MODULE)
    cache = tmp_path / "pyxc-cache"

    sccache.start()
    location = sccache.stats()["cache_location"]
    assert location.startswith("redis") and f"127.0.0.1:{redis}" in location, location
    build(pyxc_bin, tree, sccache, cache)
    first = sccache.stats()
    assert (c_counts(first, "cache_misses"), c_counts(first, "cache_hits")) == (1, 0), first["stats"]
    assert first["stats"]["cache_writes"] == 1 and first["stats"]["cache_write_errors"] == 0, first["stats"]
    assert int(redis_command(redis, "DBSIZE").lstrip(b":")) >= 1  # the object went to Redis
    built = (tree / "__pyxc__" / f"kern{EXT}").read_bytes()
    sccache.stop()

    # A second "machine": new server, empty local directory, the module at another path.
    shutil.rmtree(tree / "__pyxc__")
    elsewhere = tmp_path / "machine2" / "checkout" / "src"
    shutil.copytree(tree, elsewhere)
    sccache.start()
    build(pyxc_bin, tree, sccache, cache)
    build(pyxc_bin, elsewhere, sccache, cache)
    second = sccache.stats()
    assert second["cache_location"].startswith("redis"), second["cache_location"]
    assert (c_counts(second, "cache_hits"), c_counts(second, "cache_misses")) == (2, 0), second["stats"]
    assert second["stats"]["compilations"] == 0, second["stats"]
    assert (tree / "__pyxc__" / f"kern{EXT}").read_bytes() == built
    for where in (tree, elsewhere):
        loaded = load(where)  # PYXC_REQUIRE_COMPILED=1
        assert loaded.returncode == 0 and loaded.stdout.startswith("NativeFunction"), loaded.stdout + loaded.stderr

    # The hits came from Redis: with it emptied, the same compile misses.
    assert redis_command(redis, "FLUSHALL") == b"+OK"
    shutil.rmtree(elsewhere / "__pyxc__")
    build(pyxc_bin, elsewhere, sccache, cache)
    assert c_counts(sccache.stats(), "cache_misses") == 1
    sccache.stop()
