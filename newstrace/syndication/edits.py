"""Word-level edits between two aligned passages, classified as house style or content.

The passages are compared as `newstrace.text.tokenizer.tokens` (typography already folded, case kept, each
punctuation mark a token). rapidfuzz's `Levenshtein.opcodes` on the two token lists gives the
changed blocks: it runs in C, accepts lists of strings directly and, unlike `Indel`, reports
substitutions as one `replace` block, which is what a copy editor's word swap is. Touching blocks
are joined into one run ("well-known" -> "well known" is one change). A run of n tokens for n
tokens that is not house style as a whole is split into n one-token edits so that each is
classified on its own; neighbouring word changes are then merged back into one edit. Two runs a few tokens apart that are one form reordered are joined ("Aug. 5" -> "5 August" is
one date style edit, not a deletion and an insertion). A run of the
style families' forms (up to MAX_CUT_TOKENS tokens) is cut into them ("nine U.N." -> "9 UN": number
style, then initialism).
A word change is read once more with the unchanged token on each side, for forms that span it
("a" -> "1" in "a million" / "1 million" is number style).

`before` and `after` show the tokens as written when `diff` is given their `token_gaps` ("(AP)"),
or when `as_written` is applied afterwards; otherwise `join` spaces them by punctuation rules.

Edit kinds (the vocabulary of the `kind` column):

House style (the same content, the outlet's typography or spelling):
- `punctuation`: only punctuation differs (a serial comma added or dropped, a dash for a comma);
  a currency, per cent or degree sign stands for words, so it is never mere punctuation.
- `capitalisation`: the same words, different case ("The Post" / "the Post").
- `spelling variant`: the same word spelt differently, by one of these general rules:
  hyphens, spaces or apostrophes only ("month-long" / "monthlong" / "month long");
  vowels only, in a capitalised word (a name) or a word of 7+ letters ("Qaida" / "Qaeda");
  one letter inside a word of 6+ letters, not at its end, so inflections are not variants
  ("organise" / "organize", "instalment" / "installment"). The last two rules read words only:
  a figure spelt differently ("12,000" / "13,000") is another number.
- `initialism`, `abbreviation`, `number style`, `unit style`, `courtesy title`: the families of
  `newstrace.syndication.house_style`, one table each ("U.N." / "UN", "St." / "Street",
  "nine" / "9", "£4.1m" / "£4.1 million", "Mr. Halvorsen" / "Halvorsen"). A changed number, name or hedge is
  content: "nine" / "10" and "could" / "will" are word changes.

Content (what the text says changed):
- `word change`: words replaced by other words.
- `deletion`: words in the original missing from the copy.
- `insertion`: words in the copy that are not in the original.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from newstrace.syndication import house_style

HOUSE_STYLE = ("punctuation", "capitalisation", "spelling variant", *house_style.KINDS, "courtesy title")
CONTENT = ("word change", "deletion", "insertion")
KINDS = HOUSE_STYLE + CONTENT
HOUSE_FORMS = frozenset(HOUSE_STYLE) - {"punctuation"}
VOWELS = set("aeiouy")


@dataclass(frozen=True)
class Edit:
    """One change: tokens before[start:end] of the original became after[start:end] of the copy."""

    before_start: int
    before_end: int
    after_start: int
    after_end: int
    before: str
    after: str
    kind: str

    @property
    def category(self) -> str:
        """Return "house style" or "content"."""
        return "house style" if self.kind in HOUSE_STYLE else "content"


def is_punctuation(token: str) -> bool:
    """Return True if the token has no letter or digit."""
    return not any(char.isalnum() for char in token)


NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "/"])
"""Marks written against the token before them, when the text's own spacing is not known."""
NO_SPACE_AFTER = frozenset(["(", "[", "{", "/", "$", "£", "€", "¥"])
"""Marks written against the token after them, when the text's own spacing is not known."""


def _spaced_by_rule(tokens: list[str]) -> list[bool]:
    """Return, per token, whether a space goes before it: by punctuation rules, quotes paired in order."""
    gaps, open_quote = [], False
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        closing = token in NO_SPACE_BEFORE or (token == '"' and (open_quote or index == len(tokens) - 1))
        gaps.append(bool(index) and not closing and previous not in NO_SPACE_AFTER
                    and not (previous == '"' and open_quote))
        open_quote = (not open_quote) if token == '"' else open_quote
    return gaps


