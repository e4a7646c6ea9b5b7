"""Typography folding and word tokens, so that typography never hides reuse.

`normalize(text)` folds what differs between copies of one story for reasons of typesetting,
not wording, and keeps case and line breaks:

- curly, low and prime quotes -> straight quotes (' and ");
- en dash, em dash, figure dash, horizontal bar, minus -> "--" (the old wire-copy em dash);
  non-breaking hyphens -> "-";
- "…" -> "...";
- "#" directly before a digit -> "£" (old wire copy sent "#" for the pound sign);
- soft hyphens and zero-width characters removed;
- a word broken across a line end with a hyphen ("propa-\\nganda") joined when the next line
  continues in lower case;
- "\\r\\n" and "\\r" -> "\\n"; runs of spaces, tabs and non-breaking spaces -> one space.

`words(text)` returns the normalised word tokens used for matching: letters and digits, with
internal apostrophes kept ("state's"), hyphenated words split into their parts so that
"al-Maghribi" and "al Maghribi" agree (`compare` also joins the parts when the other text has the
closed form, "month-long" / "monthlong"), digit groups kept ("1,000", "3.5"), lower-cased,
accents stripped.
`tokens(text)` returns the normalised tokens as written (case and hyphens kept) with each
punctuation mark as a token of its own; `edits` diffs these to see house style.
`word_spans(text)` returns the same tokens with their character offsets in the *input* text.
`token_gaps(text)` says, per token of `tokens(text)`, whether a space comes before it, so that tokens
can be shown again as they were written ("(AP)", not "( AP)").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import numpy as np

from newstrace.text.guard import check_text

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CHARACTERS = re.compile(
    r"\r\n?|[\u2018\u2019\u201a\u201b\u2032\u02bc]|[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]"
    r"|[\u2010\u2011]|[\u2012-\u2015\u2212]|\u2026|#(?=\d)|[\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_LAYOUT = re.compile(r"(?<=[^\W_])-[ \t]*\n[ \t]*(?=[a-z])|[ \t\f\v]{2,}|[\t\f\v]")
_REPLACEMENTS = {
    **dict.fromkeys(["\r\n", "\r"], "\n"),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011", "-"),
    **dict.fromkeys("\u2012\u2013\u2014\u2015\u2212", "--"),
    "\u2026": "...",
    "#": "£",
}
WORD_RE = re.compile(r"[^\W_]+(?:(?:['-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
TOKEN_RE = re.compile(WORD_RE.pattern + r"|--|\.\.\.|[^\w\s]|_+")
_SPACE_BEFORE_TOKEN = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern + ")")

Spans = tuple[list[int], list[int]]


def _character_fold(match: re.Match) -> str:
    """Return the replacement for one folded character (or CRLF)."""
    return _REPLACEMENTS.get(match.group(), " ")


def _layout_fold(match: re.Match) -> str:
    """Return "" for a line-end hyphenation and one space for a run of blanks."""
    return "" if match.group().startswith("-") else " "


_PASSES: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (_INVISIBLE, lambda match: ""),
    (_CHARACTERS, _character_fold),
    (_LAYOUT, _layout_fold),
]


def _substitute(text: str, pattern: re.Pattern, replace: Callable[[re.Match], str],
                spans: Spans) -> tuple[str, Spans]:
    """Apply one substitution pass and carry each output character's input span along."""
    starts, ends = spans
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(text[position:match.start()])
        new_starts.extend(starts[position:match.start()])
        new_ends.extend(ends[position:match.start()])
        replacement = replace(match)
        pieces.append(replacement)
        if match.end() > match.start():
            new_starts.extend([starts[match.start()]] * len(replacement))
            new_ends.extend([ends[match.end() - 1]] * len(replacement))
        position = match.end()
    pieces.append(text[position:])
    new_starts.extend(starts[position:])
    new_ends.extend(ends[position:])
    return "".join(pieces), (new_starts, new_ends)


def _normalize_with_spans(text: str) -> tuple[str, Spans]:
    """Return normalize(text) and, per output character, its (start, end) in the input."""
    spans: Spans = (range(len(text)), range(1, len(text) + 1))  # type: ignore[assignment]
    if normalize(text) == text:
        return text, spans  # the same object: callers may test `folded is text`
    spans = (list(spans[0]), list(spans[1]))
    for pattern, replace in _PASSES:
        text, spans = _substitute(text, pattern, replace, spans)
    return text, spans


_INVISIBLE_TABLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_CHARACTER_TABLE = {ord(char): replacement for char, replacement in _REPLACEMENTS.items()
                    if len(char) == 1 and char != "#"}
_CHARACTER_TABLE.update(dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005"
                                          "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "))
_POUND = re.compile(r"#(?=\d)")


