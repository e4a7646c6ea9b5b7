"""Loading the case and reading article files: data discovery and clear errors on bad files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newstrace as nt
from newstrace.errors import ArticleError, DataNotFoundError
from newstrace.data import MAX_ARTICLE_BYTES

REPO = Path(__file__).resolve().parent.parent


def test_articles_has_the_three_texts_with_counts(case):
    assert list(case.index) == ["full-text", "short-copy", "re-report"]
    for column in ("id", "label", "file", "text", "words", "paragraphs", "seed_file"):
        assert column in case.columns
    assert case.loc["full-text", "paragraphs"] == 102
    assert (case["words"] == case["catalogue_words"]).all()
    assert (case["paragraphs"] == case["catalogue_paragraphs"]).all()


def test_articles_are_byte_for_byte_the_seeds(case):
    for row in case.itertuples():
        raw = (nt.data_dir() / "articles" / row.file).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row.sha256
        assert raw.decode("utf-8") == row.text


def test_catalogue_marks_unknowns_and_uses_no_original_label(case):
    assert (case["publisher"] == "unknown").all()
    assert (case["date"] == "unknown").all()
    assert not case["label"].str.contains("original", case=False).any()


@pytest.mark.parametrize(
    "relative", [".", "notebooks", "solutions/sourcing", "exercises/sourcing", "autograded/ada/sourcing"]
)
def test_data_found_from_course_folders(tmp_path, monkeypatch, relative):
    course = tmp_path / "course"
    course.mkdir()
    (course / "data").symlink_to(REPO / "data")
    workdir = course / relative
    workdir.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("NEWSTRACE_DATA", raising=False)
    assert nt.data_dir() == course / "data"


def test_env_variable_overrides_data_folder(tmp_path, monkeypatch):
    other = tmp_path / "mydata"
    (other / "articles").mkdir(parents=True)
    (other / "catalogue.csv").write_text((REPO / "data" / "catalogue.csv").read_text())
    monkeypatch.setenv("NEWSTRACE_DATA", str(other))
    assert nt.data_dir() == other.resolve()


def test_env_variable_pointing_nowhere_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTRACE_DATA", str(tmp_path / "missing"))
    with pytest.raises(DataNotFoundError, match="NEWSTRACE_DATA=.*expected catalogue.csv"):
        nt.data_dir()


def test_article_by_id_and_unknown_id(case):
    assert nt.article("re-report") == case.loc["re-report", "text"]
    with pytest.raises(KeyError, match="choose one of full-text"):
        nt.article("the-original")


def test_read_article_returns_exact_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 \u201cquoted\u201d\r\nline two\n".encode())
    assert nt.read_article(path) == "Caf\u00e9 \u201cquoted\u201d\r\nline two\n"


def test_read_article_strips_only_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello world")
    assert nt.read_article(path) == "Hello world"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty: expected the article text"),
        (b"  \n\n\t \n", "is empty: expected the article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("caf\u00e9 ok".encode("latin-1"), "is not UTF-8 text .*re-save it as UTF-8"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as info:
        nt.read_article(path)
    assert str(path) in str(info.value)


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        nt.read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is not a file"):
        nt.read_article(tmp_path)


def test_oversized_file_is_refused_not_truncated(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    with pytest.raises(ArticleError, match="over the 5,000,000-byte limit"):
        nt.read_article(path)


def test_read_folder_reads_every_txt_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second story.")
    (tmp_path / "a.txt").write_text("First story.")
    (tmp_path / "notes.md").write_text("ignored")
    assert nt.read_folder(tmp_path) == {"a": "First story.", "b": "Second story."}


def test_read_folder_refuses_empty_folder_and_bad_member(tmp_path):
    with pytest.raises(ArticleError, match="has no \\*.txt files"):
        nt.read_folder(tmp_path)
    (tmp_path / "a.txt").write_text("Fine.")
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(ArticleError, match="b.txt is empty"):
        nt.read_folder(tmp_path)


def test_module_entry_point_prints_help():
    result = subprocess.run(
        [sys.executable, "-m", "newstrace", "--help"], capture_output=True, text=True, check=True,
        env={**os.environ, "NEWSTRACE_DATA": str(REPO / "data")},
    )
    assert "usage: newstrace" in result.stdout
    assert "clean" in result.stdout


def test_command_line_lists_every_subcommand_and_version():
    result = subprocess.run([sys.executable, "-m", "newstrace", "--help"],
                            capture_output=True, text=True, check=True)
    for command in ("clean", "sources", "quotes", "check-copy", "compare", "find-copies", "grade"):
        assert f"    {command}" in result.stdout
    version = subprocess.run([sys.executable, "-m", "newstrace", "--version"],
                             capture_output=True, text=True, check=True)
    assert version.stdout.strip() == f"newstrace {nt.__version__}"


def test_each_command_module_provides_the_command_its_name_says():
    import importlib

    from newstrace.cli import COMMAND_MODULES, command_name
    for module_name in COMMAND_MODULES:
        assert importlib.import_module(module_name).NAME == command_name(module_name)


def test_a_command_imports_only_what_it_needs():
    script = (
        "import sys; from newstrace.cli import main; "
        "main(['clean', sys.argv[1]]); print('datasketch' in sys.modules, 'nbgrader' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script, str(REPO / "data/articles/full-text.txt")],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "False False"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_read_article_reads_text_saved_with_a_byte_order_mark(tmp_path, encoding):
    text = "Caf\u00e9 owners said \u201cthe lanes help\u201d.\nSecond paragraph, \u00a312m.\n"
    path = tmp_path / "marked.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    assert nt.read_article(path) == text


def test_utf16_without_a_byte_order_mark_is_named_not_called_binary(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes("The council voted on Tuesday.\n".encode("utf-16-le"))
    with pytest.raises(ArticleError, match="looks like UTF-16 text without a byte-order mark: re-save"):
        nt.read_article(path)


def test_binary_data_behind_a_utf16_mark_is_still_refused(tmp_path):
    path = tmp_path / "fake.txt"
    path.write_bytes(b"\xff\xfe" + "\x01\x02\x03\x1b".encode("utf-16-le") * 50)
    with pytest.raises(ArticleError, match="looks like a binary file"):
        nt.read_article(path)
