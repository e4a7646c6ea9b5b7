"""Each case's notes (case.json): the content note names what the case holds, and every claim is tied to a paragraph."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import newstrace as nt
from newstrace.casebook import case_notes
from newstrace.errors import AnnotationError
from newstrace.practice.lateral import CONFIDENCE_LEVELS

VIOLENCE = re.compile(r"execution|killing|violence|killed", re.IGNORECASE)


@pytest.fixture(params=nt.cases())
def case(request: pytest.FixtureRequest) -> Iterator[str]:
    """Switch to each case in turn, then back to the default."""
    nt.use_case(request.param)
    yield request.param
    nt.use_case(None)


def test_every_case_has_notes_with_a_content_note(case: str):
    notes = case_notes()
    assert notes.case == case and notes.title and notes.content_note
    assert nt.content_note().startswith("> **Content note.** ") and notes.content_note in nt.content_note()


def test_content_note_follows_the_case():
    """The main case's note names its violence; the invented case's says it has none and is invented."""
    main = case_notes(nt.data_dir())
    assert not main.invented and VIOLENCE.search(main.content_note)
    nt.use_case("library-vote")
    try:
        second = case_notes()
        assert second.invented and "no violence" in second.content_note
        assert not VIOLENCE.search(second.content_note.replace("no violence", ""))
        assert "invented" in second.content_note or "fictional" in second.content_note
    finally:
        nt.use_case(None)


def test_every_piece_of_evidence_is_in_its_paragraph(case: str):
    """Each quote a case's notes cite is found in the paragraph (counted from 1, as the packets count) they name."""
    notes = case_notes()
    texts = nt.articles()["text"]
    evidence = ([item for question in notes.cannot_settle for item in question.evidence]
                + [item for entry in notes.to_read for item in entry.evidence]
                + [item for fact in notes.from_text for item in fact.evidence])
    assert len(evidence) >= 8
    wrong = [item for item in evidence if item.quote not in cited_words(texts[item.text], item.paragraph)]
    assert wrong == []


def cited_words(text: str, paragraph: int | None) -> str:
    """Return the story paragraph numbered `paragraph` (from 1), or the page furniture cleaning set aside (None)."""
    if paragraph is None:
        return "\n".join(row["text"] for row in nt.clean(text).removed_rows)
    return dict(nt.paragraph_numbers(text)).get(paragraph, "")


def test_case_notes_count_a_page_capture_by_its_cleaned_story():
    """The re-report page's citations count its story paragraphs, not the page's lines: one convention with the commands."""
    nt.use_case("library-vote")
    try:
        notes, page = case_notes(), nt.article("re-report")
        cited = [item for question in notes.cannot_settle for item in question.evidence if item.text == "re-report"]
        assert cited and all(item.paragraph is not None for item in cited)
        lines = [line for line in page.splitlines() if line.strip()]
        assert any(item.quote not in lines[item.paragraph - 1] for item in cited)  # page lines would miscount
        furniture = [item for fact in notes.from_text for item in fact.evidence if item.paragraph is None]
        assert furniture and "re-report, page furniture" in notes.text_or_outside()
    finally:
        nt.use_case(None)


def test_first_person_is_found_where_the_notes_say(case: str):
    """Try it 6.1's answer (the paragraphs naming the first person) equals the notes' evidence for them."""
    person = case_notes().first_person
    paragraphs = nt.article("full-text").splitlines()
    named = [number for number, paragraph in enumerate(paragraphs, start=1) if person.search_word in paragraph]
    assert named and named == sorted(item.paragraph for item in person.evidence if item.text == "full-text")


def test_outside_knowledge_is_marked(case: str):
    """A real case's findings say they are outside knowledge; an invented case's say there is nothing to find."""
    notes = case_notes()
    for entry in notes.to_read:
        if notes.invented:
            assert entry.found.startswith("Nothing") and "invented" in entry.found
        else:
            assert entry.found.startswith("Outside"), entry.name
    assert notes.from_outside and all(fact.check for fact in notes.from_outside)
    assert {entry.confidence for entry in notes.to_read} <= set(CONFIDENCE_LEVELS)
    assert ("invented" in notes.about) == notes.invented


def test_try_it_6_1_follows_the_case(case: str):
    """Try it 6.1 accepts the paragraphs naming the active case's first person, and explains an off-by-one answer."""
    from newstrace import practice

    person = case_notes().first_person
    named = [number for number, paragraph in enumerate(nt.article("full-text").splitlines(), start=1)
             if person.search_word in paragraph]
    assert practice.feedback("6.1", named).solved
    assert "one too small" in practice.feedback("6.1", [number - 1 for number in named]).message


def test_the_worked_log_row_for_the_case_passes_try_it_6_2(case: str):
    """The lesson's worked answer to Try it 6.2, built from the case's first person, is a complete outside check."""
    from newstrace import practice

    person = case_notes().first_person
    log = practice.EvidenceLog().add(question=f"Who is {person.name}?", searched=person.search,
                                     looked_at=person.where, found=person.found,
                                     why_trustworthy=person.why_trustworthy, confidence=person.confidence)
    assert practice.feedback("6.2", log).solved


def test_tables_show_each_question_and_where(case: str):
    notes = case_notes()
    table = notes.cannot_settle_table()
    assert table.count("\n|") == len(notes.cannot_settle) + 1 and "¶" in table
    assert all(entry.name in notes.findings() for entry in notes.to_read)
    assert "From outside the texts" in notes.text_or_outside()


def test_a_broken_case_file_gets_a_one_line_error(tmp_path: Path):
    with pytest.raises(AnnotationError, match="case.json not found"):
        case_notes(tmp_path)
    (tmp_path / "case.json").write_text("{", encoding="utf-8")
    with pytest.raises(AnnotationError, match="not valid JSON"):
        case_notes(tmp_path)
    raw = json.loads((nt.data_dir() / "case.json").read_text(encoding="utf-8"))
    del raw["lateral_reading"]["care"]
    (tmp_path / "case.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(AnnotationError, match="missing field 'care'"):
        case_notes(tmp_path)
    raw = json.loads((nt.data_dir() / "case.json").read_text(encoding="utf-8"))
    raw["lateral_reading"]["cannot_settle"][0]["evidence"][0]["paragraph"] = "four"
    (tmp_path / "case.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(AnnotationError, match="paragraph"):
        case_notes(tmp_path)
