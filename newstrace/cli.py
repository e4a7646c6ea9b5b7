"""The newstrace command line: one subcommand module per task in newstrace.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newstrace import __version__
from newstrace.errors import ArticleError, DataNotFoundError

COMMAND_MODULES = [
    "newstrace.commands.clean",
    "newstrace.commands.sources",
    "newstrace.commands.quotes",
    "newstrace.commands.check_copy",
    "newstrace.commands.compare",
    "newstrace.commands.find_copies",
    "newstrace.commands.grade",
    "newstrace.commands.quiz_report",
]
"""Each module defines NAME, HELP, add_arguments(parser) and run(args) -> int; listed in teaching order."""


def command_name(module_name: str) -> str:
    """Return the subcommand a module provides: newstrace.commands.find_copies -> find-copies."""
    return module_name.rsplit(".", 1)[1].replace("_", "-")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Return the argument parser; only the command named in argv is imported (all of them for help)."""
    parser = argparse.ArgumentParser(
        prog="newstrace",
        description="Trace sources, attribution and syndicated copies in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newstrace {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    words = sys.argv[1:] if argv is None else list(argv)
    wanted = next((word for word in words if not word.startswith("-")), None)
    names = [command_name(module_name) for module_name in COMMAND_MODULES]
    for name, module_name in zip(names, COMMAND_MODULES):
        if wanted in names and name != wanted:
            subparsers.add_parser(name)  # never shown: another command was chosen
            continue
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status (2 for bad input)."""
    args = build_parser(argv).parse_args(argv)
    try:
        return args.handler(args)
    except (ArticleError, DataNotFoundError) as err:
        print(f"newstrace {args.command}: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as err:  # a file the command writes or reads beyond the articles
        where = f"{err.filename}: " if err.filename else ""
        print(f"newstrace {args.command}: {where}{err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
