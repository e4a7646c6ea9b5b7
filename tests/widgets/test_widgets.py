"""Widget exercises: set answers, click Check, and assert on the explained feedback."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbconvert import HTMLExporter

import newstrace as nt
from newstrace.widgets import (
    DiffViewer,
    FindTheQuotes,
    SortTheSources,
    SpotTheClutter,
    ThresholdLab,
)
from newstrace.errors import AnnotationError
from newstrace.widgets._base import RIGHT, UNANSWERED, WRONG, summary_html
from newstrace.widgets.clutter import clutter_key
from newstrace.widgets.diff import aligned_pairs, word_diff
from newstrace.widgets.quotes import canonical_speakers, split_sentences
from newstrace.widgets.threshold import LabText, known_copy, pair_scores, precision_recall

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CLUTTER_LABELS = {"story", "navigation", "share", "headline", "duplicate", "related", "sidebar",
                  "caption"}

SOURCES_KEY = pd.DataFrame(
    [
        ("full-text", "Abu Hajer al Maghribi", "adopted name", "1", "identified only by adopted names",
         "a defector who filmed for the group"),
        ("full-text", "a senior Moroccan security official", "anonymous source", "92",
         "spoke on the condition that neither he nor his agency be identified", ""),
        ("full-text", "James B. Comey", "named person", "14", "", "FBI Director"),
        ("re-report", "Washington Post", "news outlet", "3", "", "credited for the accounts"),
    ],
    columns=["article", "source", "type", "first_paragraph", "condition", "note"],
)

QUOTES_KEY = pd.DataFrame(
    [
        ("re-report", "The paper just gives you the location,", "direct", "Abu Hajer", "told"),
        ("re-report", "I held my Canon camera,", "direct", "Abu Hajer", "recalled"),
        ("re-report", "It is a whole army of media personnel,", "direct", "Abu Abdullah", "told"),
        ("re-report", "emirs,", "scare", "", ""),
    ],
    columns=["text_id", "quote", "kind", "speaker", "verb"],
)


@pytest.fixture()
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of the data folder, with test keys for sources and quotes, used as NEWSTRACE_DATA."""
    source = nt.data_dir()
    target = tmp_path / "data"
    shutil.copytree(source / "articles", target / "articles")
    shutil.copy(source / "catalogue.csv", target / "catalogue.csv")
    (target / "annotations").mkdir()
    shutil.copy(source / "annotations" / "clutter.csv", target / "annotations" / "clutter.csv")
    SOURCES_KEY.to_csv(target / "annotations" / "sources.csv", index=False)
    QUOTES_KEY.to_csv(target / "annotations" / "quotes.csv", index=False)
    monkeypatch.setenv("NEWSTRACE_DATA", str(target))
    return target


def verdicts(widget) -> list[str]:
    """Return the feedback HTML of each item of an exercise."""
    return [feedback.value for feedback in widget.item_feedback]


# ---------------------------------------------------------------- shared base


def test_summary_counts_right_wrong_and_unanswered():
    """Check that the score line counts each status and asks for the unanswered ones."""
    html = summary_html([RIGHT, WRONG, UNANSWERED, RIGHT], "item")
    assert "2 right, 1 wrong, 1 unanswered (of 4 items)" in html and "Answer the rest" in html
    assert "1 right, 0 wrong, 0 unanswered (of 1 item). Well done" in summary_html([RIGHT], "item")
    assert "Well done" not in summary_html([RIGHT, WRONG], "item")


@pytest.mark.parametrize("make", [lambda: SpotTheClutter("short-copy"),
                                  lambda: SortTheSources("full-text"),
                                  lambda: FindTheQuotes("re-report")])
def test_untouched_items_are_unanswered_never_right(data_copy: Path, make):
    """Check that pressing Check straight away scores every item unanswered, with the prompt shown."""
    widget = make()
    assert all(choice.value is None and choice.label == "— choose —" for choice in widget.choices)
    widget.button.click()
    statuses = [status for status in (RIGHT, WRONG, UNANSWERED)
                if any(f"nt-{status}" in html for html in verdicts(widget))]
    assert statuses == [UNANSWERED]
    count = len(widget.choices)
    assert f"0 right, 0 wrong, {count} unanswered" in widget.feedback.value


