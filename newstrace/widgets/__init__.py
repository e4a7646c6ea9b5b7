"""Exercise widgets (ipywidgets 8) with instant feedback that explains why.

    from newstrace import widgets as ntw
    ntw.SortTheSources("full-text")   # key: data/annotations/sources.csv
    ntw.FindTheQuotes("re-report")    # key: data/annotations/quotes.csv
    ntw.SpotTheClutter("re-report")   # key: data/annotations/clutter.csv
    ntw.DiffViewer()                  # two texts, one aligned paragraph pair, edits marked
    ntw.ThresholdLab()                # shingle size and threshold against known copy pairs

Each widget is itself a VBox: put it last in a cell. Answer keys are read from the gold files
in data/annotations/ (nt.data_dir()), never typed into this code. Each also gives a text/html
static fallback (items and instructions, no answers), which exported HTML and slides show when
the notebook holds no saved widget state (execute with nbclient's store_widget_state=False or
drop nb.metadata["widgets"] before nbconvert); JupyterLab shows the live widget.

How to drive them (CSS classes are stable; a browser test can use them):

| widget | root class | answer controls | check | feedback |
|---|---|---|---|---|
| SortTheSources | .nt-sort-the-sources | one `select` per `.nt-item` (`.nt-answer`) | `.nt-check` button | `.nt-item-feedback` per item, `.nt-feedback` score |
| FindTheQuotes | .nt-find-the-quotes | `.nt-answer` select (quotes someone / no quote) and `.nt-speaker` select per `.nt-item` | `.nt-check` | as above |
| SpotTheClutter | .nt-spot-the-clutter | `.nt-answer` select (part of the story / not the story) per `.nt-item` | `.nt-check` | as above |
| DiffViewer | .nt-diff-viewer | `.nt-diff-left-choice`, `.nt-diff-right-choice`, `.nt-diff-pair` selects | (live) | `.nt-diff` with `<ins>`/`<del>`, `.nt-diff-summary`, `.nt-feedback` |
| ThresholdLab | .nt-threshold-lab | `.nt-shingle-size`, `.nt-threshold` sliders, `.nt-measure` toggle | (live) | `.nt-feedback` (`.nt-score`: "Precision …, recall …"), `.nt-plot` img with alt |

Checked in JupyterLab 4.6 with Playwright and Debian Chromium: mark a line with
`page.locator(".nt-spot-the-clutter .nt-item .nt-answer select").first.select_option(label="not the story")`, choose with
`page.locator(".nt-sort-the-sources .nt-item select").first.select_option(label="named person")`,
click `.nt-check`, then wait for `.nt-feedback .nt-score`; move a slider by focusing
`.nt-threshold .noUi-handle` and pressing ArrowRight (each press is one step, 0.05), then read
`.nt-threshold-lab .nt-feedback .nt-score` ("Precision 1.00, recall 0.75. ...").

Every verdict is a `.nt-verdict` block with class `.nt-right`, `.nt-wrong` or `.nt-unanswered`
and starts with words ("✓ Right.", "✗ Not quite.") so colour is never the only cue. In Python:
set `.choices[i].value` (and `.speaker_choices[i].value` in FindTheQuotes), call `.button.click()`
(or `.check()`), and read `.item_feedback[i].value` and `.feedback.value`.

Every answer dropdown starts at a visible "— choose —" (value None). An item left there is
*unanswered*, never right, and the score reads "3 right, 1 wrong, 24 unanswered (of 28 lines)".
The static fallback shows the instructions and what to choose apart from the numbered items.
"""

from newstrace.widgets.clutter import SpotTheClutter
from newstrace.widgets.diff import DiffViewer
from newstrace.widgets.quotes import FindTheQuotes
from newstrace.widgets.sources import SortTheSources
from newstrace.widgets.threshold import ThresholdLab

__all__ = ["DiffViewer", "FindTheQuotes", "SortTheSources", "SpotTheClutter", "ThresholdLab"]
