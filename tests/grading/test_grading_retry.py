"""A submission whose kernel dies is graded once more, so an infrastructure hiccup costs no marks."""

from __future__ import annotations

import importlib
from pathlib import Path

autograde = importlib.import_module("newstrace.grading.autograde")


def _task(tmp_path: Path) -> object:
    """Return a task whose private course folder already holds a first attempt's files."""
    (tmp_path / "course" / "leftover").mkdir(parents=True)
    return autograde.Task("ada", "sourcing", tmp_path / "sub", tmp_path / "src", tmp_path / "db",
                          tmp_path, (), False)


def _scripted(monkeypatch, errors: list[str]) -> list[bool]:
    """Make autograde_once return the given errors in turn; return a log of course-folder states."""
    seen: list[bool] = []

    def fake_once(config, task, timeout, max_chars):
        seen.append((task.workdir / "course" / "leftover").exists())
        return autograde.Outcome(task.student, task.assignment, None, errors[len(seen) - 1])

    monkeypatch.setattr(autograde, "autograde_once", fake_once)
    return seen


def test_a_kernel_that_died_once_is_graded_again_from_a_fresh_copy(tmp_path, monkeypatch):
    seen = _scripted(monkeypatch, [autograde.KERNEL_DIED, ""])
    outcome = autograde.autograde_task(None, _task(tmp_path), 30, 1000)
    assert outcome.error == "" and outcome.attempts == 2
    assert seen == [True, False]  # the second attempt starts without the first one's files


def test_a_submission_that_ends_its_kernel_keeps_its_error(tmp_path, monkeypatch):
    seen = _scripted(monkeypatch, [autograde.KERNEL_DIED, autograde.KERNEL_DIED])
    outcome = autograde.autograde_task(None, _task(tmp_path), 30, 1000)
    assert outcome.error == autograde.KERNEL_DIED and outcome.attempts == 2
    assert len(seen) == 2


def test_other_failures_are_not_retried(tmp_path, monkeypatch):
    seen = _scripted(monkeypatch, ["interrupted at the per-cell time limit"])
    outcome = autograde.autograde_task(None, _task(tmp_path), 30, 1000)
    assert outcome.error.startswith("interrupted") and outcome.attempts == 1
    assert len(seen) == 1


def test_grades_csv_says_when_a_second_attempt_was_needed():
    from newstrace.grading.pipeline import SECOND_ATTEMPT, note_attempts

    assert note_attempts("3 points wait for manual grading", 1) == "3 points wait for manual grading"
    assert note_attempts("3 points wait for manual grading", 2).endswith("; " + SECOND_ATTEMPT)
    assert note_attempts("", 2) == SECOND_ATTEMPT