_ASCII_ALNUM = np.zeros(256, dtype=bool)
_ASCII_ALNUM[[ord(char) for char in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]] = True
_ASCII_DIGIT = np.zeros(256, dtype=bool)
_ASCII_DIGIT[[ord(char) for char in "0123456789"]] = True


def ascii_word_bounds(text: str) -> tuple[list[int], list[int]]:
    """Return the (starts, ends) of the word matches of an ASCII text, as `WORD_RE.finditer` gives them.

    Computed with numpy in one pass: a word is a run of letters and digits joined by single
    apostrophes or hyphens between two of them, or by "." or "," between two digits.
    """
    codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    alnum, digit = _ASCII_ALNUM[codes], _ASCII_DIGIT[codes]
    before = np.concatenate(([False], alnum[:-1]))
    after = np.concatenate((alnum[1:], [False]))
    digit_before = np.concatenate(([False], digit[:-1]))
    digit_after = np.concatenate((digit[1:], [False]))
    joiner = (((codes == ord("'")) | (codes == ord("-"))) & before & after) | (
        ((codes == ord(".")) | (codes == ord(","))) & digit_before & digit_after)
    inside = alnum | joiner
    edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
    return np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()


def _may_need_layout_fold(text: str) -> bool:
    """Return True unless text holds nothing _LAYOUT can match (no line break, tab or double space)."""
    return "\n" in text or "  " in text or "\t" in text or "\f" in text or "\v" in text


def normalize(text: str) -> str:
    """Return text with typography folded (quotes, dashes, spaces, £/#, hyphenation); case kept."""
    check_text(text, "normalize")
    if not text.isascii() or "\r" in text:  # the tables only touch "\r" and non-ASCII characters
        text = text.translate(_INVISIBLE_TABLE).replace("\r\n", "\n").translate(_CHARACTER_TABLE)
    if "#" in text:
        text = _POUND.sub("£", text)
    return _LAYOUT.sub(_layout_fold, text) if _may_need_layout_fold(text) else text


@functools.lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """Return the matching key of one normalised token: lower case, no accents."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _parts(match: re.Match) -> list[tuple[str, int, int]]:
    """Return (part, start, end) for each hyphen-separated part of a matched word."""
    parts, start = [], match.start()
    for part in match.group().split("-"):
        parts.append((part, start, start + len(part)))
        start += len(part) + 1
    return parts


def hyphen_groups(text: str) -> list[list[str]]:
    """Return the matching keys of text grouped by written word ("al-Qaida" -> ["al", "qaida"])."""
    return [[token_key(part) for part in word.split("-")]
            for word in WORD_RE.findall(normalize(text))]


def hyphen_groups_of(found: list[str]) -> list[list[str]]:
    """Return hyphen_groups from already computed tokens(text), skipping punctuation tokens."""
    return [[token_key(part) for part in token.split("-")] for token in found
            if token[0].isalnum() or token[-1].isalnum()]


def words(text: str) -> list[str]:
    """Return the normalised, lower-cased word tokens of text, for matching."""
    check_text(text, "words")
    return [key for group in hyphen_groups(text) for key in group]


def tokens(text: str) -> list[str]:
    """Return the normalised tokens of text as written (case kept), punctuation marks included."""
    check_text(text, "tokens")
    return TOKEN_RE.findall(normalize(text))


def token_gaps(text: str) -> list[bool]:
    """Return, for each of tokens(text), True if white space comes before it in the text."""
    check_text(text, "token_gaps")
    return [bool(space) for space in _SPACE_BEFORE_TOKEN.findall(normalize(text))]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Return (token, start, end) for each of tokens(text), offsets being in the input text."""
    check_text(text, "token_spans")
    folded, (starts, ends) = _normalize_with_spans(text)
    return [(match.group(), starts[match.start()], ends[match.end() - 1])
            for match in TOKEN_RE.finditer(folded)]


def written_word_spans(text: str) -> list[tuple[str, int, int]]:
    """Return (word as normalised, start, end) of each written word, hyphens kept, in the input."""
    check_text(text, "written_word_spans")
    folded, (starts, ends) = _normalize_with_spans(text)
    if folded is text:
        return [(match.group(), *match.span()) for match in WORD_RE.finditer(text)]
    return [(match.group(), starts[match.start()], ends[match.end() - 1])
            for match in WORD_RE.finditer(folded)]


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Return (token, start, end) for each word of text, offsets being in the input text."""
    check_text(text, "word_spans")
    folded, (starts, ends) = _normalize_with_spans(text)
    spans = []
    for match in WORD_RE.finditer(folded):
        word, start, end = match.group(), match.start(), match.end()
        if "-" not in word:
            spans.append((token_key(word), starts[start], ends[end - 1]))
        else:
            spans += [(token_key(part), starts[s], ends[e - 1]) for part, s, e in _parts(match)]
    return spans
