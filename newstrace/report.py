"""Self-contained, offline HTML reports: a Comparison's two texts side by side, and an attribution diff.

`report_html` / `write_report` (`newstrace compare --html`):

One table row per group of aligned paragraphs (or per missing / added paragraph), in the copy's
order. In copy-edited groups every edit is highlighted: content changes in the palette's
vermillion, struck through on the original's side and underlined on the copy's; house-style
changes dotted in blue. Hovering shows the edit kind. In rewritten groups the verbatim shared
passages are highlighted instead. All CSS is inline in the page; there is no script and nothing
is fetched, so the file works offline and can be mailed or printed.

`diff_report_html` / `write_diff_report` (`newstrace check-copy --html`): the rows of
`nt.attribution_diff` whose meaning or attribution changed come first, each with its kind of
change, the copy's sentence beside the closest original sentence and the attributions of both;
the other quotes follow; the sentences with no change the rules can name are folded away. Every
status is written out in words, so the colours only repeat what the text says.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from newstrace.attribution.diff import FLAGGED
from newstrace.plots.style import PALETTE
from newstrace.syndication.comparison import Comparison
from newstrace.syndication.derived_words import copy_edited_groups
from newstrace.syndication.edits import HOUSE_STYLE, diff
from newstrace.text.segments import joined_starts
from newstrace.text.tokenizer import token_spans

Marks = dict[int, list[tuple[int, int, str, str]]]

CSS = f"""
body {{ font-family: Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 78em;
       line-height: 1.5; color: #111; padding: 0 1em; }}
h1 {{ font-size: 1.5em; }}
table.pairs {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
table.pairs td, table.pairs th {{ border-top: 1px solid #ccc; padding: .5em .8em;
                                   vertical-align: top; }}
table.pairs th {{ text-align: left; }}
table.evidence {{ border-collapse: collapse; margin-bottom: 1.5em; font-family: sans-serif;
                   font-size: .9em; }}
table.evidence td, table.evidence th {{ border-top: 1px solid #ccc; padding: .3em .6em;
                                         text-align: left; vertical-align: top; }}
td.meta {{ font-family: sans-serif; font-size: .85em; color: #333; }}
td.empty {{ color: #777; font-style: italic; }}
del.content {{ background: #fbe3d6; color: #7a2e00; text-decoration: line-through;
               border-bottom: 2px solid {PALETTE["vermillion"]}; }}
ins.content {{ background: #fbe3d6; text-decoration: underline 2px {PALETTE["vermillion"]}; }}
del.house, ins.house {{ text-decoration: none; border-bottom: 2px dotted {PALETTE["blue"]};
                        background: #dcebf5; }}
mark {{ background: #fdf1c0; border-bottom: 2px solid {PALETTE["orange"]}; }}
dl.scores {{ display: grid; grid-template-columns: max-content auto; gap: .2em 1em;
             font-family: sans-serif; }}
dl.scores dt {{ font-weight: bold; }}
.legend span {{ margin-right: 1.5em; }}
summary {{ font-family: sans-serif; color: #333; cursor: pointer; }}
"""


def _render(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Return text as HTML with each (start, end, tag/class, title) span wrapped in its tag."""
    pieces, position = [], 0
    for start, end, tag_class, title in sorted(marks):
        if start < position:
            continue
        tag, _, css_class = tag_class.partition(".")
        pieces.append(html.escape(text[position:start]))
        attributes = f' class="{css_class}"' if css_class else ""
        attributes += f' title="{html.escape(title)}"' if title else ""
        pieces.append(f"<{tag}{attributes}>{html.escape(text[start:end])}</{tag}>")
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def _spans(paragraphs: list[str], indexes: list[int]) -> list[tuple[int, int, int]]:
    """Return (paragraph, start, end) of each token of the chosen paragraphs, in order."""
    return [(index, start, end) for index in indexes
            for _, start, end in token_spans(paragraphs[index])]


def _gaps(spans: list[tuple[int, int, int]]) -> list[bool]:
    """Return, per token span, whether white space (or a paragraph break) comes before it."""
    return [index > 0 and (paragraph != spans[index - 1][0] or start > spans[index - 1][2])
            for index, (paragraph, start, _) in enumerate(spans)]


def _edit_marks(comparison: Comparison, originals: list[int], copies: list[int]) -> tuple[Marks, Marks]:
    """Return highlight spans per original paragraph and per copy paragraph for one group."""
    before_spans = _spans(comparison.original.paragraphs, originals)
    after_spans = _spans(comparison.copy.paragraphs, copies)
    before_marks: Marks = {}
    after_marks: Marks = {}
    for edit in diff([comparison.original.paragraphs[p][s:e] for p, s, e in before_spans],
                     [comparison.copy.paragraphs[p][s:e] for p, s, e in after_spans],
                     (_gaps(before_spans), _gaps(after_spans))):
        css = "house" if edit.kind in HOUSE_STYLE else "content"
        title = f"{edit.kind}: {edit.before or '(nothing)'} \u2192 {edit.after or '(nothing)'}"
        for n in range(edit.before_start, edit.before_end):
            paragraph, start, end = before_spans[n]
            before_marks.setdefault(paragraph, []).append((start, end, f"del.{css}", title))
        for n in range(edit.after_start, edit.after_end):
            paragraph, start, end = after_spans[n]
            after_marks.setdefault(paragraph, []).append((start, end, f"ins.{css}", title))
    return before_marks, after_marks


def _passage_marks(comparison: Comparison) -> tuple[Marks, Marks]:
    """Return highlight spans of the shared passages, per paragraph, in both texts."""
    marks: tuple[Marks, Marks] = ({}, {})
    for side, cleaned in enumerate((comparison.original, comparison.copy)):
        starts = joined_starts(cleaned.paragraphs)
        prefix = ("original", "copy")[side]
        for row in comparison.shared_passages.itertuples():
            start, end = getattr(row, f"{prefix}_start"), getattr(row, f"{prefix}_end")
            for index, first in enumerate(starts):
                last = first + len(cleaned.paragraphs[index])
                if start < last and end > first:
                    title = f"shared passage of {row.words} words"
                    marks[side].setdefault(index, []).append(
                        (max(start, first) - first, min(end, last) - first, "mark", title))
    return marks



def _cell(paragraphs: list[str], indexes: list[int], marks: Marks, empty: str) -> str:
    """Return the HTML of one side of a table row."""
    if not indexes:
        return f'<td class="empty">{empty}</td>'
    body = "".join(f"<p>{_render(paragraphs[i], marks.get(i, []))}</p>" for i in indexes)
    return f"<td>{body}</td>"


def _label(indexes: list[int]) -> str:
    """Return paragraph numbers for a reader: counted from 1 (the tables' indexes are 0-based)."""
    return ", ".join(str(i + 1) for i in indexes) if indexes else "\u2013"


def _fold_missing(rows: list[tuple[str, str]]) -> list[str]:
    """Return row HTML with each run of missing paragraphs folded into one collapsible row."""
    html_rows: list[str] = []
    run: list[str] = []
    for status, row_html in rows + [("end", "")]:
        if status == "missing":
            run.append(row_html)
            continue
        if len(run) > 2:
            inner = "".join(run)
            html_rows.append(f'<tr><td colspan="3"><details><summary>{len(run)} paragraphs of the '
                             f'original missing from the copy</summary><table class="pairs">'
                             f"{_COLUMNS}{inner}</table></details></td></tr>")
        else:
            html_rows += run
        run = []
        html_rows.append(row_html)
    return html_rows


_COLUMNS = '<colgroup><col style="width:10em"><col><col></colgroup>'


def _rows(comparison: Comparison) -> list[tuple[str, str]]:
    """Return (status, row HTML) per group of aligned paragraphs or unaligned paragraph."""
    edited = {tuple(copies): (originals, copies) for originals, copies in copy_edited_groups(comparison.alignment)}
    passage_before, passage_after = _passage_marks(comparison)
    rows, seen = [], set()
    for row in comparison.alignment.itertuples():
        key = ("group", row.group) if not pd.isna(row.group) else ("row", row.Index)
        if key in seen:
            continue
        seen.add(key)
        members = comparison.alignment.loc[comparison.alignment["group"] == row.group] \
            if not pd.isna(row.group) else comparison.alignment.loc[[row.Index]]
        originals = sorted(set(members["original_para"].dropna().astype(int)))
        copies = sorted(set(members["copy_para"].dropna().astype(int)))
        group = edited.get(tuple(copies))
        before, after = (_edit_marks(comparison, *group) if group
                         else (passage_before, passage_after))
        meta = (f"{row.status}<br>original {_label(originals)}<br>copy {_label(copies)}"
                f"<br>similarity {row.similarity:.2f}")
        rows.append((row.status, f'<tr><td class="meta">{meta}</td>'
                    f'{_cell(comparison.original.paragraphs, originals, before, "not in the copy")}'
                    f'{_cell(comparison.copy.paragraphs, copies, after, "not in the original")}</tr>'))
    return rows


def _order(comparison: Comparison, names: tuple[str, str], other_way: Comparison | None) -> list[tuple[str, str]]:
    """Return the order hint and the other way round's result as summary items, if the copy holds the original."""
    if not comparison.order_hint:
        return []
    other = (f"; compared that way ({names[1]} as the original): {other_way.relation}, "
             f"score {other_way.score:.3f}" if other_way is not None else "")
    return [("order", comparison.order_hint + other)]


def _edit_counts(comparison: Comparison) -> str:
    """Return the number of edits and how many are house style and content."""
    categories = comparison.edits["category"]
    return (f"{len(categories)} ({(categories == 'house style').sum()} house style, "
            f"{(categories == 'content').sum()} content)")


def _scores(comparison: Comparison, names: tuple[str, str], other_way: Comparison | None = None) -> str:
    """Return the summary list of scores and counts."""
    counts = ", ".join(f"{n} {status}" for status, n in comparison.counts().items())
    items = [("original", names[0]), ("copy", names[1]), ("relation", comparison.relation),
             *_order(comparison, names, other_way),
             ("score", f"{comparison.score:.3f} (how likely the copy derives from the original, 0 to 1)"),
             ("ordinary words", f"{comparison.word_containment:.0%} of the copy's ordinary words (no "
                                "function words, names or figures) are in the original"),
             ("phrases", f"{comparison.phrase_containment:.0%} of the copy's three-word phrases are in the original"),
             ("verbatim", f"{comparison.derived_share:.0%} of the copy's words are verbatim from the original"),
             ("containment", f"{comparison.containment:.3f}"),
             ("jaccard", f"{comparison.jaccard:.3f} ({comparison.shingle_size}-word shingles)"),
             ("paragraphs", counts), ("edits", _edit_counts(comparison)),
             ("shared passages", str(len(comparison.shared_passages)))]
    return "<dl class=\"scores\">" + "".join(
        f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in items) + "</dl>"


def _evidence(comparison: Comparison) -> str:
    """Return the table of shared rare words, figures and names, each with its explanation."""
    rows = comparison.evidence
    if rows.empty:
        return '<h2>Shared evidence</h2><p class="legend">No rare word, figure or name in common.</p>'
    body = "".join(f"<tr><td>{html.escape(r.kind)}</td><td>{html.escape(str(r.item))}</td>"
                   f"<td>{r.in_original}</td><td>{r.in_copy}</td><td>{html.escape(r.explanation)}</td></tr>"
                   for r in rows.itertuples())
    return ('<h2>Shared evidence</h2><table class="evidence"><thead><tr><th>kind</th><th>in both texts</th>'
            "<th>times in original</th><th>times in copy</th><th>what it shows</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _edit_list(comparison: Comparison) -> str:
    """Return the table of word-level edits: paragraphs (from 1), house style or content, kind, before and after."""
    if comparison.edits.empty:
        return ""
    body = "".join(
        f'<tr><td>{row.original_para + 1}</td><td>{row.copy_para + 1}</td><td>{html.escape(row.category)}</td>'
        f"<td>{html.escape(row.kind)}</td><td>{html.escape(row.before or '(nothing)')}</td>"
        f"<td>{html.escape(row.after or '(nothing)')}</td></tr>"
        for row in comparison.edits.itertuples())
    return ('<details><summary>Edits, one row each: house style changes how words are written, content '
            'what the text says</summary><table class="evidence"><thead><tr><th>original paragraph</th>'
            "<th>copy paragraph</th><th>category</th><th>kind</th><th>original</th><th>copy</th></tr>"
            f"</thead><tbody>{body}</tbody></table></details>")


def report_html(comparison: Comparison, names: tuple[str, str] = ("original", "copy"),
                other_way: Comparison | None = None) -> str:
    """Return the side-by-side report as one self-contained HTML page.

    `other_way`, compare(copy, original), is summarised when the copy holds the original (order hint).
    """
    title = f"newstrace compare: {names[0]} and {names[1]}"
    legend = ('<p class="legend"><span><del class="content">content change</del></span>'
              '<span><del class="house">house style</del></span>'
              '<span><mark>verbatim shared passage</mark></span> '
              'Paragraph numbers: the paragraphs of the cleaned story, counted from 1.</p>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{_scores(comparison, names, other_way)}{_evidence(comparison)}"
            f"{_edit_list(comparison)}{legend}"
            f'<table class="pairs">{_COLUMNS}<thead><tr><th>status</th><th>original</th>'
            f"<th>copy</th></tr></thead><tbody>{''.join(_fold_missing(_rows(comparison)))}"
            "</tbody></table></body></html>\n")


def write_report(comparison: Comparison, path: str | Path, names: tuple[str, str] = ("original", "copy"),
                 other_way: Comparison | None = None) -> Path:
    """Write the HTML report to path and return the path."""
    path = Path(path)
    path.write_text(report_html(comparison, names, other_way), encoding="utf-8")
    return path


# ------------------------------------------------------------------- attribution diff

ROW_COLOURS = {"drift": PALETTE["vermillion"], "attribution changed": PALETTE["orange"],
               "speaker changed": PALETTE["reddish purple"], "attribution drift": PALETTE["reddish purple"]}
"""Left-border colour of a flagged row, by status."""
EXTRA_CSS = ("td.flag { border-left: 6px solid; font-family: sans-serif; font-size: .85em; }\n"
             "td.verbs { font-family: sans-serif; font-size: .85em; }\n")
DIFF_HEADER = ("<thead><tr><th>copy paragraph, status and kind</th><th>copy</th><th>closest original</th>"
               "<th>attribution (original &rarr; copy)</th></tr></thead>")


def _cell_text(value: object) -> str:
    """Return a cell value as escaped text, '' for a missing value."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


def _shown_paragraph(index: object) -> str:
    """Return a 0-based paragraph index as the number a person reads (from 1), a dash for none."""
    return _label([] if index is None or pd.isna(index) else [int(index)])


def _credit(speaker: object, verb: object) -> str:
    """Return an attribution as a reader writes it: 'X said', 'according to X'."""
    if isinstance(verb, str) and verb.lower().startswith("according to"):
        return f"{_cell_text(verb)} {_cell_text(speaker)}".strip()
    return f"{_cell_text(speaker)} {_cell_text(verb)}".strip() or "none"


def _diff_row(row) -> str:
    """Return the HTML table row of one diff row."""
    colour = ROW_COLOURS.get(row.status, PALETTE["grey"])
    kind = f"<br><strong>{_cell_text(row.kind)}</strong>" if row.kind else ""
    original = (f"{_cell_text(row.closest_original)} <em>(paragraph {_shown_paragraph(row.original_paragraph)})</em>"
                if isinstance(row.closest_original, str) else '<em>no close original</em>')
    verbs = ""
    if isinstance(row.copy_verb, str) or isinstance(row.original_verb, str):
        verbs = f"{_credit(row.original_speaker, row.original_verb)} &rarr; {_credit(row.copy_speaker, row.copy_verb)}"
    return (f'<tr><td class="flag meta" style="border-left-color:{colour}">paragraph '
            f"{_shown_paragraph(row.copy_paragraph)}<br>{_cell_text(row.status)}{kind}</td><td>{_cell_text(row.copy_text)}</td>"
            f'<td>{original}</td><td class="verbs">{verbs}</td></tr>')


def _diff_table(rows: pd.DataFrame) -> str:
    """Return the rows as one HTML table."""
    return f'<table class="pairs">{DIFF_HEADER}<tbody>{"".join(_diff_row(row) for row in rows.itertuples())}</tbody></table>'


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
             _diff_table(flagged) if not flagged.empty else "<p>No change the rules can name.</p>"]
    if not quotes.empty:
        parts += [f"<h2>Other quotes ({len(quotes)})</h2>", _diff_table(quotes)]
    if not rest.empty:
        parts.append(f"<details><summary>{len(rest)} other sentences: same, paraphrased, reworded or with "
                     f"no close original</summary>{_diff_table(rest)}</details>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}{EXTRA_CSS}</style></head><body>"
            f"{''.join(parts)}</body></html>\n")


def write_diff_report(diff: pd.DataFrame, path: str | Path, names: tuple[str, str] = ("original", "copy")) -> Path:
    """Write the HTML page of an attribution diff to path and return the path."""
    path = Path(path)
    path.write_text(diff_report_html(diff, names), encoding="utf-8")
    return path
