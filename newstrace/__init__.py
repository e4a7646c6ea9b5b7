"""newstrace: trace sources, attribution and syndicated copies in news articles.

Public functions are imported lazily, so `import newstrace as nt` stays fast.
"""

from __future__ import annotations

import importlib
import sys
import types

__version__ = "0.1.0"

_EXPORTS = {
    "extract_quotes": "newstrace.quotes",
    "find_copies": "newstrace.corpus",
    "lineage": "newstrace.lineage",
    "synthetic_corpus": "newstrace.synthetic",
    "variants": "newstrace.synthetic",
    "articles": "newstrace.loading",
    "article": "newstrace.loading",
    "catalogue": "newstrace.loading",
    "read_article": "newstrace.loading",
    "read_folder": "newstrace.loading",
    "data_dir": "newstrace.loading",
    "cases": "newstrace.loading",
    "current_case": "newstrace.loading",
    "use_case": "newstrace.loading",
    "ArticleError": "newstrace.errors",
    "clean": "newstrace.clean",
    "Cleaned": "newstrace.clean",
    "credits": "newstrace.credits",
    "sources": "newstrace.sources",
    "SOURCE_TYPES": "newstrace.sources",
    "attribution_diff": "newstrace.attribution",
    "normalize": "newstrace.text",
    "words": "newstrace.text",
    "shingles": "newstrace.shingles",
    "jaccard": "newstrace.shingles",
    "containment": "newstrace.shingles",
    "compare": "newstrace.compare",
    "Comparison": "newstrace.compare",
}

__all__ = list(_EXPORTS)


class _PublicNames(types.ModuleType):
    """The package module: public names always mean the function, even where a submodule shares it.

    Importing `newstrace.clean` binds the submodule as the package attribute `clean`; this class makes
    `nt.clean` still return the function `clean`. (Import submodules with `from newstrace.clean import
    ...`, not `import newstrace.clean as m`.)
    """

    def __getattribute__(self, name: str) -> object:
        """Return a public name from the module that defines it, importing it on first use."""
        exports = super().__getattribute__("_EXPORTS")
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        return super().__getattribute__(name)


def __dir__() -> list[str]:
    """List the public names for tab completion."""
    return sorted(set(globals()) | set(__all__))


sys.modules[__name__].__class__ = _PublicNames
