"""Step 4, kinds: direct, partial, term or title for each quote."""

from __future__ import annotations

import re

from newstrace.attribution.quotes.attributions import phrase_words
from newstrace.attribution.quotes.records import MASK
from newstrace.attribution.quotes.words import TERM_CUES, WORK_NOUNS

# ---------------------------------------------------------------- kinds


def _is_title_case(quote: str) -> bool:
    """Return True if every longer word of a quote is capitalised (Flames of War)."""
    words = re.findall(r"[\w'\u2019-]+", quote)
    small = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "by", "from", "or", "vs", "is"}
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in small for w in words)


def classify(quote: str, before: str, after: str, attributed: bool, continued: bool, headline: bool = False) -> str:
    """Return direct, partial, term or title for a quote given the masked text beside it in its sentence."""
    words = phrase_words(quote)
    ends_sentence = bool(re.search(r"[.!?][)'\u2019\"\u201d]*$", quote))
    context_before = before.lower().split()[-3:]
    context_after = after.lower().split()[:2]
    if _is_title_case(quote) and not ends_sentence and len(words) <= 10 and (
            any(w.strip(",.") in WORK_NOUNS for w in context_before + context_after)):
        return "title"
    cue = before.lower().rstrip()
    if not continued and len(words) <= 4 and not ends_sentence and any(cue.endswith(c) for c in TERM_CUES):
        return "term"
    starts_upper = bool(re.match(r"[\W\d]*[A-Z\u00c0-\u00de]", quote)) or bool(re.match(r"[\d\[(]", quote))
    if not attributed and not continued and len(words) <= 3 and not (ends_sentence and starts_upper) \
            and not (headline and len(words) >= 2) and before.strip(" " + MASK):
        return "term"
    opens_sentence = not before.strip(" " + MASK) or before.rstrip().endswith((":", ",", MASK)) or continued
    resumes = before.lstrip().startswith(MASK) and before.rstrip().endswith(",")
    return "direct" if (starts_upper and opens_sentence) or resumes else "partial"


def is_headline(masked: str) -> bool:
    """Return True for a short line without closing punctuation, like a headline (quotes masked)."""
    line = masked.rstrip()
    return len(line.split()) <= 20 and not re.search(r"[.!?" + MASK + r"]$", line)
