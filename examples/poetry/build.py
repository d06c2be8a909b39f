"""Poetry's build script: compiles the @pyxc.native modules in place."""
from pyxc.build.poetry import build

build()
