"""Which text goes first: a hint when the second text of a comparison holds the first.

`compare(original, copy)` asks how much of the copy derives from the original, so the order matters.
Given a short copy first and the full text it was cut from second, it measures how much of the
full text lies in the short copy: little, so the pair reads as a loose rewrite, while the other
order finds an edited copy. The texts themselves show when that may have happened: the second holds
nearly all of the first, and much more of the first than the first holds of the second.

The rule, on `shingle_size`-word shingles (`Comparison.original_in_copy` and `containment`):
at least ORDER_HINT_MIN_HELD of the original's shingles are in the copy, and that share is at least
ORDER_HINT_MARGIN above the share of the copy's shingles in the original. The hint does not say the
order is wrong: a copy that runs a whole story and adds paragraphs of its own holds the original
too. It names both shares and suggests the other order, for the reader to judge (`nt.lineage`
weighs which came first).

ORDER_HINT_MIN_HELD 0.8 and ORDER_HINT_MARGIN 0.2 were set on the case and the invented regression
pairs: a cut-down copy given first holds 0.98 of itself in the full text against 0.27 the other way;
a page capture and its article (0.96 / 0.97), a copy in another house style (0.75 / 0.75) and a
re-report (0.23 / 0.02 and 0.47 / 0.24) get no hint.
"""

from __future__ import annotations

ORDER_HINT_MIN_HELD = 0.8
ORDER_HINT_MARGIN = 0.2


def second_holds_first(original_in_copy: float, copy_in_original: float) -> bool:
    """Return True if the copy holds nearly all of the original and much more than the reverse."""
    return original_in_copy >= ORDER_HINT_MIN_HELD and original_in_copy - copy_in_original >= ORDER_HINT_MARGIN


def order_hint(original_in_copy: float, copy_in_original: float, shingle_size: int) -> str:
    """Return a sentence suggesting the other order when the copy holds the original, else ""."""
    if not second_holds_first(original_in_copy, copy_in_original):
        return ""
    return (f"the copy holds {original_in_copy:.0%} of the original's {shingle_size}-word phrases, and the "
            f"original only {copy_in_original:.0%} of the copy's: the text given as the original may be a "
            "shorter version cut from the copy; if so, compare them the other way round")
