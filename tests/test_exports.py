"""`import newstrace as nt`: each public name is its definition, imported only when first used."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import newstrace as nt


@pytest.mark.parametrize("name", nt.__all__)
def test_public_name_is_the_definition_not_a_module(name: str) -> None:
    """nt.<name> is the function, class or vocabulary of that name (nt.clean is never a module)."""
    value = getattr(nt, name)
    assert not inspect.ismodule(value)
    if inspect.isfunction(value) or inspect.isclass(value):
        assert value.__name__ == name and value.__module__.startswith("newstrace.")
        assert getattr(sys.modules[value.__module__], name) is value, "defined where it lives, not a copy"
    assert name in dir(nt)


def test_an_unknown_name_is_refused_naming_it() -> None:
    """A misspelt name raises AttributeError with the name, as a module does."""
    with pytest.raises(AttributeError, match="'compair'"):
        nt.compair  # noqa: B018


def test_names_are_imported_on_first_use_only() -> None:
    """`import newstrace` loads none of the analysis; nt.compare loads the comparison and not the classroom."""
    code = ("import sys, newstrace as nt\n"
            "before = sorted(m for m in sys.modules if m.startswith('newstrace.'))\n"
            "nt.compare\n"
            "print(before, 'newstrace.syndication.comparison' in sys.modules,"
            " any(m.startswith(('newstrace.grading', 'newstrace.widgets')) for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "True", "False"]