def test_a_choice_reset_to_none_shows_the_prompt_again(data_copy: Path):
    """Check that setting an answer back to None shows "— choose —" again, not a blank."""
    widget = SortTheSources("full-text")
    widget.choices[0].value = "named person"
    widget.choices[0].value = None
    assert widget.choices[0].label == "— choose —" and widget.choices[0].index == 0
    assert widget.check()[0] == UNANSWERED


def test_missing_key_file_names_the_file(data_copy: Path):
    """Check that a missing answer key gives an error naming the file and the fix."""
    (data_copy / "annotations" / "clutter.csv").unlink()
    with pytest.raises(AnnotationError, match=r"clutter\.csv not found.*NEWSTRACE_DATA"):
        SpotTheClutter("re-report")


def test_key_without_needed_column_lists_its_columns(data_copy: Path):
    """Check that a key lacking the type column says which columns it has."""
    SOURCES_KEY.drop(columns=["type"]).to_csv(data_copy / "annotations" / "sources.csv", index=False)
    with pytest.raises(AnnotationError, match="no column 'type'.*its columns are article, source"):
        SortTheSources("full-text")


def test_unknown_text_lists_the_texts_in_the_key(data_copy: Path):
    """Check that asking for a text the key lacks names the texts it has."""
    with pytest.raises(KeyError, match="re-report, short-copy"):
        SpotTheClutter("full-text")


@pytest.mark.parametrize("make", [lambda: SpotTheClutter("short-copy"),
                                  lambda: SortTheSources("full-text"),
                                  lambda: FindTheQuotes("re-report")])
def test_bundle_has_live_view_and_answer_free_static_html(data_copy: Path, make):
    """Check that each exercise offers the widget view and a static fallback without answers."""
    widget = make()
    bundle = widget._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    static = bundle["text/html"]
    assert widget.exercise_title in static and "open the notebook in JupyterLab" in static
    assert "nt-verdict" not in static and "Right." not in static
    items = static.split('<ol class="nt-static-items">')[1].split("</ol>")[0]
    assert items.count("<li") == len(widget.choices), "every listed item is an item to answer"
    assert "choose:" not in items and "nt-static-choices" in static
    widget.check()
    assert "Right." not in widget._repr_mimebundle_()["text/html"]


def test_clutter_static_html_hides_the_explanations(data_copy: Path):
    """Check that the clutter fallback lists the lines but none of the key's explanations."""
    widget = SpotTheClutter("re-report")
    static = widget.static_html()
    assert "related articles" in static
    for line_key in widget.key:
        assert line_key.explanation.replace("'", "&#x27;") not in static


def _export(bundle: dict, with_widget_state: bool) -> str:
    """Return nbconvert's HTML for a notebook whose one output is bundle."""
    output = nbformat.v4.new_output("display_data", data=bundle)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[output])])
    if with_widget_state:
        model_id = bundle[WIDGET_VIEW]["model_id"]
        notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
            "version_major": 2, "version_minor": 0, "state": {model_id: {}}}}
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    return html


def test_nbconvert_shows_fallback_without_widget_state(data_copy: Path):
    """Check that exported HTML shows the static fallback unless widget state was saved."""
    bundle = SpotTheClutter("short-copy")._repr_mimebundle_()
    without_state = _export(bundle, with_widget_state=False)
    assert 'class="nt-static nt-spot-the-clutter"' in without_state
    with_state = _export(bundle, with_widget_state=True)
    assert 'class="nt-static' not in with_state
    assert f'type="{WIDGET_VIEW}"' in with_state


# ---------------------------------------------------------------- spot the clutter (real gold)


@pytest.mark.parametrize("text_id", ["short-copy", "re-report"])
def test_clutter_gold_covers_every_nonblank_line(text_id: str):
    """Check that clutter.csv labels every non-blank line, points at it, and uses the vocabulary."""
    gold = pd.read_csv(nt.data_dir() / "annotations" / "clutter.csv", dtype=str,
                       keep_default_na=False)
    rows = gold[gold["text_id"] == text_id]
    lines = nt.article(text_id).split("\n")
    assert sorted(rows["line"].astype(int)) == [i for i, line in enumerate(lines) if line.strip()]
    for row in rows.itertuples():
        assert lines[int(row.line)].startswith(row.starts)
        assert row.label in CLUTTER_LABELS and len(row.explanation.split()) >= 5
        assert row.debatable in {"yes", "no"}


