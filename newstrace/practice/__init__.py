"""Classroom practice: Try it exercises with explaining checks, hints and worked answers, and reading aids.

In a lesson:

    from newstrace import practice
    anonymous = ...                      # the student's one to six lines
    practice.check("2.1", anonymous)     # says what is wrong and what to try, or "right"
    practice.hint("2.1")                 # then, if still stuck:
    practice.answer("2.1")               # a worked answer (only after the hint)
    practice.progress_table()            # which were solved on one's own, with a hint, or after the answer

`show` and `numbered` print paragraphs and tables with the course's one paragraph numbering (from 1).
`EvidenceLog` is the lateral-reading lesson's log, saved to a CSV file the student hands in.
"""

from newstrace.practice import exercises as _exercises  # noqa: F401  (importing it registers the exercises)
from newstrace.practice.core import (
    EXERCISES,
    PROGRESS,
    Exercise,
    Feedback,
    Progress,
    answer,
    check,
    feedback,
    hint,
    how_solved,
    progress_table,
)
from newstrace.practice.lateral import CONFIDENCE_LEVELS, EvidenceLog, EvidenceLogError
from newstrace.practice.reading import numbered, show

__all__ = [
    "CONFIDENCE_LEVELS", "EXERCISES", "PROGRESS", "EvidenceLog", "EvidenceLogError", "Exercise",
    "Feedback", "Progress", "answer", "check", "feedback", "hint", "how_solved", "numbered",
    "progress_table", "show",
]
