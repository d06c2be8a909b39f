#!/usr/bin/env bash
# Installs every dependency of pyxc from the package registries (Debian,
# PyPI), builds the development tree (build/, with unit tests) and installs
# pyxc itself with pip, so that `pyxc` and `import pyxc` work.
# Safe to run again: it skips what is already there and rebuilds incrementally.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

apt_packages=(
  g++ cmake ninja-build pkg-config
  libtree-sitter-dev libfmt-dev libcli11-dev libtomlplusplus-dev libgtest-dev
  llvm-19-tools libssl-dev ccache
  # pyxc-verify (libTooling), the libFuzzer target and the sanitizer builds.
  clang-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev libclang-rt-19-dev
  redis-server
  valgrind git
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# Tools of the packaging tests, kept apart from the Python under test:
# Poetry in its own virtual environment (as Poetry recommends), actionlint
# built from the Go module proxy (its PyPI wrapper downloads a binary).
tools="$root/build/tools"
if [ ! -x "$tools/poetry/bin/poetry" ]; then
  echo "setup: installing Poetry into $tools/poetry"
  python3 -m venv "$tools/poetry"
  "$tools/poetry/bin/pip" install -q --disable-pip-version-check -r requirements-poetry.txt
fi
if [ ! -x "$tools/go/bin/actionlint" ] && command -v go >/dev/null 2>&1; then
  echo "setup: building actionlint into $tools/go/bin"
  # -modcacherw: Go makes its module cache read-only, which would break `rm -rf build`.
  GOPATH="$tools/go" GOFLAGS=-modcacherw go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi

echo "setup: building the development tree in build/"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build

echo "setup: installing pyxc (pip install .)"
python3 -m pip install -q --disable-pip-version-check --no-build-isolation .
# Under pyenv, new console scripts need shims before they are on PATH.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
command -v pyxc >/dev/null || { echo "setup: pyxc is not on PATH after install" >&2; exit 1; }
echo "setup: done ($(pyxc --version))"