def test_clutter_gold_finds_the_page_furniture_the_case_describes():
    """Check the gold against what a careful reader finds (CASE.md): duplicate lead, caption, blocks."""
    short = {k.label for k in clutter_key("short-copy") if k.is_clutter}
    report = [k.label for k in clutter_key("re-report") if k.is_clutter]
    assert {"duplicate", "navigation", "share"} <= short
    assert report.count("caption") == 1 and report.count("related") >= 6
    assert report.count("sidebar") >= 10


def test_clutter_all_correct_gets_confirmation():
    """Check that ticking exactly the clutter lines gets every line right, with reasons."""
    widget = SpotTheClutter("short-copy")
    for line_key, choice in zip(widget.key, widget.choices):
        choice.value = line_key.is_clutter
    widget.button.click()
    assert f"{len(widget.key)} right, 0 wrong, 0 unanswered" in widget.feedback.value
    assert all("nt-right" in html for html in verdicts(widget))
    first = verdicts(widget)[0]
    assert "Not the story: <em>navigation</em>" in first and "skip to content" in first


def test_clutter_missed_and_wrongly_ticked_lines_are_explained():
    """Check that a missed clutter line and a story line marked clutter each get the reason why."""
    widget = SpotTheClutter("short-copy")
    for choice in widget.choices:
        choice.value = False
    story = next(i for i, k in enumerate(widget.key) if not k.is_clutter)
    widget.choices[story].value = True
    statuses = widget.check()
    duplicate = next(i for i, k in enumerate(widget.key) if k.label == "duplicate")
    assert statuses[duplicate] == WRONG
    assert "not the story: <em>duplicate</em>" in verdicts(widget)[duplicate]
    assert "lead paragraph again" in verdicts(widget)[duplicate]
    assert statuses[story] == WRONG and "part of the story" in verdicts(widget)[story]
    assert f"Story lines you marked as clutter: lines {story + 1}." in widget.feedback.value
    assert f"lines 1, 2, {duplicate + 1}" in widget.feedback.value


def test_clutter_debatable_line_accepts_either_answer():
    """Check that the page headline, marked debatable, is right ticked or not, with the reason."""
    widget = SpotTheClutter("re-report")
    headline = next(i for i, k in enumerate(widget.key) if k.debatable)
    assert widget.check()[headline] == UNANSWERED, "even a debatable line needs an answer"
    widget.choices[headline].value = False
    assert widget.check()[headline] == RIGHT
    widget.choices[headline].value = True
    assert widget.check()[headline] == RIGHT
    assert "Either answer is defensible" in verdicts(widget)[headline]


def test_clutter_feedback_follows_a_modified_key(data_copy: Path):
    """Check that the key is read from the annotation file: editing it changes the feedback."""
    path = data_copy / "annotations" / "clutter.csv"
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    first = gold.index[(gold["text_id"] == "short-copy") & (gold["line"] == "4")][0]
    gold.loc[first, ["label", "explanation"]] = ["promo", "A test reason written into the key."]
    gold.to_csv(path, index=False)
    widget = SpotTheClutter("short-copy")
    widget.choices[2].value = True
    widget.check()
    assert "<em>promo</em>. A test reason written into the key." in verdicts(widget)[2]


def test_clutter_key_that_no_longer_matches_the_text_is_refused(data_copy: Path):
    """Check that a key row pointing at a different line is an error naming the row."""
    path = data_copy / "annotations" / "clutter.csv"
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    gold.loc[0, "starts"] = "Something else"
    gold.to_csv(path, index=False)
    with pytest.raises(AnnotationError, match="short-copy line 0 expects a line starting"):
        SpotTheClutter("short-copy")


# ---------------------------------------------------------------- sort the sources


def test_sources_right_wrong_and_unanswered_feedback(data_copy: Path):
    """Check per-source feedback: confirmation, the explained right type, and a prompt."""
    widget = SortTheSources("full-text")
    assert [key.name for key in widget.key][:2] == ["Abu Hajer al Maghribi",
                                                    "a senior Moroccan security official"]
    widget.choices[0].value = "adopted name"
    widget.choices[1].value = "named person"
    widget.button.click()
    right, wrong, unanswered = verdicts(widget)
    assert "✓ Right." in right and "a defector who filmed for the group" in right
    assert "You chose <em>named person</em>" in wrong and "<em>anonymous source</em>" in wrong
    assert "neither he nor his agency be identified" in wrong
    assert "described but not named" in wrong
    assert "Not answered yet" in unanswered and "James B. Comey" in unanswered
    assert "1 right, 1 wrong, 1 unanswered (of 3 sources)" in widget.feedback.value


