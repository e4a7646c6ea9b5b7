"""Threshold lab: sliders for shingle size and threshold, live precision and recall, and a plot.

Known pairs: a pair is a known copy when one text was built from the other, or when both are
versions of one story whose order we do not know (the three case texts). The variants that
newstrace.syndication.synthetic builds from the full text (copy, trimmed, edited, reordered, rewrite) are
copies of it; its independent report and unrelated article are copies of nothing. A small seeded
synthetic corpus adds pairs from its own truth table. Two variants of one text ("siblings") are
left out: whether they share enough text to count as copies depends on how each was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import ipywidgets as widgets
import pandas as pd

from newstrace.data import articles
from newstrace.plots.thresholds import threshold_strip
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE, containment, jaccard, shingles
from newstrace.syndication.synthetic import synthetic_corpus, variants
from newstrace.text.tokenizer import words
from newstrace.widgets._base import STYLE, StaticFallback, escape

MEASURES = ("containment", "jaccard")
CASE_FAMILY = "case story"
NOT_DERIVED = ("independent report", "unrelated")


@dataclass(frozen=True)
class LabText:
    """One text of the lab corpus: name, text, family, kind and the text it was built from (if any)."""

    name: str
    text: str
    family: str
    kind: str
    source: str | None = None


def case_texts() -> list[LabText]:
    """Return the case texts, all of one family: they are versions of one story."""
    table = articles()
    return [LabText(row.id, row.text, CASE_FAMILY, row.label) for row in table.itertuples()]


def variant_texts(base: LabText, seed: int = 0) -> list[LabText]:
    """Return built variants of a text: derived ones join its family, the others stand alone."""
    built = variants(base.text, seed)
    return [
        LabText(f"variant: {kind}", text, f"variant {kind}", kind) if kind in NOT_DERIVED
        else LabText(f"variant: {kind}", text, base.family, kind, base.name)
        for kind, text in built.items() if kind != "identical"
    ]


def synthetic_texts(n_articles: int, seed: int = 0) -> list[LabText]:
    """Return a seeded synthetic corpus (none if n_articles < 1) with sources from its truth table."""
    if n_articles < 1:
        return []
    texts, truth = synthetic_corpus(n_articles, seed)
    kind = {name: "synthetic article" for name in texts}
    source: dict[str, str] = {}
    for row in truth.itertuples():
        kind[row.b] = str(row.kind)
        if row.derived:
            source[row.b] = row.a
    return [
        LabText(f"synthetic {name} ({kind[name]})", text, f"synthetic {source.get(name, name)}",
                kind[name], f"synthetic {source[name]} ({kind[source[name]]})" if name in source else None)
        for name, text in texts.items()
    ]


def lab_corpus(seed: int = 0, n_synthetic: int = 16) -> list[LabText]:
    """Return the lab corpus: the case, variants of the full text and a small synthetic corpus."""
    case = case_texts()
    return [*case, *variant_texts(case[0], seed), *synthetic_texts(n_synthetic, seed + 1)]


def known_copy(a: LabText, b: LabText) -> bool | None:
    """Return True if one text was built from the other or both are unordered versions, None for siblings."""
    if a.family != b.family:
        return False
    if a.name == b.source or b.name == a.source or (a.source is None and b.source is None):
        return True
    return None


def pair_scores(corpus: list[LabText], k: int, measure: str) -> pd.DataFrame:
    """Return one row per text pair (siblings left out): names, kinds, known copy or not, score."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: choose one of {', '.join(MEASURES)}")
    sets = [shingles(words(item.text), k) for item in corpus]
    rows = []
    for (i, a), (j, b) in combinations(enumerate(corpus), 2):
        truth = known_copy(a, b)
        if truth is None:
            continue
        if measure == "jaccard":
            score = jaccard(sets[i], sets[j])
        else:
            score = max(containment(sets[i], sets[j]), containment(sets[j], sets[i]))
        rows.append((a.name, b.name, a.kind, b.kind, truth, score))
    return pd.DataFrame(rows, columns=["a", "b", "kind_a", "kind_b", "known_copy", "score"])


def precision_recall(scores: pd.DataFrame, threshold: float) -> tuple[float | None, float | None]:
    """Return (precision, recall) of flagging pairs with score >= threshold; None where undefined."""
    flagged = scores["score"] >= threshold
    true_positives = int((flagged & scores["known_copy"]).sum())
    precision = true_positives / int(flagged.sum()) if flagged.any() else None
    recall = true_positives / int(scores["known_copy"].sum()) if scores["known_copy"].any() else None
    return precision, recall


def _pair_list(rows: pd.DataFrame, limit: int = 6) -> str:
    """Return an HTML list of pairs with their kinds and scores, the highest-risk first."""
    items = "".join(
        f"<li>{escape(row.a)} ↔ {escape(row.b)}: {row.score:.2f}</li>"
        for row in rows.head(limit).itertuples()
    )
    more = f"<li>… and {len(rows) - limit} more</li>" if len(rows) > limit else ""
    return f"<ul>{items}{more}</ul>"


