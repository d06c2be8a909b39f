# A module without native functions builds nothing and says so, without
# failing: a warning, exit 0.
# RUN: %pyxc emit %s 2>&1 | %FileCheck %s
# RUN: %pyxc build %s 2>&1 | %FileCheck %s
# CHECK: no-native-functions.py: warning: no @pyxc.native functions in this module; nothing to {{emit|build}} [no-native-functions]


def plain(x):
    return x + 1
