"""Bad input to the command line and the loaders: one clear line naming the problem, never a traceback."""

from __future__ import annotations

import pytest

from newstrace.cli import main

STORY = (
    "RIVERTON — The city council voted 6-3 on Tuesday to paint protected bike lanes on Main Street.\n"
    "\"This is a safer street for everyone,\" Mayor Dana Ortiz said after the vote.\n"
    "Opponents said the lanes would cost the downtown shops forty parking spaces.\n"
)


@pytest.fixture
def story_file(tmp_path):
    """Return a small plain-text article file."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _one_line_error(capsys) -> str:
    """Return the single stderr line a refused command printed, checking there is no traceback."""
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_compare_html_report_path_that_is_a_folder_is_refused(tmp_path, story_file, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    assert main(["compare", str(story_file), str(story_file), "--html", str(folder)]) == 2
    err = _one_line_error(capsys)
    assert "is a folder" in err and "report.html" in err
    assert list(folder.iterdir()) == []
