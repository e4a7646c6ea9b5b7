"""One SQLAlchemy engine per gradebook per process, instead of one per nbgrader `Gradebook()`.

nbgrader opens a new `Gradebook` (and so a new engine) about 14 times per graded submission. An
engine's compiled-statement cache belongs to it, so every opening compiled the same SQL again
(~0.15 s of CPU per submission). Sharing the engine keeps nbgrader's sessions and commits exactly
as they are: only the connection pool and the statement cache are reused.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import nbgrader.api
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

KEPT_ENGINES = 4  # a worker moves on to a new private gradebook for each submission

_engines: OrderedDict[tuple, Engine] = OrderedDict()


def shared_engine(url: Any, **kwargs: Any) -> Engine:
    """Return this process's engine for `url` and options, creating it on first use."""
    key = (str(url), tuple(sorted(kwargs.items())))
    engine = _engines.get(key)
    if engine is None:
        engine = create_engine(url, **kwargs)
        _engines[key] = engine
        while len(_engines) > KEPT_ENGINES:
            _engines.popitem(last=False)[1].dispose()
    _engines.move_to_end(key)
    return engine


def share_gradebook_engines() -> None:
    """Make nbgrader's Gradebook use shared_engine in this process (idempotent)."""
    nbgrader.api.create_engine = shared_engine


def forget_engines() -> None:
    """Dispose of every shared engine (after forking: a child must not use its parent's connections)."""
    while _engines:
        _engines.popitem()[1].dispose(close=False)
