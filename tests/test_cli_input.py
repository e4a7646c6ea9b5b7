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


def _deny_reading(monkeypatch, denied) -> None:
    """Make reading the file `denied` raise PermissionError, as for a file without read permission.

    The tests run as root, which reads any file whatever its mode, so the refusal is simulated.
    """
    from pathlib import Path

    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@pytest.mark.parametrize("command", [["clean"], ["quotes"], ["sources"], ["find-copies"]])
def test_unreadable_file_is_a_one_line_error(tmp_path, story_file, monkeypatch, capsys, command):
    (tmp_path / "other.txt").write_text(STORY.replace("Tuesday", "Monday"), encoding="utf-8")
    _deny_reading(monkeypatch, story_file)
    target = tmp_path if command == ["find-copies"] else story_file
    assert main([*command, str(target)]) == 2
    err = _one_line_error(capsys)
    assert f"{story_file} cannot be read (permission denied)" in err


def test_unwritable_report_is_a_one_line_error(tmp_path, story_file, monkeypatch, capsys):
    from pathlib import Path

    def write_text(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", write_text)
    assert main(["compare", str(story_file), str(story_file), "--html", str(tmp_path / "r.html")]) == 2
    assert "r.html: Permission denied" in _one_line_error(capsys)


@pytest.mark.parametrize("option, value", [("--shingle-size", "1000000000"), ("--shingle-size", "0"),
                                           ("--shingle-size", "five"), ("--min-passage-words", "-1")])
def test_compare_numbers_out_of_range_are_refused_before_any_work(story_file, monkeypatch, capsys,
                                                                  option, value):
    def never(*args, **kwargs):
        raise AssertionError("compare ran with an out-of-range option")

    monkeypatch.setattr("newstrace.commands.compare.compare", never)
    with pytest.raises(SystemExit) as info:
        main(["compare", str(story_file), str(story_file), option, value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: expected a whole number from 1 to" in err
    assert "Traceback" not in err
