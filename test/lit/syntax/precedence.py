# Python binds & tighter than ^, and ^ tighter than | (stock
# tree-sitter-python had & and ^ the other way round).
# RUN: %pyxc emit --dump-ast %s | %FileCheck %s

x = a ^ b & c
# CHECK:      value: Binary ^ @5:5
# CHECK-NEXT:   Name a @5:5
# CHECK-NEXT:   Binary & @5:9

y = a & b ^ c
# CHECK:      value: Binary ^ @10:5
# CHECK-NEXT:   Binary & @10:5

z = a | b ^ c & d << e + f * g ** h
# CHECK:      value: Binary | @14:5
# CHECK-NEXT:   Name a
# CHECK-NEXT:   Binary ^
# CHECK-NEXT:     Name b
# CHECK-NEXT:     Binary &
# CHECK-NEXT:       Name c
# CHECK-NEXT:       Binary <<
# CHECK-NEXT:         Name d
# CHECK-NEXT:         Binary +
# CHECK-NEXT:           Name e
# CHECK-NEXT:           Binary *
# CHECK-NEXT:             Name f
# CHECK-NEXT:             Binary **
