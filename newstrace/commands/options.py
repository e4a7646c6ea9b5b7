"""Argument types shared by the subcommands: numbers checked against their range, with a clear message."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from newstrace.errors import ArticleError


def fraction(value: str) -> float:
    """Return value as a number from 0 to 1, or raise an argparse error saying so."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value}")
    return number


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """Return an argparse type accepting whole numbers from low to high, refusing others by name."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low} to {high}, got {value!r}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, got {value}")
        return number

    parse.__name__ = f"whole number from {low} to {high}"  # argparse names the type in its errors
    return parse


def check_report_path(path: str | None) -> None:
    """Raise ArticleError when an --html report path is a folder or lies in a folder that does not exist."""
    if path and Path(path).is_dir():
        raise ArticleError(f"{path} is a folder: give the report a file name, such as {Path(path) / 'report.html'}")
    if path and not Path(path).resolve().parent.is_dir():
        raise ArticleError(f"{path}: its folder does not exist; create it or choose another path")