def explain(scores: pd.DataFrame, threshold: float, measure: str) -> str:
    """Return HTML feedback: precision and recall in words, and which pairs were missed or wrongly flagged."""
    precision, recall = precision_recall(scores, threshold)
    flagged = scores["score"] >= threshold
    copies = scores["known_copy"]
    shown = lambda value: "undefined (nothing flagged)" if value is None else f"{value:.2f}"  # noqa: E731
    parts = [
        f'<p class="nt-score"><strong>Precision {shown(precision)}, recall {shown(recall)}.</strong> '
        f"{int(flagged.sum())} pairs flagged, {int((flagged & copies).sum())} of them known copies; "
        f"{int(copies.sum())} known copy pairs in all.</p>"
    ]
    missed = scores[copies & ~flagged].sort_values("score", ascending=False)
    false_alarms = scores[~copies & flagged].sort_values("score", ascending=False)
    if len(missed):
        parts.append(f"<p>Missed copies (score below {threshold:.2f}): a lower threshold or "
                     f"{'containment' if measure == 'jaccard' else 'a smaller shingle size'} "
                     f"would catch them, because trimmed copies and rewrites share only part of "
                     f"the text.{_pair_list(missed)}</p>")
    if len(false_alarms):
        parts.append("<p>False alarms (not copies, but at or above the threshold): texts on the "
                     "same events share names and short phrases, and short shingles match by "
                     f"chance; raise the threshold or the shingle size.{_pair_list(false_alarms)}</p>")
    if not len(missed) and not len(false_alarms):
        parts.append("<p>Every known copy is flagged and nothing else is: this setting separates "
                     "the two groups.</p>")
    return "".join(parts)


class ThresholdLab(StaticFallback, widgets.VBox):
    """Sliders for shingle size and threshold with live precision, recall, explanation and plot."""

    def __init__(self, corpus: list[LabText] | None = None, k: int = DEFAULT_SHINGLE_SIZE,
                 threshold: float = 0.5, measure: str = "containment", seed: int = 0) -> None:
        """Build the lab over a corpus of LabTexts (default: lab_corpus(seed))."""
        self.corpus = corpus if corpus is not None else lab_corpus(seed)
        self.k = widgets.IntSlider(value=k, min=1, max=12, description="shingle size",
                                   continuous_update=False, style={"description_width": "initial"})
        self.threshold = widgets.FloatSlider(value=threshold, min=0.0, max=1.0, step=0.05,
                                             description="threshold", continuous_update=False,
                                             readout_format=".2f")
        self.measure = widgets.ToggleButtons(options=MEASURES, value=measure, description="measure")
        self.feedback = widgets.HTML("")
        self.plot = widgets.HTML("")
        for widget, css in ((self.k, "nt-shingle-size"), (self.threshold, "nt-threshold"),
                            (self.measure, "nt-measure"), (self.feedback, "nt-feedback"),
                            (self.plot, "nt-plot")):
            widget.add_class(css)
        intro = widgets.HTML(f"{STYLE}<h4>Threshold lab</h4><p>{len(self.corpus)} texts; each "
                             "pair is flagged as a copy when its score reaches the threshold. A "
                             "known copy is a text built from the other, or another version of the "
                             "same story. Move the sliders: which settings flag every known copy "
                             "and nothing else?</p>")
        intro.add_class("nt-instructions")
        super().__init__([intro, self.measure, self.k, self.threshold, self.feedback, self.plot])
        self.add_class("nt-exercise")
        self.add_class("nt-threshold-lab")
        self._scores = lru_cache(maxsize=32)(lambda size, name: pair_scores(self.corpus, size, name))
        for control in (self.k, self.threshold, self.measure):
            control.observe(self.update, names="value")
        self.update()

    def scores(self) -> pd.DataFrame:
        """Return the pair scores for the current shingle size and measure."""
        return self._scores(self.k.value, self.measure.value)

    def update(self, _change: object = None) -> None:
        """Recompute precision and recall, the explanation and the plot for the current settings."""
        scores = self.scores()
        self.feedback.value = explain(scores, self.threshold.value, self.measure.value)
        chart = threshold_strip(scores, self.threshold.value, self.measure.value, self.k.value)
        self.plot.value = chart._repr_html_()
        self.chart = chart

    def static_html(self) -> str:
        """Return the current feedback and plot as static HTML, for exports where no kernel runs."""
        return (f'<div class="nt-static nt-threshold-lab"><p>Threshold lab at shingle size '
                f"{self.k.value}, threshold {self.threshold.value:.2f}, {self.measure.value} "
                f"(open the notebook in JupyterLab to move the sliders).</p>"
                f"{self.feedback.value}{self.plot.value}</div>")
