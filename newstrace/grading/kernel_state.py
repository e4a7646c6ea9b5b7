"""Inspect a student's kernel for hooks that could change how the tests run or are reported.

Before each test cell the grader evaluates a silent probe in the kernel (its output goes to no
cell) and compares its answer with the answer at kernel start. The probe runs in the student's
kernel, so a determined attacker can fake it: like the source scan, it is a deterrent.
"""

from __future__ import annotations

import ast
import json

PROBE = """
import builtins, json, sys
from IPython import get_ipython
ip = get_ipython()
def methods(obj):
    found = [(c.__qualname__, k, id(v)) for c in type(obj).__mro__[:-1] for k, v in vars(c).items()]
    own = getattr(obj, "__dict__", {})
    return hash(tuple(found + [("", k, id(v)) for k, v in own.items() if callable(v)]))
import functools, types
WRAPPERS = (staticmethod, classmethod, functools.partial, types.MethodType)
def from_cells(value):
    if isinstance(value, WRAPPERS):
        value = getattr(value, "__func__", None) or getattr(value, "func", None)
    kind = type(value)
    return (kind is types.FunctionType or isinstance(value, type)) and value.__module__ == "__main__"
def patched(roots):
    found, seen = set(), set()
    spaces = [m for n, m in list(sys.modules.items()) if n in roots]
    spaces += [v for m in spaces for v in list(vars(m).values()) if isinstance(v, type)]
    for space in spaces:
        if id(space) not in seen:
            seen.add(id(space))
            found.update(f"{getattr(space, '__name__', '?')}.{k}" for k, v in list(vars(space).items())
                         if from_cells(v))
    return sorted(found)[:5]
state = {
    "input_transformers_post": [repr(t) for t in ip.input_transformers_post],
    "input_transformers_cleanup": [repr(t) for t in ip.input_transformers_cleanup],
    "ast_transformers": [repr(t) for t in ip.ast_transformers],
    "sys.gettrace()": repr(sys.gettrace()),
    "sys.getprofile()": repr(sys.getprofile()),
    "custom_exceptions": repr(ip.custom_exceptions),
    "CustomTB": repr(getattr(ip, "CustomTB", None)),
    "sys hooks": [id(getattr(sys, n, None)) for n in ("displayhook", "excepthook", "breakpointhook", "unraisablehook", "audit")],
    "library functions defined in the notebook": patched(ROOTS),
}
for path in MACHINERY:
    obj = ip
    for part in path.split(".")[1:]:
        obj = getattr(obj, part, None)
    state[path + " methods"] = methods(obj)
state["sys.stdout methods"], state["sys.stderr methods"] = methods(sys.stdout), methods(sys.stderr)
state[SHADOWED] = sorted(k for k, v in list(ip.user_ns.items()) if k in vars(builtins) and from_cells(v))
handlers = getattr(getattr(ip, "kernel", None), "shell_handlers", {})
state["kernel.shell_handlers"] = sorted((k, id(v)) for k, v in handlers.items())
for event in ("pre_run_cell", "pre_execute", "post_run_cell", "post_execute"):
    state["events." + event] = [repr(c) for c in ip.events.callbacks.get(event, [])]
state["builtins"] = {name: id(value) for name, value in vars(builtins).items()}
state = json.dumps(state)
"""
# Libraries a test may lean on: a function or class of the notebook's own found among their
# attributes (or their classes' and submodules') was put there by the student.
PATCHABLE = (
    "builtins", "collections", "difflib", "functools", "itertools", "json", "math", "newstrace",
    "numpy", "numpy.testing", "operator", "pandas", "pandas.testing", "re", "statistics",
    "string", "types", "unittest",
)
# The kernel's machinery between a cell's code and the messages the grader reads: a method of any
# of these (of its class or set on the object itself) replaced can rewrite a test or its report.
MACHINERY = (
    "ip", "ip.compile", "ip.kernel", "ip.kernel.session", "ip.kernel.iopub_socket",
    "ip.kernel.iopub_thread", "ip.kernel.shell_stream", "ip.display_pub", "ip.display_pub.session",
    "ip.displayhook", "ip.events", "ip.history_manager", "ip.input_transformer_manager",
)
PATCHED = "library functions defined in the notebook"
SHADOWED = "built-in names bound to the notebook's functions"
NAMED = ("builtins", PATCHED, SHADOWED)  # compared name by name below
PROBE = (
    PROBE.replace("ROOTS", repr(frozenset(PATCHABLE)))
    .replace("MACHINERY", repr(MACHINERY))
    .replace("SHADOWED", repr(SHADOWED))
)
# The answer is one JSON string: IPython shows a string as its repr at once, where pretty-printing
# the dictionary itself took a few milliseconds per test cell.
PROBE_EXPRESSION = f"(lambda d: (exec({PROBE!r}, d), d['state'])[1])({{}})"


def parse_reply(reply: dict) -> dict | None:
    """Return the probe's state from an execute_reply, None if the probe failed."""
    result = reply.get("content", {}).get("user_expressions", {}).get("state", {})
    if result.get("status") != "ok":
        return None
    try:
        state = json.loads(ast.literal_eval(result["data"]["text/plain"]))
    except (KeyError, TypeError, ValueError, SyntaxError):
        return None
    return state if isinstance(state, dict) else None


def changes(start: dict, now: dict | None) -> list[str]:
    """Return what changed in the kernel since `start` (names only, never values)."""
    if now is None:
        return ["the kernel-state probe could not run"]
    found = [key for key in start if key not in NAMED and start[key] != now.get(key)]
    for key in (PATCHED, SHADOWED):
        added = sorted(set(now.get(key, [])) - set(start.get(key, [])))
        if added:
            found.append(f"{key} ({', '.join(added[:5])})")
    before, after = start["builtins"], now.get("builtins", {})
    rebound = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    if rebound:
        found.append("builtins " + ", ".join(rebound[:5]))
    return found
