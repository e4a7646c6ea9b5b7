"""newstrace: trace sources, attribution and syndicated copies in news articles.

The package is laid out like the course (see the README's layout table): `text/` underneath,
`pages/`, `attribution/`, `sourcing/` and `syndication/` for the skills, `evaluation/` for the
gates, `data` for the case; the classroom (`plots/`, `widgets/`, `report`, `course/`, `grading/`,
`commands/`, `cli`) sits above them.

The public functions below are plain re-exports, imported on first use so that
`import newstrace as nt` stays fast. No module shares a public name, so `nt.clean` is always the
function.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "extract_quotes": "newstrace.attribution.quotes",
    "find_copies": "newstrace.syndication.corpus",
    "lineage": "newstrace.syndication.provenance",
    "synthetic_corpus": "newstrace.syndication.synthetic",
    "variants": "newstrace.syndication.synthetic",
    "articles": "newstrace.data",
    "article": "newstrace.data",
    "catalogue": "newstrace.data",
    "read_article": "newstrace.data",
    "read_folder": "newstrace.data",
    "data_dir": "newstrace.data",
    "cases": "newstrace.data",
    "current_case": "newstrace.data",
    "use_case": "newstrace.data",
    "case_notes": "newstrace.casebook",
    "content_note": "newstrace.casebook",
    "ArticleError": "newstrace.errors",
    "clean": "newstrace.pages.clutter",
    "Cleaned": "newstrace.pages.clutter",
    "paragraph_numbers": "newstrace.pages.clutter",
    "credits": "newstrace.attribution.outlet_credits",
    "sources": "newstrace.sourcing.finder",
    "SOURCE_TYPES": "newstrace.sourcing.source_types",
    "attribution_diff": "newstrace.attribution.diff",
    "normalize": "newstrace.text.tokenizer",
    "words": "newstrace.text.tokenizer",
    "shingles": "newstrace.text.shingling",
    "jaccard": "newstrace.text.shingling",
    "containment": "newstrace.text.shingling",
    "compare": "newstrace.syndication.comparison",
    "Comparison": "newstrace.syndication.comparison",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> object:
    """Return a public name from the module that defines it, importing that module on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names for tab completion."""
    return sorted(set(globals()) | set(__all__))