def test_sources_choices_are_the_vocabulary_plus_key_types(data_copy: Path):
    """Check that the dropdowns offer nt.SOURCE_TYPES and any other type the key file uses."""
    changed = SOURCES_KEY.copy()
    changed.loc[0, "type"] = "a test type"
    changed.to_csv(data_copy / "annotations" / "sources.csv", index=False)
    widget = SortTheSources("re-report")
    options = [value for _, value in widget.choices[0].options]
    assert options == [None, *nt.SOURCE_TYPES, "a test type"]


def test_sources_limit_mixes_types(data_copy: Path):
    """Check that a limited set takes one source of each type before a second of any."""
    widget = SortTheSources("full-text", limit=2)
    assert {key.type for key in widget.key} == {"adopted name", "anonymous source"}


def test_sources_feedback_follows_a_modified_key(data_copy: Path):
    """Check that changing a type in sources.csv changes which answer is right."""
    changed = SOURCES_KEY.copy()
    changed.loc[2, "type"] = "expert or analyst"
    changed.to_csv(data_copy / "annotations" / "sources.csv", index=False)
    widget = SortTheSources("full-text")
    widget.choices[2].value = "named person"
    assert widget.check()[2] == WRONG
    assert "James B. Comey is a source of type <em>expert or analyst</em>" in verdicts(widget)[2]
    widget.choices[2].value = "expert or analyst"
    assert widget.check()[2] == RIGHT


def test_sources_real_key_when_present():
    """Check the widget on the project's sources.csv: every source gets a verdict with evidence."""
    if not (nt.data_dir() / "annotations" / "sources.csv").is_file():
        pytest.skip("sources.csv not written yet")
    widget = SortTheSources("full-text", limit=None)
    for dropdown, key in zip(widget.choices, widget.key):
        dropdown.value = key.type
    assert set(widget.check()) == {RIGHT}
    assert len(widget.key) >= 5 and all("is a source of type" in html for html in verdicts(widget))


# ---------------------------------------------------------------- find the quotes


def test_sentences_split_at_ends_not_initials_or_inside_quotes():
    """Check that sentences split at end punctuation but not after initials or inside a quote."""
    paragraph = ('FBI Director James B. Comey spoke in the U.S. capital. "It is hard. We try," '
                 'he said. She agreed.')
    sentences = [text for _, _, text in split_sentences(paragraph, offset=10)]
    assert sentences == ["FBI Director James B. Comey spoke in the U.S. capital.",
                         '"It is hard. We try," he said.', "She agreed."]
    start, end, text = split_sentences(paragraph, offset=10)[1]
    assert ("x" * 10 + paragraph)[start:end] == text


def test_quotes_feedback_explains_quote_speaker_and_non_quotes(data_copy: Path):
    """Check the verdicts: a missed quote, a wrong speaker, a right answer, scare quotes, narration."""
    widget = FindTheQuotes("re-report", count=10)
    texts = [sentence.text for sentence in widget.sentences]
    paper = next(i for i, t in enumerate(texts) if t.startswith('"The paper'))
    canon = next(i for i, t in enumerate(texts) if t.startswith('"I held'))
    army = next(i for i, t in enumerate(texts) if t.startswith('"It is a whole'))
    emirs = next(i for i, t in enumerate(texts) if "emirs" in t)
    for choice in widget.choices:
        choice.value = False
    widget.choices[canon].value, widget.speaker_choices[canon].value = True, "Abu Abdullah"
    widget.choices[army].value, widget.speaker_choices[army].value = True, "Abu Abdullah"
    widget.choices[emirs].value = True
    statuses = widget.check()
    feedback = verdicts(widget)
    assert statuses[paper] == WRONG and "carries a quote" in feedback[paper]
    assert "<strong>Abu Hajer</strong> with the verb “told”" in feedback[paper]
    assert statuses[canon] == WRONG and "You chose Abu Abdullah" in feedback[canon]
    assert statuses[army] == RIGHT
    assert statuses[emirs] == WRONG and "flag a term or a name" in feedback[emirs]
    assert statuses[0] == RIGHT and "no quotation marks" in feedback[0]
    assert widget.speakers == ["Abu Abdullah", "Abu Hajer"]


