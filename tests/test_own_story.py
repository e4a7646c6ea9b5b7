"""The own-story capture check: clear messages for empty, HTML, short, non-UTF-8 and single captures."""

from __future__ import annotations

from pathlib import Path

from newstrace.own_story import check_captures, looks_like_html, report_captures

ARTICLE = " ".join(["The council met on Monday and voted on the plan for the new park."] * 12)


def _problems(folder: Path) -> list[str]:
    """Return the problems of a folder as strings."""
    return [str(problem) for problem in check_captures(folder)]


def test_two_plain_text_versions_are_ready(tmp_path: Path, capsys):
    (tmp_path / "original.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE.upper(), encoding="utf-8")
    assert check_captures(tmp_path) == []
    assert report_captures(tmp_path) is True
    assert "Ready: 2 versions" in capsys.readouterr().out


def test_each_bad_file_gets_its_own_message(tmp_path: Path):
    (tmp_path / "a-empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "b-page.txt").write_text("<!DOCTYPE html><html><body><p>" + ARTICLE + "</p></body></html>")
    (tmp_path / "c-teaser.txt").write_text("Council votes on park plan", encoding="utf-8")
    (tmp_path / "d-latin1.txt").write_bytes(ARTICLE.replace("the", "caf\xe9").encode("latin-1"))
    (tmp_path / "e-good.txt").write_text(ARTICLE, encoding="utf-8")
    problems = _problems(tmp_path)
    assert problems[0].startswith("a-empty.txt: the file is empty")
    assert problems[1].startswith("b-page.txt: HTML markup instead of plain text - open the page in reader view")
    assert problems[2].startswith("c-teaser.txt: only 5 words")
    assert problems[3].startswith("d-latin1.txt: the file is not UTF-8 text")
    assert problems[4].startswith("1 usable version of the story - ")
    assert len(problems) == 5


def test_one_version_only_is_refused(tmp_path: Path, capsys):
    (tmp_path / "only.txt").write_text(ARTICLE, encoding="utf-8")
    assert _problems(tmp_path) == ["1 usable version of the story - the project compares versions: capture "
                                   "at least two (the original and a copy or re-report)"]
    assert report_captures(tmp_path) is False
    assert "Not ready yet (1 problem)" in capsys.readouterr().out


def test_missing_folder_and_empty_folder(tmp_path: Path):
    assert "is not a folder" in _problems(tmp_path / "nowhere")[0]
    assert _problems(tmp_path)[0].startswith("0 usable versions")


def test_html_detection_spares_text_that_mentions_a_tag():
    assert looks_like_html("<div class='a'><p>x</p><span>y</span></div>")
    assert not looks_like_html("The site's <p> tag was mentioned once in this plain-text story.")