def join(tokens: list[str], gaps: list[bool] | None = None) -> str:
    """Return tokens as text: spaced as written where `gaps` (from `token_gaps`) says, else by rule.

    The rule: no space before closing marks (`NO_SPACE_BEFORE`), none after opening marks and
    currency signs (`NO_SPACE_AFTER`), and straight double quotes taken as opening and closing in turn.
    """
    spaced = gaps if gaps is not None else _spaced_by_rule(tokens)
    return "".join((" " if space and index else "") + token
                   for index, (token, space) in enumerate(zip(tokens, spaced)))


def _letters_only(tokens: list[str]) -> str:
    """Return the tokens lower-cased with hyphens, apostrophes and spaces removed."""
    return "".join(tokens).lower().replace("-", "").replace("'", "")


def _vowel_only_difference(before: str, after: str) -> bool:
    """Return True if every edit operation between the words touches only vowels."""
    ops = Levenshtein.editops(before.lower(), after.lower())
    for op in ops:
        chars = []
        if op.tag in ("replace", "delete"):
            chars.append(before.lower()[op.src_pos])
        if op.tag in ("replace", "insert"):
            chars.append(after.lower()[op.dest_pos])
        if not all(char in VOWELS for char in chars):
            return False
    return bool(ops)


def _inner_one_letter_difference(before: str, after: str) -> bool:
    """Return True for one letter changed inside (not at the end of) a word of 6+ letters."""
    if min(len(before), len(after)) < 6 or before[-1].lower() != after[-1].lower():
        return False
    return Levenshtein.distance(before.lower(), after.lower()) == 1


def is_spelling_variant(before: list[str], after: list[str]) -> bool:
    """Return True if the two token runs are the same word(s) spelt differently."""
    if _letters_only(before) == _letters_only(after):
        return True
    if len(before) != 1 or len(after) != 1:
        return False
    old, new = before[0], after[0]
    if any(char.isdigit() for char in old + new):
        return False
    named = old[:1].isupper() and new[:1].isupper()
    if (named or min(len(old), len(new)) >= 7) and _vowel_only_difference(old, new):
        return True
    return _inner_one_letter_difference(old, new)


def _words_and_signs(tokens: list[str]) -> list[str]:
    """Return the tokens that are words or signs standing for words (punctuation left out)."""
    return [token for token in tokens if not is_punctuation(token) or token in house_style.WORD_SYMBOLS]


def classify(before: list[str], after: list[str]) -> str:
    """Return the edit kind of changing the token run `before` into `after`."""
    if all(map(is_punctuation, before + after)) and not house_style.WORD_SYMBOLS.intersection(before + after):
        return "punctuation"
    if not after:
        return "deletion"
    if not before:
        return "insertion"
    if [token.lower() for token in before] == [token.lower() for token in after]:
        return "capitalisation"
    words_before, words_after = _words_and_signs(before), _words_and_signs(after)
    if [token.lower() for token in words_before] == [token.lower() for token in words_after]:
        return "punctuation" if words_before == words_after else "capitalisation"
    if is_spelling_variant(before, after):
        return "spelling variant"
    return house_style.house_style_kind(before, after) or "word change"


Block = tuple[int, int, int, int]  # (b1, b2, a1, a2): tokens before[b1:b2] became after[a1:a2]


def classify_block(before: list[str], after: list[str], block: Block) -> str:
    """Return the kind of one changed block, read with its unchanged neighbours when that tells more.

    A courtesy title added or dropped is house style when a capitalised name follows it. A word
    change is read again with the equal token on each side, for house-style forms that span
    the change ("a" -> "1" in "a million" / "1 million").
    """
    b1, b2, a1, a2 = block
    kind = classify(before[b1:b2], after[a1:a2])
    if kind in ("deletion", "insertion"):
        run, side, end = (before[b1:b2], before, b2) if kind == "deletion" else (after[a1:a2], after, a2)
        following = side[end] if end < len(side) else None
        return "courtesy title" if house_style.is_courtesy_title(run, following) else kind
    if kind != "word change":
        return kind
    left = int(b1 > 0 and a1 > 0 and before[b1 - 1] == after[a1 - 1])
    right = int(b2 < len(before) and a2 < len(after) and before[b2] == after[a2])
    if not left and not right:
        return kind
    widened = house_style.house_style_kind(before[b1 - left:b2 + right], after[a1 - left:a2 + right])
    return widened or kind


def _changed_runs(before: list[str], after: list[str]) -> list[Block]:
    """Return maximal changed runs (b1, b2, a1, a2): touching opcode blocks joined."""
    runs: list[Block] = []
    for op in Levenshtein.opcodes(before, after):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return runs