def test_quote_without_a_speaker_is_unanswered_not_wrong(data_copy: Path):
    """Check that a rightly marked quote with no speaker chosen asks for the speaker and counts unanswered."""
    widget = FindTheQuotes("re-report", count=10)
    paper = next(i for i, s in enumerate(widget.sentences) if s.text.startswith('"The paper'))
    widget.choices[paper].value = True
    assert widget.speaker_choices[paper].label == "— who speaks? —"
    assert widget.check()[paper] == UNANSWERED
    assert "Now choose who speaks" in verdicts(widget)[paper]
    widget.speaker_choices[paper].value = "Abu Hajer"
    assert widget.check()[paper] == RIGHT


def test_sources_static_html_shows_the_types_apart_from_the_sources(data_copy: Path):
    """Check that the types to choose from are an instruction, not a numbered item."""
    static = SortTheSources("full-text").static_html()
    instructions, items = static.split('<ol class="nt-static-items">')
    assert "named person" in instructions and "nt-static-choices" in instructions
    assert items.count("<li") == 3 and "named person" not in items.split("</ol>")[0]


def test_quotes_feedback_follows_a_modified_key(data_copy: Path):
    """Check that the speaker in quotes.csv decides the right answer."""
    changed = QUOTES_KEY.copy()
    changed.loc[0, "speaker"] = "A test speaker"
    changed.to_csv(data_copy / "annotations" / "quotes.csv", index=False)
    widget = FindTheQuotes("re-report", count=10)
    paper = next(i for i, s in enumerate(widget.sentences) if s.text.startswith('"The paper'))
    widget.choices[paper].value, widget.speaker_choices[paper].value = True, "A test speaker"
    assert widget.check()[paper] == RIGHT
    assert "A test speaker" in verdicts(widget)[paper]


def test_speaker_names_merge_only_when_one_is_a_run_of_the_other():
    """Check that 'Abu Hajer' and 'Comey' join their fuller forms and other names stay apart."""
    names = {"Abu Hajer", "Abu Hajer al Maghribi", "Comey", "James B. Comey", "Ali", "Hajer Ali"}
    assert canonical_speakers(names) == {
        "Abu Hajer": "Abu Hajer al Maghribi", "Abu Hajer al Maghribi": "Abu Hajer al Maghribi",
        "Comey": "James B. Comey", "James B. Comey": "James B. Comey", "Ali": "Hajer Ali",
        "Hajer Ali": "Hajer Ali"}


@pytest.mark.parametrize("text_id", ["full-text", "short-copy", "re-report"])
def test_quotes_real_key_when_present(text_id: str):
    """Check the widget on the project's quotes.csv: answering by the key gets every sentence right."""
    if not (nt.data_dir() / "annotations" / "quotes.csv").is_file():
        pytest.skip("quotes.csv not written yet")
    widget = FindTheQuotes(text_id, count=12)
    for sentence, choice, speaker in zip(widget.sentences, widget.choices, widget.speaker_choices):
        choice.value = bool(sentence.speech)
        speaker.value = sentence.speakers[0] if sentence.speakers else None
    assert set(widget.check()) == {RIGHT}
    assert sum(bool(sentence.speech) for sentence in widget.sentences) >= 3
    assert any("no quotation marks" in html for html in verdicts(widget))


def test_quote_missing_from_the_text_is_refused(data_copy: Path):
    """Check that a key quote the text does not contain is an error naming the quote."""
    changed = QUOTES_KEY.copy()
    changed.loc[1, "quote"] = "Words nobody wrote"
    changed.to_csv(data_copy / "annotations" / "quotes.csv", index=False)
    with pytest.raises(AnnotationError, match="'Words nobody wrote' of re-report is not in the text"):
        FindTheQuotes("re-report")


def test_quotes_passage_leaves_out_page_clutter(data_copy: Path):
    """Check that the passage starts with the story, not the headline or the photo caption."""
    widget = FindTheQuotes("re-report", count=3)
    assert widget.sentences[0].text.startswith("Capturing ruthless killings")
    assert not any("Screenshot" in sentence.text for sentence in widget.sentences)


# ---------------------------------------------------------------- diff viewer


