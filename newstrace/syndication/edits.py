"""Word-level edits between two aligned passages, classified as house style or content.

The passages are compared as `newstrace.text.tokenizer.tokens` (typography already folded, case kept, each
punctuation mark a token). rapidfuzz's `Levenshtein.opcodes` on the two token lists gives the
changed blocks: it runs in C, accepts lists of strings directly and, unlike `Indel`, reports
substitutions as one `replace` block, which is what a copy editor's word swap is. Touching blocks
are joined into one run ("well-known" -> "well known" is one change). A run of n tokens for n
tokens that is not house style as a whole is split into n one-token edits so that each is
classified on its own; neighbouring word changes are then merged back into one edit.

Edit kinds (the vocabulary of the `kind` column):

House style (the same content, the outlet's typography or spelling):
- `punctuation`: only punctuation differs (a serial comma added or dropped, a dash for a comma).
- `capitalisation`: the same words, different case ("The Post" / "the Post").
- `spelling variant`: the same word spelt differently, by one of these general rules:
  hyphens, spaces or apostrophes only ("month-long" / "monthlong" / "month long");
  vowels only, in a capitalised word (a name) or a word of 7+ letters ("Qaida" / "Qaeda");
  one letter inside a word of 6+ letters, not at its end, so inflections are not variants
  ("organise" / "organize", "instalment" / "installment").

Content (what the text says changed):
- `word change`: words replaced by other words.
- `deletion`: words in the original missing from the copy.
- `insertion`: words in the copy that are not in the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

HOUSE_STYLE = ("punctuation", "capitalisation", "spelling variant")
CONTENT = ("word change", "deletion", "insertion")
KINDS = HOUSE_STYLE + CONTENT
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


def join(tokens: list[str]) -> str:
    """Return tokens as text, with no space before closing punctuation."""
    text = ""
    for token in tokens:
        glue = "" if not text or (is_punctuation(token) and token not in ("--", '"', "(")) else " "
        text += glue + token
    return text


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
    named = old[:1].isupper() and new[:1].isupper()
    if (named or min(len(old), len(new)) >= 7) and _vowel_only_difference(old, new):
        return True
    return _inner_one_letter_difference(old, new)


def classify(before: list[str], after: list[str]) -> str:
    """Return the edit kind of changing the token run `before` into `after`."""
    if all(map(is_punctuation, before + after)):
        return "punctuation"
    if not after:
        return "deletion"
    if not before:
        return "insertion"
    if [token.lower() for token in before] == [token.lower() for token in after]:
        return "capitalisation"
    if is_spelling_variant(before, after):
        return "spelling variant"
    return "word change"


def _changed_runs(before: list[str], after: list[str]) -> list[tuple[int, int, int, int]]:
    """Return maximal changed runs (b1, b2, a1, a2): touching opcode blocks joined."""
    runs: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(before, after):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return runs


def _blocks(before: list[str], after: list[str]) -> list[tuple[int, int, int, int]]:
    """Return changed blocks; a run of n tokens for n tokens is split per token unless house style."""
    blocks = []
    for b1, b2, a1, a2 in _changed_runs(before, after):
        whole = classify(before[b1:b2], after[a1:a2])
        if b2 - b1 == a2 - a1 > 1 and whole not in HOUSE_STYLE:
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
            merged[-1] = Edit(b1, edit.before_end, a1, edit.after_end,
                              join(before[b1:edit.before_end]), join(after[a1:edit.after_end]),
                              "word change")
        else:
            merged.append(edit)
    return merged


def diff(before: list[str], after: list[str]) -> list[Edit]:
    """Return the classified edits that turn the token list `before` into `after`."""
    edits = [Edit(b1, b2, a1, a2, join(before[b1:b2]), join(after[a1:a2]),
                  classify(before[b1:b2], after[a1:a2]))
             for b1, b2, a1, a2 in _blocks(before, after)]
    return _merge_word_changes(edits, before, after)
