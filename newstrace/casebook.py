"""What a case is about, beyond its texts: its content note and what lateral reading would check.

Each case folder holds a `case.json` (written by hand, like the gold annotations) saying:

- `title`, and `invented` (true for a case written for the course: its people and outlets do not exist);
- `content_note`: what the texts describe, for the note every lesson, index page and reading packet opens with;
- `lateral_reading`: what the texts cannot settle (each with the paragraphs that show it), the people
  and outlets to read laterally, what a careful reader finds outside (marked as outside knowledge), and
  which facts the course takes from the texts and which from outside.

Every piece of evidence names a text, a paragraph of its cleaned story (counted from 1, as
`nt.paragraph_numbers`, the commands and the reading packets count them) and words found there, so a
test can check each claim against the text. Words in a page's furniture, which cleaning sets aside
and nobody numbers (a sidebar, a caption), are cited with `"paragraph": null`.
Lessons read whichever case is active (`nt.use_case`, $NEWSTRACE_CASE), so no lesson names a case's people.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newstrace.data import data_dir
from newstrace.errors import AnnotationError

CASE_NOTES = "case.json"


@dataclass(frozen=True)
class Evidence:
    """Words found in one paragraph of one case text (counted from 1), or in its page furniture (None)."""

    text: str
    paragraph: int | None
    quote: str


@dataclass(frozen=True)
class OpenQuestion:
    """A question the texts cannot settle on their own, and what they do give."""

    question: str
    text_gives: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ToRead:
    """A person, outlet or document to read laterally: what the text says and what a careful reader finds."""

    name: str
    kind: str
    search_word: str
    text_says: str
    evidence: tuple[Evidence, ...]
    search: str
    where: str
    found: str
    uncertain: str
    why_trustworthy: str
    confidence: str


@dataclass(frozen=True)
class Fact:
    """A fact the course uses: from the texts (with evidence) or from outside (with where to check it)."""

    fact: str
    evidence: tuple[Evidence, ...] = ()
    check: str = ""


class Markdown(str):
    """Markdown text that Jupyter shows formatted and print() shows as it is."""

    def _repr_markdown_(self) -> str:
        """Return the text for Jupyter's Markdown display."""
        return str(self)

    def __repr__(self) -> str:
        """Return the text itself (not a quoted string) for plain-text displays."""
        return str(self)


@dataclass(frozen=True)
class CaseNotes:
    """A case's title, content note and lateral-reading notes, read from its case.json."""

    case: str
    title: str
    invented: bool
    content_note: str
    about: str
    care: str
    cannot_settle: tuple[OpenQuestion, ...]
    to_read: tuple[ToRead, ...]
    from_text: tuple[Fact, ...]
    from_outside: tuple[Fact, ...]

    @property
    def first_person(self) -> ToRead:
        """Return the first person to read laterally (the lesson's worked example)."""
        return next(entry for entry in self.to_read if entry.kind == "person")

    def cannot_settle_table(self) -> Markdown:
        """Return the open questions as a Markdown table: question, what the texts give, where."""
        rows = ["| open question | what the texts give | where |", "|---|---|---|"]
        rows += [f"| {item.question} | {item.text_gives} | {where(item.evidence)} |"
                 for item in self.cannot_settle]
        return Markdown("\n".join(rows))

    def findings(self, start: int = 0, stop: int | None = None) -> Markdown:
        """Return, for the entries to read (those from start to stop), what to search, where, what is found and how sure one can be."""
        lines = [f"*{self.about}*", ""] if start == 0 else []
        for entry in self.to_read[start:stop]:
            lines.append(f"- **{entry.name}** ({entry.kind}; {where(entry.evidence)}). *Search* {entry.search}, "
                         f"*in* {entry.where}. *Found:* {entry.found} *Still open:* {entry.uncertain} "
                         f"*Confidence:* {entry.confidence}.")
        return Markdown("\n".join(lines))

    def text_or_outside(self) -> Markdown:
        """Return the facts the course used, each marked as from the text (where) or from outside (how checked)."""
        lines = ["**From outside the texts:**"]
        lines += [f"- {fact.fact} *(from outside; check: {fact.check})*" for fact in self.from_outside]
        lines += ["", "**From the texts:**"]
        lines += [f"- {fact.fact} *(from the text: {where(fact.evidence)})*" for fact in self.from_text]
        return Markdown("\n".join(lines))


def where(evidence: Sequence[Evidence]) -> str:
    """Return where evidence lies, e.g. 'full-text ¶70, 71; re-report ¶4' or 're-report, page furniture'."""
    by_text: dict[str, list[int | None]] = {}
    for item in evidence:
        by_text.setdefault(item.text, []).append(item.paragraph)
    return "; ".join(_where_in(text, numbers) for text, numbers in by_text.items())


def _where_in(text: str, numbers: list[int | None]) -> str:
    """Return where in one text: its story paragraphs, then its page furniture if cited."""
    story = sorted({number for number in numbers if number is not None})
    parts = [f"{text} ¶{', '.join(map(str, story))}"] if story else []
    if None in numbers:
        parts.append(f"{text}, page furniture")
    return "; ".join(parts)


def _evidence(items: list[dict], path: Path) -> tuple[Evidence, ...]:
    """Return evidence rows read from JSON, or raise AnnotationError naming the bad one."""
    try:
        return tuple(Evidence(str(item["text"]), None if item["paragraph"] is None else int(item["paragraph"]),
                              str(item["quote"]))
                     for item in items)
    except (KeyError, TypeError, ValueError) as err:
        raise AnnotationError(f"{path}: an evidence row needs text, paragraph (a number, or null for page "
                              f"furniture) and quote ({err})") from None


def _read(path: Path) -> dict:
    """Return the parsed case.json, or raise AnnotationError saying what is wrong."""
    if not path.is_file():
        raise AnnotationError(f"{path} not found: every case folder needs a {CASE_NOTES} "
                              "(title, content note, lateral-reading notes); see newstrace/casebook.py")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise AnnotationError(f"{path} is not valid JSON (line {err.lineno}): {err.msg}") from None


def case_notes(folder: Path | None = None) -> CaseNotes:
    """Return the notes of the active case (or of the case in folder), or raise AnnotationError."""
    folder = folder or data_dir()
    path = folder / CASE_NOTES
    raw = _read(path)
    try:
        lateral = raw["lateral_reading"]
        return CaseNotes(
            case=folder.name if folder.parent.name == "cases" else "main",
            title=raw["title"], invented=bool(raw["invented"]), content_note=raw["content_note"],
            about=lateral["about"], care=lateral["care"],
            cannot_settle=tuple(OpenQuestion(item["question"], item["text_gives"],
                                             _evidence(item["evidence"], path))
                                for item in lateral["cannot_settle"]),
            to_read=tuple(ToRead(**{**item, "evidence": _evidence(item["evidence"], path)})
                          for item in lateral["to_read"]),
            from_text=tuple(Fact(item["fact"], evidence=_evidence(item["evidence"], path))
                            for item in lateral["from_text"]),
            from_outside=tuple(Fact(item["fact"], check=item["check"]) for item in lateral["from_outside"]),
        )
    except KeyError as err:
        raise AnnotationError(f"{path}: missing field {err.args[0]!r}") from None
    except TypeError as err:
        raise AnnotationError(f"{path}: a to_read entry has a missing or unknown field ({err})") from None


def content_note() -> Markdown:
    """Return the active case's content note as a Markdown quote (what every lesson opens with)."""
    return Markdown(f"> **Content note.** {case_notes().content_note}")
