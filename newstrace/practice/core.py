"""Try it exercises: a check that explains, a hint, then a worked answer, and a record of which were seen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

Checker = Callable[[object], "str | None"]
"""Return None when the student's value is right, else what is wrong and what to try."""


@dataclass(frozen=True)
class Exercise:
    """One Try it exercise: what to do, how to check it, a hint and a worked answer."""

    key: str
    task: str
    checker: Checker
    hint: str
    worked_answer: str


@dataclass
class Feedback:
    """The verdict on one attempt: solved or not, and the message shown to the student."""

    key: str
    solved: bool
    message: str

    def __str__(self) -> str:
        """Return the message as shown under the cell."""
        return self.message


@dataclass
class Progress:
    """What a student has revealed and solved in this kernel, exercise by exercise."""

    hints: set[str] = field(default_factory=set)
    answers: set[str] = field(default_factory=set)
    solved: dict[str, str] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)


EXERCISES: dict[str, Exercise] = {}
PROGRESS = Progress()
NOT_ANSWERED = "Not answered yet: replace the `...` with your code, then run the cell again."


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the catalogue (keys are unique) and return it."""
    if exercise.key in EXERCISES:
        raise ValueError(f"Try it {exercise.key} is defined twice")
    EXERCISES[exercise.key] = exercise
    return exercise


def _exercise(key: str) -> Exercise:
    """Return the exercise with this key, or raise a one-line error naming the known keys."""
    if key not in EXERCISES:
        raise KeyError(f"there is no Try it {key!r}; the exercises are {', '.join(EXERCISES)}")
    return EXERCISES[key]


def how_solved(key: str, progress: Progress = PROGRESS) -> str:
    """Return 'on your own', 'with a hint' or 'after reading the worked answer'."""
    if key in progress.answers:
        return "after reading the worked answer"
    if key in progress.hints:
        return "with a hint"
    return "on your own"


def feedback(key: str, value: object, progress: Progress = PROGRESS) -> Feedback:
    """Check a student's value for exercise `key`, record the attempt, and return the feedback."""
    exercise = _exercise(key)
    if value is Ellipsis:
        return Feedback(key, False, f"Try it {key}: {NOT_ANSWERED}")
    progress.attempts[key] = progress.attempts.get(key, 0) + 1
    try:
        problem = exercise.checker(value)
    except Exception as error:  # a value of an unexpected kind: explain instead of a traceback
        problem = (f"your answer is a {type(value).__name__}, which this check cannot use "
                   f"({type(error).__name__}: {error}). Re-read the task: {exercise.task}")
    if problem:
        return Feedback(key, False, f"Try it {key}: not yet. {problem}\n"
                                    f"Stuck? Run practice.hint({key!r}).")
    progress.solved.setdefault(key, how_solved(key, progress))
    return Feedback(key, True, f"Try it {key}: right, solved {progress.solved[key]}.")


def check(key: str, value: object) -> None:
    """Print the feedback on a student's value for exercise `key` (the cell a student runs)."""
    print(feedback(key, value))


def hint(key: str, progress: Progress = PROGRESS) -> None:
    """Print the hint for exercise `key` and record that it was revealed."""
    progress.hints.add(key)
    print(f"Hint for Try it {key}: {_exercise(key).hint}")


def answer(key: str, progress: Progress = PROGRESS) -> None:
    """Print the worked answer for exercise `key`, once its hint has been seen, and record it."""
    if key not in progress.hints:
        print(f"Try the hint first: run practice.hint({key!r}). Then, if you are still stuck, "
              f"practice.answer({key!r}) shows a worked answer.")
        return
    progress.answers.add(key)
    print(f"A worked answer for Try it {key} (other answers can be right too):\n\n"
          f"{_exercise(key).worked_answer}")


def progress_table(progress: Progress = PROGRESS) -> pd.DataFrame:
    """Return one row per exercise tried: attempts, hint seen, answer seen, and how it was solved."""
    keys = [key for key in EXERCISES if key in progress.attempts or key in progress.hints]
    return pd.DataFrame({
        "exercise": keys,
        "attempts": [progress.attempts.get(key, 0) for key in keys],
        "hint": [key in progress.hints for key in keys],
        "worked answer": [key in progress.answers for key in keys],
        "solved": [progress.solved.get(key, "not yet") for key in keys],
    })
