"""``python -m pyxc.bench ARGS``: what ``pyxc bench ARGS`` runs."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
