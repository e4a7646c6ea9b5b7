"""newstrace: trace sources, attribution and syndicated copies in news articles.

Public functions are imported lazily, so `import newstrace as nt` stays fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "articles": "newstrace.loading",
    "article": "newstrace.loading",
    "catalogue": "newstrace.loading",
    "read_article": "newstrace.loading",
    "read_folder": "newstrace.loading",
    "data_dir": "newstrace.loading",
    "ArticleError": "newstrace.errors",
    "clean": "newstrace.clean",
    "Cleaned": "newstrace.clean",
    "normalize": "newstrace.text",
    "words": "newstrace.text",
    "shingles": "newstrace.shingles",
    "jaccard": "newstrace.shingles",
    "containment": "newstrace.shingles",
    "compare": "newstrace.compare",
    "Comparison": "newstrace.compare",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    """Return a public name from the module that defines it, importing it on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)


def __dir__() -> list[str]:
    """List the public names for tab completion."""
    return sorted(set(globals()) | set(__all__))