def test_word_diff_marks_insertions_and_deletions():
    """Check that changed words are struck through on the left and underlined on the right."""
    left, right, deleted, inserted = word_diff("cameras, computers and tape", "cameras, computers, and video")
    assert "<del" in left and ">computers</del>" in left and ">tape</del>" in left
    assert ">computers,</ins>" in right and ">video</ins>" in right
    assert (deleted, inserted) == (2, 2)


ORIGINAL = "\n".join([
    "The council met on Monday to discuss the new budget for schools, roads and parks in the town.",
    "Residents who attended the meeting asked why the library would close on Sundays next year.",
    "The mayor said the decision was final and that savings were needed to keep taxes low.",
])
EDITED = "\n".join([
    "The council met on Monday to discuss the new budget for schools, roads, and parks in the town.",
    "The mayor said the decision was final and that savings were needed.",
])


def test_aligned_pairs_classify_house_style_and_content_edits():
    """Check that a serial comma is a house-style edit, a cut phrase a content edit, a cut paragraph unaligned."""
    pairs = aligned_pairs(ORIGINAL, EDITED)
    assert [(p.left_indexes, p.right_indexes) for p in pairs] == [((0,), (0,)), ((2,), (1,))]
    assert [edit[0] for edit in pairs[0].edits] == ["house style"]
    assert 90 <= pairs[0].similarity < 100
    assert "content" in [edit[0] for edit in pairs[1].edits]
    viewer = DiffViewer({"original": ORIGINAL, "edited": EDITED})
    assert "<strong>house style</strong> (punctuation)" in viewer.view.value
    assert ">roads,</ins>" in viewer.view.value and ">roads</del>" in viewer.view.value


def test_diff_viewer_shows_case_edits_side_by_side():
    """Check the case: many short-copy paragraphs align, some identical and some with edits."""
    viewer = DiffViewer(left="full-text", right="short-copy")
    assert len(viewer.pair.options) >= 20
    summaries = []
    for number in range(len(viewer.pair.options)):
        viewer.pair.value = number
        summaries.append(viewer.view.value)
    assert any("word for word the same" in html for html in summaries)
    edited = [html for html in summaries if "<ins" in html and "<del" in html]
    assert edited and "struck through" in edited[0] and "underlined" in edited[0]
    assert any("<strong>house style</strong>" in html for html in edited)
    assert any("<strong>content</strong>" in html for html in edited)
    assert "nt-diff-left" in viewer.view.value


def test_diff_viewer_on_built_variants_of_the_story():
    """Check the viewer on texts it has never seen: an edited copy built by newstrace.syndication.synthetic."""
    from newstrace.syndication.synthetic import variants

    built = variants(nt.article("full-text"), seed=3)
    viewer = DiffViewer({"original": nt.article("full-text"), "edited": built["edited copy"]})
    views = []
    for number in range(len(viewer.pair.options)):
        viewer.pair.value = number
        views.append(viewer.view.value)
    assert any("word for word the same" in view for view in views)
    assert any("<ins" in view and "<strong>house style</strong>" in view for view in views)


def test_diff_viewer_says_when_texts_share_nothing():
    """Check that two unrelated texts get an explanation instead of an empty view."""
    viewer = DiffViewer({"a": "Rain is expected tomorrow.\nWind later.",
                         "b": "The council approved the budget on Tuesday."})
    assert viewer.pair.options == () and "do not share paragraphs" in viewer.feedback.value
    viewer.right.value = "a"
    assert "have a version in" in viewer.feedback.value


def test_diff_viewer_needs_two_texts():
    """Check that a single text is refused with a message saying what to pass."""
    with pytest.raises(ValueError, match="at least two texts"):
        DiffViewer({"only": "One text."})


# ---------------------------------------------------------------- threshold lab

BASE = "\n".join([
    "The river town of Eldham rebuilt its old stone bridge this spring after the floods.",
    "Engineers from the county said the new arches would carry twice the weight of lorries.",
    "Shopkeepers on the high street welcomed the reopening, which brought back weekend visitors.",
    "The mayor thanked volunteers who cleared mud from cellars during the long winter months.",
    "A festival on the riverbank will mark the anniversary of the flood next year in May.",
])
OTHER = "\n".join([
    "The city orchestra played three new pieces at the winter concert hall on Friday night.",
    "Critics praised the young conductor, who had rehearsed the players for only two weeks.",
])


