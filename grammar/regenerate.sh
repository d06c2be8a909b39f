#!/usr/bin/env bash
# Regenerates grammar/src/ (the committed parser) from grammar.js.
# Needs node/npm and cargo (or tree-sitter-cli 0.25.10 already on PATH).
set -euo pipefail
cd "$(dirname "$0")"

readonly CLI_VERSION=0.25.10
export PATH="$HOME/.cargo/bin:$PATH"

npm install --ignore-scripts --no-audit --no-fund

if [[ "$(tree-sitter --version 2>/dev/null | awk '{print $2}')" != "$CLI_VERSION" ]]; then
  cargo install --locked tree-sitter-cli --version "$CLI_VERSION"
fi

# ABI 14: the newest ABI the system libtree-sitter (0.20.x .. 0.24.x) loads.
tree-sitter generate --abi 14

# The external scanner (indentation, strings) is the stock one; only its
# symbol prefix follows the grammar's name.
sed 's/tree_sitter_python_external_scanner/tree_sitter_pyxc_python_external_scanner/g' \
  node_modules/tree-sitter-python/src/scanner.c > src/scanner.c

echo "regenerated $(pwd)/src (tree-sitter $(tree-sitter --version))"
