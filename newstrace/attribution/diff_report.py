"""A self-contained, offline HTML page of an attribution diff (`newstrace check-copy --html`).

The rows whose meaning or attribution changed come first, each with its kind of change, the copy's
sentence beside the closest original sentence and the attribution verbs of both; the quotes
follow; the sentences with no change the rules can name (same, paraphrase, reworded, no close
original) are folded away. Every status is written out in words, so the colours (the
colour-blind-safe palette of newstrace.plots.style) only repeat what the text says. The page uses
the compare report's stylesheet; there is no script and nothing is fetched.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from newstrace.attribution.diff import FLAGGED
from newstrace.plots.style import PALETTE
from newstrace.report import CSS

ROW_COLOURS = {"drift": PALETTE["vermillion"], "attribution changed": PALETTE["orange"],
               "speaker changed": PALETTE["reddish purple"], "attribution drift": PALETTE["reddish purple"]}
"""Left-border colour of a flagged row, by status."""
EXTRA_CSS = ("td.flag { border-left: 6px solid; font-family: sans-serif; font-size: .85em; }\n"
             "td.verbs { font-family: sans-serif; font-size: .85em; }\n")
HEADER = ("<thead><tr><th>copy paragraph, status and kind</th><th>copy</th><th>closest original</th>"
          "<th>attribution (original &rarr; copy)</th></tr></thead>")


def _text(value: object) -> str:
    """Return a cell value as escaped text, '' for a missing value."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


def _shown(index: object) -> str:
    """Return a 0-based paragraph index as the number a person reads (from 1), '&ndash;' for none."""
    return "&ndash;" if index is None or pd.isna(index) else str(int(index) + 1)


def _credit(speaker: object, verb: object) -> str:
    """Return an attribution as a reader writes it: 'X said', 'according to X'."""
    if isinstance(verb, str) and verb.lower().startswith("according to"):
        return f"{_text(verb)} {_text(speaker)}".strip()
    return f"{_text(speaker)} {_text(verb)}".strip() or "none"


def _row(row) -> str:
    """Return the HTML table row of one diff row."""
    colour = ROW_COLOURS.get(row.status, PALETTE["grey"])
    kind = f"<br><strong>{_text(row.kind)}</strong>" if row.kind else ""
    original = (f"{_text(row.closest_original)} <em>(paragraph {_shown(row.original_paragraph)})</em>"
                if isinstance(row.closest_original, str) else '<em>no close original</em>')
    verbs = ""
    if isinstance(row.copy_verb, str) or isinstance(row.original_verb, str):
        verbs = f"{_credit(row.original_speaker, row.original_verb)} &rarr; {_credit(row.copy_speaker, row.copy_verb)}"
    return (f'<tr><td class="flag meta" style="border-left-color:{colour}">paragraph '
            f"{_shown(row.copy_paragraph)}<br>{_text(row.status)}{kind}</td><td>{_text(row.copy_text)}</td>"
            f'<td>{original}</td><td class="verbs">{verbs}</td></tr>')


def _table(rows: pd.DataFrame) -> str:
    """Return the rows as one HTML table."""
    return f'<table class="pairs">{HEADER}<tbody>{"".join(_row(row) for row in rows.itertuples())}</tbody></table>'


def diff_report_html(diff: pd.DataFrame, names: tuple[str, str] = ("original", "copy")) -> str:
    """Return the attribution diff as one self-contained HTML page."""
    title = f"newstrace check-copy: {names[1]} against {names[0]}"
    counts = ", ".join(f"{count} {status}" for status, count in diff["status"].value_counts().items())
    flagged = diff[diff["status"].isin(FLAGGED)]
    quotes = diff[(diff["row"] == "quote") & ~diff["status"].isin(FLAGGED)]
    rest = diff[(diff["row"] != "quote") & ~diff["status"].isin(FLAGGED)]
    parts = [f"<h1>{html.escape(title)}</h1>",
             f'<dl class="scores"><dt>original</dt><dd>{html.escape(names[0])}</dd><dt>copy</dt>'
             f"<dd>{html.escape(names[1])}</dd><dt>rows</dt><dd>{html.escape(counts or 'none')}</dd></dl>",
             '<p class="legend">Paragraph numbers: the paragraphs of the cleaned stories, counted from 1. '
             "<strong>drift</strong>: the meaning changed (a number, a hedge, a condition, the breadth of a "
             "source); <strong>attribution changed</strong>: the verb, a credit or the speaker of a claim "
             "changed; <strong>speaker changed</strong>: a quote given to someone else; "
             "<strong>attribution drift</strong>: the reporter's words put in a speaker's mouth.</p>",
             f"<h2>Changed meaning or attribution ({len(flagged)})</h2>",
             _table(flagged) if not flagged.empty else "<p>No change the rules can name.</p>"]
    if not quotes.empty:
        parts += [f"<h2>Other quotes ({len(quotes)})</h2>", _table(quotes)]
    if not rest.empty:
        parts.append(f"<details><summary>{len(rest)} other sentences: same, paraphrased, reworded or with "
                     f"no close original</summary>{_table(rest)}</details>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}{EXTRA_CSS}</style></head><body>"
            f"{''.join(parts)}</body></html>\n")


def write_diff_report(diff: pd.DataFrame, path: str | Path, names: tuple[str, str] = ("original", "copy")) -> Path:
    """Write the HTML page of an attribution diff to path and return the path."""
    path = Path(path)
    path.write_text(diff_report_html(diff, names), encoding="utf-8")
    return path