def _house_forms(before: list[str], after: list[str], block: Block) -> list[Block]:
    """Return a house-style run cut into the house-style forms it is made of, shortest first.

    "nine U.N." -> "9 UN" is two edits (number style, initialism); a full stop dropped with its
    abbreviation ("Aug." -> "August") stays with it, since punctuation alone is no form.
    """
    b1, b2, a1, a2 = block
    for cut_before in range(b1 + 1, b2):
        for cut_after in range(a1 + 1, a2):
            first, rest = (b1, cut_before, a1, cut_after), (cut_before, b2, cut_after, a2)
            if (classify_block(before, after, first) in HOUSE_FORMS
                    and classify_block(before, after, rest) in HOUSE_FORMS):
                return [first, *_house_forms(before, after, rest)]
    return [block]


MAX_CUT_TOKENS = 12
"""Longest run (tokens on either side) that is searched for the house-style forms it is made of."""


MAX_REORDER_GAP = 2
"""Most unchanged tokens between two runs that may together be one form written in another order."""


def _join_reordered(before: list[str], after: list[str], runs: list[Block]) -> list[Block]:
    """Return runs with two runs a few unchanged tokens apart joined when together they are one
    house-style form in another order ("Aug. 5" -> "5 August": a deletion and an insertion)."""
    joined: list[Block] = []
    for run in runs:
        last = joined[-1] if joined else None
        if last and run[0] - last[1] <= MAX_REORDER_GAP and classify_block(before, after, last) not in HOUSE_STYLE:
            both = (last[0], run[1], last[2], run[3])
            if classify_block(before, after, both) in house_style.KINDS:
                joined[-1] = both
                continue
        joined.append(run)
    return joined


def _blocks(before: list[str], after: list[str]) -> list[Block]:
    """Return changed blocks: a run of the style families' forms cut into them, a run of n tokens
    for n tokens that is not house style split per token, any other run whole."""
    blocks: list[Block] = []
    for b1, b2, a1, a2 in _join_reordered(before, after, _changed_runs(before, after)):
        whole = classify_block(before, after, (b1, b2, a1, a2))
        if whole in house_style.KINDS and max(b2 - b1, a2 - a1) <= MAX_CUT_TOKENS:
            blocks += _house_forms(before, after, (b1, b2, a1, a2))
        elif whole in HOUSE_STYLE:
            blocks.append((b1, b2, a1, a2))
        elif b2 - b1 == a2 - a1 > 1:
            blocks += [(b1 + n, b1 + n + 1, a1 + n, a1 + n + 1) for n in range(b2 - b1)]
        else:
            blocks.append((b1, b2, a1, a2))
    return blocks


def _merge_word_changes(edits: list[Edit], before: list[str], after: list[str]) -> list[Edit]:
    """Return edits with adjacent word changes joined into one."""
    merged: list[Edit] = []
    for edit in edits:
        last = merged[-1] if merged else None
        if (last and last.kind == edit.kind == "word change"
                and last.before_end == edit.before_start and last.after_end == edit.after_start):
            b1, a1 = last.before_start, last.after_start
            merged[-1] = Edit(b1, edit.before_end, a1, edit.after_end, join(before[b1:edit.before_end]),
                              join(after[a1:edit.after_end]), "word change")
        else:
            merged.append(edit)
    return merged


def as_written(edits: list[Edit], before: list[str], after: list[str],
               gaps: tuple[list[bool], list[bool]]) -> list[Edit]:
    """Return the edits with `before` and `after` spaced as written, given both lists' `token_gaps`."""
    return [replace(edit, before=join(before[edit.before_start:edit.before_end],
                                      gaps[0][edit.before_start:edit.before_end]),
                    after=join(after[edit.after_start:edit.after_end], gaps[1][edit.after_start:edit.after_end]))
            for edit in edits]


def diff(before: list[str], after: list[str], gaps: tuple[list[bool], list[bool]] | None = None) -> list[Edit]:
    """Return the classified edits that turn the token list `before` into `after`.

    `gaps`, (before's, after's) `token_gaps`, shows each edit's text as written (`as_written`);
    without them `join` spaces it by rule.
    """
    edits = [Edit(b1, b2, a1, a2, join(before[b1:b2]), join(after[a1:a2]),
                  classify_block(before, after, (b1, b2, a1, a2)))
             for b1, b2, a1, a2 in _blocks(before, after)]
    edits = _merge_word_changes(edits, before, after)
    return as_written(edits, before, after, gaps) if gaps is not None else edits