def small_corpus() -> list[LabText]:
    """Return a base text, its trimmed copy, two siblings of it and an unrelated text."""
    trimmed = "\n".join(BASE.split("\n")[:1])
    return [
        LabText("base", BASE, "f", "base"),
        LabText("trimmed", trimmed, "f", "trimmed copy", "base"),
        LabText("reordered", "\n".join(reversed(BASE.split("\n"))), "f", "reordered", "base"),
        LabText("other", OTHER, "g", "unrelated"),
    ]


def test_known_copy_rules():
    """Check that derived pairs are copies, other families are not, and siblings are left out."""
    base, trimmed, reordered, other = small_corpus()
    assert known_copy(base, trimmed) and known_copy(reordered, base)
    assert known_copy(base, other) is False and known_copy(trimmed, reordered) is None


def test_containment_finds_trimmed_copy_that_jaccard_misses():
    """Check the lesson's point: containment scores a trimmed copy 1.0, Jaccard far lower."""
    corpus = small_corpus()
    containment = pair_scores(corpus, 3, "containment").set_index(["a", "b"])["score"]
    jaccard = pair_scores(corpus, 3, "jaccard").set_index(["a", "b"])["score"]
    assert containment[("base", "trimmed")] == 1.0 and jaccard[("base", "trimmed")] < 0.5
    assert ("trimmed", "reordered") not in containment.index
    with pytest.raises(ValueError, match="unknown measure 'cosine'"):
        pair_scores(corpus, 3, "cosine")


def test_precision_recall_counts():
    """Check precision and recall on a hand-made score table, and None where undefined."""
    scores = pd.DataFrame({"known_copy": [True, True, False, False], "score": [0.9, 0.3, 0.6, 0.1]})
    assert precision_recall(scores, 0.5) == (0.5, 0.5)
    assert precision_recall(scores, 0.95) == (None, 0.0)


def test_threshold_lab_feedback_and_plot_follow_the_sliders():
    """Check that moving the sliders changes precision, recall, the explanation and the plot."""
    lab = ThresholdLab(corpus=small_corpus(), k=3, threshold=0.0, measure="jaccard")
    assert "Precision 0.40, recall 1.00" in lab.feedback.value
    assert "False alarms" in lab.feedback.value and "base ↔ other: 0.00" in lab.feedback.value
    lab.threshold.value = 0.5
    assert "Precision 1.00, recall 0.50" in lab.feedback.value
    assert "Missed copies" in lab.feedback.value and "base ↔ trimmed" in lab.feedback.value
    assert "or containment would catch them" in lab.feedback.value
    lab.measure.value = "containment"
    assert "Every known copy is flagged and nothing else is" in lab.feedback.value
    assert 'alt="Strip chart of containment for 5 text pairs with 3-word shingles' in lab.plot.value
    assert "recall 1.00" in lab.chart.alt
    lab.threshold.value = 1.0
    assert "Precision 1.00, recall 0.50" in lab.feedback.value
    assert "base ↔ reordered" in lab.feedback.value


def test_threshold_lab_on_the_case_and_variants():
    """Check the default lab: the case, built variants and a synthetic corpus give live figures."""
    lab = ThresholdLab()
    names = [item.name for item in lab.corpus]
    assert {"full-text", "short-copy", "re-report"} <= set(names) and len(names) >= 10
    scores = lab.scores()
    assert scores["known_copy"].sum() >= 5 and (~scores["known_copy"]).sum() >= 20
    short = scores[(scores["a"] == "full-text") & (scores["b"] == "short-copy")]["score"].iloc[0]
    assert short > 0.9
    lab.threshold.value = 0.95
    assert "Missed copies" in lab.feedback.value and "re-report" in lab.feedback.value
    assert WIDGET_VIEW in lab._repr_mimebundle_()
    assert "Precision" in lab._repr_mimebundle_()["text/html"]


def test_clutter_gold_agrees_with_clean_on_whole_lines():
    """Check the hand gold against nt.clean: the same whole lines are clutter (a cross-check, not the key)."""
    for text_id in ("short-copy", "re-report"):
        removed = nt.clean(nt.article(text_id)).removed
        whole_lines = set(removed.loc[removed["reason"] != "promo", "line"].astype(int))
        gold = {k.line for k in clutter_key(text_id) if k.is_clutter}
        assert whole_lines == gold, text_id
        teased = set(removed.loc[removed["reason"] == "promo", "line"].astype(int))
        assert all(k.debatable for k in clutter_key(text_id) if k.line in teased)
