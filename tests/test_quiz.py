"""The pre/post check: items and forms, answer files, printable pages and `newstrace quiz-report`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace import quiz
from newstrace.cli import main

OBJECTIVES, ITEMS = quiz.load_items()
KEY = quiz.load_key()


def test_two_parallel_forms_of_ten_items_two_per_objective():
    for form in quiz.FORMS:
        items = [item for item in ITEMS if item["form"] == form]
        assert len(items) == 10
        per_objective = {o: sum(i["objective"] == o for i in items) for o in OBJECTIVES}
        assert set(per_objective.values()) == {2}
    a = [i["objective"] for i in ITEMS if i["form"] == "A"]
    b = [i["objective"] for i in ITEMS if i["form"] == "B"]
    assert a == b, "item n of form B tests the same objective as item n of form A"
    assert {i["prompt"] for i in ITEMS if i["form"] == "A"}.isdisjoint(i["prompt"] for i in ITEMS if i["form"] == "B")


def test_key_covers_every_item_and_stays_out_of_student_files():
    assert set(KEY) == {item["id"] for item in ITEMS}
    assert all(KEY[item["id"]] in item["choices"] for item in ITEMS)
    student_side = (quiz.ITEMS_FILE.read_text(encoding="utf-8")
                    + "".join(p.read_text(encoding="utf-8") for p in quiz.ITEMS_FILE.parent.glob("*.md"))
                    + "".join(p.read_text(encoding="utf-8") for p in quiz.ITEMS_FILE.parent.glob("*.ipynb")))
    assert "quiz-key" not in student_side.replace("guide/quiz-key.json", "")
    assert '"key"' not in student_side
    letters = [KEY[i["id"]] for i in ITEMS]
    assert len(set(letters)) == 4, "right answers are spread over the letters"


@pytest.mark.parametrize("form", quiz.FORMS)
def test_printable_pages_are_current(form):
    page = quiz.ITEMS_FILE.parent / f"form-{form.lower()}.md"
    assert page.read_text(encoding="utf-8") == quiz.printable(form), "run: python -m newstrace.quiz"


def _write(folder: Path, student: str, form: str, moment: str, right: int) -> None:
    """Write an answer file with the first `right` items of the form answered correctly, the rest wrong."""
    answers = {}
    for n, item in enumerate(i for i in ITEMS if i["form"] == form):
        wrong = next(letter for letter in item["choices"] if letter != KEY[item["id"]])
        answers[item["id"]] = KEY[item["id"]] if n < right else wrong
    quiz.save_answers(quiz.answer_record(student, form, moment, answers), folder)


@pytest.fixture()
def made_up_class(tmp_path: Path) -> Path:
    """Return a folder with three students, one missing post-test file and one corrupted file."""
    _write(tmp_path, "Ada", "A", "pre", 2)
    _write(tmp_path, "Ada", "B", "post", 10)
    _write(tmp_path, "Ben", "B", "pre", 4)
    _write(tmp_path, "Ben", "A", "post", 6)
    _write(tmp_path, "Cleo", "A", "pre", 0)          # Cleo's post-test file is missing
    (tmp_path / "check-dev-post.json").write_text('{"quiz": "newstrace-check", "stud', encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    return tmp_path


def test_report_shares_per_objective_before_and_after(made_up_class: Path):
    report = quiz.class_report(made_up_class, KEY)
    # Pre: Ada 2 right (items 1-2: sources), Ben 4 (sources, attribution), Cleo 0.
    assert report.table.loc["sources", "pre"] == pytest.approx(4 / 6)
    assert report.table.loc["attribution", "pre"] == pytest.approx(2 / 6)
    assert report.table.loc["copies", "pre"] == 0
    # Post: Ada all right, Ben 6 (sources, attribution, misattribution).
    assert report.table.loc["misattribution", "post"] == 1.0
    assert report.table.loc["confidence", "post"] == pytest.approx(0.5)
    assert report.table.loc["sources", "change"] == pytest.approx(1 - 4 / 6)


def test_bad_and_missing_files_are_listed_not_dropped(made_up_class: Path):
    report = quiz.class_report(made_up_class, KEY)
    bad = dict(report.bad_files)
    assert "not readable JSON" in bad["check-dev-post.json"]
    assert bad["notes.json"] == "not a newstrace check answer file"
    assert report.missing == ["Cleo: no post-test file"]
    text = report.text()
    assert "check-dev-post.json" in text and "Cleo: no post-test file" in text
    assert "3 pre, 2 post" in text


def test_same_form_twice_and_foreign_answers_are_flagged(tmp_path: Path):
    _write(tmp_path, "Dee", "A", "pre", 3)
    _write(tmp_path, "Dee", "A", "post", 5)
    (tmp_path / "odd.json").write_text(json.dumps(quiz.answer_record("Eve", "A", "pre", {"B1": "a"})))
    report = quiz.class_report(tmp_path, KEY)
    assert report.missing == ["Dee: took form A twice (the post-test should be the other form)"]
    assert report.bad_files == [("odd.json", "answers to items not on form A: B1")]


def test_command_prints_the_report_and_writes_a_chart_with_alt_text(made_up_class: Path, capsys):
    assert main(["quiz-report", str(made_up_class)]) == 0
    out = capsys.readouterr().out
    assert "sources" in out and "+33%" in out and "Files not used (2)" in out and "Missing (1)" in out
    alt = (made_up_class / "quiz-report.png.alt.txt").read_text(encoding="utf-8")
    assert "sources: 67% before, 100% after" in alt
    assert (made_up_class / "quiz-report.png").read_bytes().startswith(b"\x89PNG")


def test_command_refuses_a_missing_folder_with_one_line(tmp_path: Path, capsys):
    assert main(["quiz-report", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "is not a folder" in err


def test_an_empty_class_reports_no_answers(tmp_path: Path):
    report = quiz.class_report(tmp_path, KEY)
    assert report.table[["pre", "post"]].isna().all().all()
    assert "no answers" in quiz.report_chart(report).alt


def test_save_refuses_an_unusable_record(tmp_path: Path):
    with pytest.raises(ValueError, match="no student name"):
        quiz.save_answers(quiz.answer_record(" ", "A", "pre", {}), tmp_path)


def test_widget_saves_the_chosen_answers(tmp_path: Path):
    widget = quiz.take_check(tmp_path)
    name, form, moment, questions, button, status = widget.children
    name.value, moment.value = "Fay Example", "post"
    questions.children[0].children[1].value = "a"
    button.click()
    saved = json.loads((tmp_path / "check-fay-example-post.json").read_text(encoding="utf-8"))
    assert saved["answers"] == {"A1": "a"} and saved["form"] == "A"
    assert "9 left blank" in status.value and "right" not in status.value.lower()


def test_the_quiz_notebook_runs_and_shows_the_widget():
    from newstrace import course

    notebook = course.execute_notebook(quiz.ITEMS_FILE.parent / "pre-post-check.ipynb")
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
