"""The vocabulary of matching: stop words, stems and content words, in one home.

There are two stop-word sets, on purpose, each tuned against its own gold and kept as it was:

- `MATCH_STOP_WORDS` (compare and align): runs made only of these words never count as shared
  wording, and rewrites are weighed on the other words; it also drops "one", "two" and "new",
  which every news story repeats. `content_words`/`content_form` fold a plural "s" on longer words.
- `CLAIM_STOP_WORDS` (attribution_diff): words that carry no claim of their own, including the
  reporting verbs ("said", "told", "recalled"); `claim_words` stems them more eagerly (possessives,
  "-ies"), since a claim repeated in other words must still match.

Merging the two would move both the case alignment and the attribution-diff results; change either
set only with its gate.
"""

from __future__ import annotations

import re

from newstrace.text.tokenizer import words

MATCH_STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told one two new
""".split())
"""Function words for matching copies (compare, align)."""

CLAIM_STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for
from further had has have having he her here hers herself him himself his how however i if in
into is it its itself just like made make many me meanwhile more most much must my myself no nor
not now of off on once one only or other our ours out over own per same she should so some
such than that the their theirs them themselves then there these they this those through to too
under until up upon us very via was we were what when where which while who whom whose why will
with within without would yet you your said says say told tells recalled recounted instance also
""".split())
"""Function words for comparing claims (attribution_diff): they carry no claim of their own."""

SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Scale words after a figure ("4.1 million"): the one list that edits and drift both read."""


def content_words(keys: list[str]) -> set[str]:
    """Return the content words of a paragraph: no stopwords, plural "s" folded."""
    return {key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith(("ss", "is", "us")) else key
            for key in keys if key not in MATCH_STOP_WORDS and (len(key) > 2 or key.isdigit())}


def content_form(key: str) -> str | None:
    """Return the form content_words gives one key ("reports" -> "report"), or None if it drops it."""
    if key in MATCH_STOP_WORDS or not (len(key) > 2 or key.isdigit()):
        return None
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith(("ss", "is", "us")) else key


def stem(word: str) -> str:
    """Return a crude stem so plurals and possessives match ('soldiers' ~ 'soldier')."""
    word = re.sub(r"'s?$", "", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us"))
    return word[:-1] if plural else word


def claim_words(text: str, ignored: frozenset[str] = CLAIM_STOP_WORDS) -> list[str]:
    """Return the stems of the words of text that carry content (no function words)."""
    return [stem(word) for word in words(text)
            if word not in ignored and (len(word) > 2 or word.isdigit())]
