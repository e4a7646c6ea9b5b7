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
state = {
    "input_transformers_post": [repr(t) for t in ip.input_transformers_post],
    "input_transformers_cleanup": [repr(t) for t in ip.input_transformers_cleanup],
    "ast_transformers": [repr(t) for t in ip.ast_transformers],
    "sys.gettrace()": repr(sys.gettrace()),
    "sys.getprofile()": repr(sys.getprofile()),
    "custom_exceptions": repr(ip.custom_exceptions),
    "CustomTB": repr(getattr(ip, "CustomTB", None)),
}
for event in ("pre_run_cell", "pre_execute", "post_run_cell", "post_execute"):
    state["events." + event] = [repr(c) for c in ip.events.callbacks.get(event, [])]
state["builtins"] = {name: id(value) for name, value in vars(builtins).items()}
state = json.dumps(state)
"""
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
    found = [key for key in start if key != "builtins" and start[key] != now.get(key)]
    before, after = start["builtins"], now.get("builtins", {})
    rebound = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    if rebound:
        found.append("builtins " + ", ".join(rebound[:5]))
    return found
