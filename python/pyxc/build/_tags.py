"""The wheel tag for the interpreter running the backend (the target: build
frontends run the backend with the interpreter they build for)."""
from __future__ import annotations

import sysconfig

from packaging import tags


def platform_tag() -> str:
    # The plain platform (linux_x86_64): a manylinux tag is a promise that
    # only auditwheel can check, so it is never claimed here.
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def wheel_tag() -> tags.Tag:
    platform = platform_tag()
    for tag in tags.sys_tags():
        if tag.platform == platform and tag.abi != "abi3" and tag.abi != "none":
            return tag
    interpreter = f"{tags.interpreter_name()}{tags.interpreter_version()}"
    return tags.Tag(interpreter, interpreter, platform)
