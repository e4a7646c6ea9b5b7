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


PAGE = """<!DOCTYPE html>
<html><head><title>Council approves bike lanes | Riverton Ledger</title>
<script>var promo = "We will never stop," said the pop-up; trackVisit("home");</script>
<style>p { margin: 0 }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council approves bike lanes</h1>
<p>RIVERTON &mdash; The city council voted 6-3 on Tuesday to paint protected bike lanes on Main Street, ending a two-year fight over the downtown corridor.</p>
<p>"This is a safer street for everyone," Mayor Dana Ortiz said after the vote. The lanes will run from the river bridge to the rail station.</p>
<p>Opponents said the lanes would cost downtown shops forty parking spaces. Work is due to start in August.</p>
</article><footer>Copyright 2024 Riverton Ledger</footer></body></html>
"""


@pytest.fixture
def page_file(tmp_path):
    """Return an HTML page holding a three-paragraph story, a script with a quotation and a menu."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_html_page_is_read_as_its_story_text(page_file):
    import newstrace as nt

    text = nt.read_article(page_file)
    assert text.startswith("Council approves bike lanes\nRIVERTON \u2014 The city council voted 6-3")
    assert "Mayor Dana Ortiz said" in text
    for markup in ("<p>", "trackVisit", "We will never stop", "Sport", "margin"):
        assert markup not in text


def test_quotes_of_an_html_page_come_from_the_story_not_its_script(page_file, capsys):
    assert main(["quotes", "--csv", str(page_file)]) == 0
    captured = capsys.readouterr()
    assert "This is a safer street for everyone" in captured.out
    assert "We will never stop" not in captured.out
    assert "is an HTML page: reading the story text extracted from it by trafilatura" in captured.err


def test_html_page_without_trafilatura_is_refused_saying_how_to_save_text(page_file, monkeypatch, capsys):
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)  # as if the extra were absent
    assert main(["clean", str(page_file)]) == 2
    err = _one_line_error(capsys)
    assert "is an HTML page: install the HTML extra" in err
    assert "pip install 'newstrace[html]'" in err and "save it as a UTF-8 .txt file" in err


@pytest.mark.parametrize("text", [
    "The council heard that <br> tags broke the old city website.\nNo one else spoke.\n",
    "Residents wrote 'a <b>bold</b> plan' on a banner.\n",
])
def test_an_article_that_mentions_markup_is_still_plain_text(tmp_path, text):
    import newstrace as nt

    path = tmp_path / "mentions.txt"
    path.write_text(text, encoding="utf-8")
    assert nt.read_article(path) == text


PUNCTUATION = "\n".join([
    "\"!!!\" ... ??? \"\" '' -- ;;",
    ".(';'???)!,'?\"!!(\"?;,(':\"\"\")-\"!),!\"-,??-,:,),?;\"!-)'.);':-!-),;;(?-!(\"?,!!).:-):'?)",
    "* ,('*#&,.$:;$.-;#.@(( \"%(\"#--?$$*@ $?:$(*%,@?&,%$@$.&$**:;?:%$#:%\"",
    "...", "!!!", "?? -- ;;",
]) + "\n"


def test_punctuation_only_file_has_no_quotes_and_no_claims(tmp_path, capsys):
    import newstrace as nt

    assert nt.extract_quotes(PUNCTUATION).empty
    assert nt.attribution_diff(PUNCTUATION, PUNCTUATION).empty
    path = tmp_path / "punctuation.txt"
    path.write_text(PUNCTUATION, encoding="utf-8")
    assert main(["quotes", str(path)]) == 0
    assert "No quotations found" in capsys.readouterr().out
    assert main(["check-copy", str(path), str(path)]) == 0
    assert capsys.readouterr().out.strip() == "The copy has no quotes or claims to check."


def test_a_file_checked_against_itself_is_all_same(tmp_path, capsys):
    import newstrace as nt

    text = STORY + "It is.\nSo it was...\nAnd then? Yes!\n"
    diff = nt.attribution_diff(text, text)
    assert set(diff["status"]) <= {"same", "verbatim quote"}, diff[["copy_text", "status"]]
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check-copy", str(path), str(path)]) == 0
    assert "no close original" not in capsys.readouterr().out


def _case_file(name: str):
    """Return the path of one of the case's article files."""
    import newstrace as nt

    return nt.data_dir() / "articles" / name


def test_quotes_of_a_page_capture_come_from_its_cleaned_story(capsys):
    page = _case_file("re-report-page.txt")
    assert main(["quotes", str(page)]) == 0
    captured = capsys.readouterr()
    assert "reading its cleaned story, page clutter set aside" in captured.err
    assert "--raw reads the file as it is" in captured.err
    assert "kill all" not in captured.out  # a related-article headline, not a quote of the story
    assert "para = paragraph number in the cleaned story, counted from 1" in captured.out
    assert main(["quotes", "--raw", str(page)]) == 0
    raw = capsys.readouterr()
    assert raw.out.count("kill all") == 3 and "page clutter" not in raw.err


def test_commands_number_paragraphs_of_the_cleaned_story_from_1(capsys):
    import newstrace as nt

    page = _case_file("re-report-page.txt")
    story = nt.clean(nt.read_article(page)).paragraphs
    first_quote = nt.extract_quotes("\n".join(story)).iloc[0]
    assert main(["quotes", "--csv", str(page)]) == 0
    csv_row = capsys.readouterr().out.splitlines()[1]
    assert csv_row.endswith(f",{first_quote.paragraph}")  # CSV keeps the 0-based index
    assert main(["quotes", str(page)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split()[0] == str(first_quote.paragraph + 1)
    assert first_quote.quote in story[first_quote.paragraph]


def test_sources_of_a_page_capture_keep_the_caption_credit(capsys):
    assert main(["sources", str(_case_file("re-report-page.txt"))]) == 0
    out = capsys.readouterr().out
    assert "Credits to outlets and media (4)" in out
    assert "(Screenshot from ISIS video)" in out and "'-' for a picture caption" in out


def test_plain_article_is_read_as_it_is_without_a_note(story_file, capsys):
    assert main(["quotes", str(story_file)]) == 0
    assert capsys.readouterr().err == ""
