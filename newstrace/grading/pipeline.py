"""Grade a class: pre-check, confined parallel autograding, sequential gradebook merge, feedback, grades.csv."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades
from sqlalchemy.exc import SAWarning
from traitlets.config import Config

from newstrace.grading.autograde import (
    DEFAULT_MAX_OUTPUT_CHARS,
    UNINTERRUPTIBLE,
    Outcome,
    Task,
    private_tempdir,
    read_autograded,
    run_tasks,
    timed_out_cells,
)
from newstrace.grading.course import (
    Reference,
    assignments,
    build_reference,
    db_url,
    folder,
    load_config,
    source_dir,
    submissions,
    submitted_dir,
)
from newstrace.grading.engines import share_gradebook_engines
from newstrace.grading.feedback import write_feedback, write_notice
from newstrace.grading.gradesheet import GradeRow, gradebook_points, read_grades, write_grades
from newstrace.grading.precheck import OK, REVIEW, one_line, precheck_submission
from newstrace.grading.rubrics import show_rubrics
from newstrace.grading.sandbox import Limits, check_limits, detect_confinement

GRADES_FILE = "grades.csv"
SECOND_ATTEMPT = "graded on a second attempt: the kernel stopped during the first"
DEFAULT_TIMEOUT = 30


@dataclass(frozen=True)
class GradeOptions:
    """What to grade and how."""

    assignments: tuple[str, ...] = ()  # empty: every assignment in the source folder
    students: tuple[str, ...] = ()  # empty: every student with a submission
    jobs: int = 1
    timeout: int | None = None  # seconds per cell; None: the course config's, else 30
    show_hidden_tests: bool = False
    sandbox: str = "auto"  # "auto", "bwrap" or "none"
    limits: Limits = field(default_factory=Limits)
    max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS
    grades_file: str = GRADES_FILE


Log = Callable[[str], None]


def cell_timeout(config: Config, options: GradeOptions) -> int:
    """Return the per-cell timeout: the option, else the course config's, else 30 s."""
    if options.timeout is not None:
        return options.timeout
    for section in ("Execute", "ExecutePreprocessor"):
        value = config[section].get("timeout") if section in config else None
        if isinstance(value, int):
            return value
    return DEFAULT_TIMEOUT


def grade_course(course_root: Path, options: GradeOptions, log: Log = print) -> list[GradeRow]:
    """Grade every selected submission of the course; return the rows written to grades.csv."""
    warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader's harmless first-grading noise
    share_gradebook_engines()
    config = load_config(course_root.resolve())
    confinement = detect_confinement(options.sandbox)
    check_limits(confinement.kind, options.limits)
    log(f"student code confinement: {confinement.description}")
    names = list(options.assignments) or assignments(config)
    workdir = private_tempdir()
    rows: list[GradeRow] = []
    try:
        references = {a: build_reference(config, a, workdir) for a in names}
        tasks = plan(config, references, options, workdir, rows, log)
        reviews = {(t.student, t.assignment): t.review for t in tasks if t.review}
        suspects = {(t.student, t.assignment): t.suspect for t in tasks if t.suspect}
        notes = {(t.student, t.assignment): t.note for t in tasks if t.note}
        settings = (
            confinement.kind,
            options.limits,
            str(workdir),
            cell_timeout(config, options),
            options.max_output_chars,
        )

        def finish(outcome: Outcome) -> None:
            """Merge one autograded submission as soon as its worker is done."""
            try:
                row = record_outcome(config, references[outcome.assignment], outcome, options)
                key = (outcome.student, outcome.assignment)
                earned = suspects.get(key) if row.score > 0 else None
                review = "; ".join(filter(None, [reviews.get(key), outcome.review, suspected(earned)]))
                if review and outcome.autograded is not None and not outcome.worker_lost:
                    row = withhold_for_review(config, references[outcome.assignment], row, review)
                note = notes.get(key)
                if note:
                    row = replace(row, message="; ".join(filter(None, [row.message, note])))
            except Exception as err:  # noqa: BLE001 - one bad submission must not stop the class
                row = kept_row(config, outcome.student, outcome.assignment, f"not recorded: {one_line(err)}")
            rows.append(row)
            log(describe(row))

        run_tasks(config, tasks, options.jobs, settings, finish)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    write_grades(Path(config.CourseDirectory.root) / options.grades_file, rows)
    return sorted(rows, key=lambda r: (r.assignment, r.student))


def refresh_feedback(course_root: Path, options: GradeOptions, log: Log = print) -> list[GradeRow]:
    """Rewrite feedback and grades.csv rows from the gradebook, without autograding (after manual grading)."""
    warnings.filterwarnings("ignore", category=SAWarning)
    share_gradebook_engines()
    config = load_config(course_root.resolve())
    earlier = {
        (r.student, r.assignment): r
        for r in read_grades(Path(config.CourseDirectory.root) / options.grades_file)
    }
    workdir = private_tempdir()
    rows: list[GradeRow] = []
    try:
        for assignment in list(options.assignments) or assignments(config):
            reference = build_reference(config, assignment, workdir)
            for student in submissions(config, assignment):
                row = refreshed_row(
                    config, reference, student, options, earlier.get((student, assignment))
                )
                if row is not None:
                    rows.append(row)
                    log(describe(row))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    write_grades(Path(config.CourseDirectory.root) / options.grades_file, rows)
    return sorted(rows, key=lambda r: (r.assignment, r.student))


def refreshed_row(
    config: Config,
    reference: Reference,
    student: str,
    options: GradeOptions,
    earlier: GradeRow | None,
) -> GradeRow | None:
    """Rewrite one autograded submission's feedback; return its updated row (None: not autograded)."""
    if options.students and student not in options.students:
        return None
    autograded = course_folder(
        config, "autograded_directory", "autograded", student, reference.assignment
    )
    if not autograded.is_dir() or earlier is None or earlier.status not in ("ok", "timeout"):
        return None
    secrets = reference.secret_lines(options.show_hidden_tests)
    problem = write_feedback(
        config, student, reference.assignment, secrets, options.show_hidden_tests
    )
    score, max_score, pending = gradebook_points(db_url(config), student, reference.assignment)
    status, message = (earlier.status, earlier.message) if not problem else ("error", problem)
    if status == "ok":
        message = f"{pending:g} points wait for manual grading" if pending else ""
    return GradeRow(student, reference.assignment, score, max_score, pending, status, message)


def plan(
    config: Config,
    references: dict[str, Reference],
    options: GradeOptions,
    workdir: Path,
    rows: list[GradeRow],
    log: Log,
) -> list[Task]:
    """Pre-check every submission: record rejected ones now, return tasks for the rest."""
    tasks = []
    for assignment, reference in references.items():
        for student in submissions(config, assignment):
            if options.students and student not in options.students:
                continue
            submission = submitted_dir(config) / student / assignment
            verdict = precheck_submission(submission, reference.releases)  # never raises
            if verdict.status in (OK, REVIEW):
                task_dir = workdir / "tasks" / f"{assignment}--{student}"
                source = source_dir(config) / assignment
                tasks.append(
                    Task(
                        student,
                        assignment,
                        submission,
                        source,
                        reference.template_db,
                        task_dir,
                        secrets=reference.secret_lines(options.show_hidden_tests),
                        show_hidden_tests=options.show_hidden_tests,
                        files=verdict.files,
                        review=verdict.message if verdict.status == REVIEW else "",
                        note=verdict.note,
                        suspect=verdict.suspect,
                    )
                )
                continue
            row = record_rejection(config, reference, student, verdict.status, verdict.message)
            rows.append(row)
            log(describe(row))
    return tasks


def suspected(where: str | None) -> str:
    """Return why special methods of the student's own hold a submission that earned test points."""
    if not where:
        return ""
    return (
        "held for review: its own classes define special methods that decide what a comparison "
        f"or truth test says, and it earned test points ({where})"
    )


def withhold_for_review(config: Config, reference: Reference, row: GradeRow, reason: str) -> GradeRow:
    """Withhold an autograded submission's points until a person looks: its code may change the tests.

    Its automatic grades are set to 0 and marked for manual grading (formgrader lists them, with
    the autograded notebook as evidence); manual grades stay; its feedback says it is held.
    """
    student, assignment = row.student, reference.assignment
    with Gradebook(db_url(config)) as gb:
        for notebook in gb.find_submission(assignment, student).notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code":
                    grade.auto_score = 0
                    grade.needs_manual_grade = grade.manual_score is None
        gb.db.commit()
    write_notice(config, student, assignment, sorted(reference.releases), reason, held=True)
    score, max_score, pending = gradebook_points(db_url(config), student, assignment)
    message = f"{reason}; the autograder gave {row.score:g}/{row.max_score:g}"
    return GradeRow(student, assignment, score, max_score, pending, REVIEW, message)


def kept_row(config: Config, student: str, assignment: str, message: str) -> GradeRow:
    """Return an `error` row that leaves the submission's earlier results (gradebook, files) as they were."""
    score, max_score, pending = gradebook_points(db_url(config), student, assignment)
    return GradeRow(student, assignment, score, max_score, pending, "error", f"{message}; earlier results kept")


def describe(row: GradeRow) -> str:
    """Return a one-line progress report for a graded submission."""
    text = f"{row.assignment}/{row.student}: {row.status} {row.score:g}/{row.max_score:g}"
    return f"{text} ({row.message})" if row.message else text


def course_folder(config: Config, key: str, default: str, student: str, assignment: str) -> Path:
    """Return <course>/<folder>/<student>/<assignment>."""
    return Path(config.CourseDirectory.root) / folder(config, key, default) / student / assignment


def clear_outputs(config: Config, student: str, assignment: str) -> None:
    """Remove earlier autograded copies and feedback of a submission (a re-run starts clean)."""
    for key, default in (
        ("autograded_directory", "autograded"),
        ("feedback_directory", "feedback"),
    ):
        shutil.rmtree(course_folder(config, key, default, student, assignment), ignore_errors=True)


def record_rejection(
    config: Config, reference: Reference, student: str, status: str, message: str
) -> GradeRow:
    """Give a submission that could not be graded 0 in the gradebook, a notice, and its row."""
    clear_outputs(config, student, reference.assignment)
    zero_grades(db_url(config), student, reference.assignment)
    write_notice(config, student, reference.assignment, sorted(reference.releases), message)
    score, max_score, pending = gradebook_points(db_url(config), student, reference.assignment)
    return GradeRow(student, reference.assignment, score, max_score, pending, status, message)


def record_outcome(
    config: Config, reference: Reference, outcome: Outcome, options: GradeOptions
) -> GradeRow:
    """Merge a worker's autograded submission into the course and return its row."""
    student, assignment = outcome.student, outcome.assignment
    if outcome.worker_lost:
        return kept_row(config, student, assignment, f"not graded: {outcome.error} twice")
    if outcome.autograded is None:
        error = outcome.error if outcome.attempts == 1 else f"{outcome.error} (twice)"
        status = "timeout" if outcome.error == UNINTERRUPTIBLE else "error"
        return record_rejection(config, reference, student, status, error)
    target = course_folder(config, "autograded_directory", "autograded", student, assignment)
    notebooks = read_autograded(outcome.autograded, reference.releases)
    save_autogrades(config, student, assignment, notebooks)  # manual grades and comments stay
    show_rubrics(db_url(config), student, assignment, reference.sources)
    replace_folder(outcome.autograded, target)
    feedback = course_folder(config, "feedback_directory", "feedback", student, assignment)
    problem = ""
    if outcome.feedback is not None:  # written by the worker from a snapshot of this gradebook
        replace_folder(outcome.feedback, feedback)
    else:
        secrets = reference.secret_lines(options.show_hidden_tests)
        problem = write_feedback(config, student, assignment, secrets, options.show_hidden_tests)
    status, message = judge(notebooks)
    if problem:
        status, message = "error", f"feedback could not be written: {problem}"
    score, max_score, pending = gradebook_points(db_url(config), student, assignment)
    if pending and status == "ok":
        message = f"{pending:g} points wait for manual grading"
    return GradeRow(
        student, assignment, score, max_score, pending, status, note_attempts(message, outcome.attempts)
    )


def replace_folder(source: Path, target: Path) -> None:
    """Put a copy of `source` at `target`, swapping it in only once the copy is complete."""
    fresh, old = target.with_name(target.name + ".new"), target.with_name(target.name + ".old")
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(source, fresh)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def note_attempts(message: str, attempts: int) -> str:
    """Return a row's message, adding that it took a second attempt when it did."""
    return "; ".join(filter(None, [message, SECOND_ATTEMPT])) if attempts > 1 else message


def judge(notebooks: dict) -> tuple[str, str]:
    """Return (status, message) of an autograded submission: timeout when a cell timed out."""
    late = {name: timed_out_cells(nb) for name, nb in notebooks.items()}
    late = {name: cells for name, cells in late.items() if cells}
    if late:
        where = "; ".join(f"{n}.ipynb cell {', '.join(map(str, c))}" for n, c in late.items())
        return "timeout", f"interrupted at the per-cell time limit: {where}"
    return "ok", ""


def save_autogrades(config: Config, student: str, assignment: str, notebooks: dict) -> None:
    """Record autograded notebooks in the course gradebook with nbgrader's own preprocessors."""
    url = db_url(config)
    coursedir = CourseDirectory(config=config)
    submitted = coursedir.format_path(coursedir.submitted_directory, student, assignment)
    timestamp = coursedir.get_existing_timestamp(submitted)
    with Gradebook(url) as gb:
        gb.update_or_create_student(student)
        gb.update_or_create_submission(assignment, student, timestamp=timestamp)
    for name, nb in notebooks.items():
        resources = {
            "nbgrader": {
                "notebook": name,
                "assignment": assignment,
                "student": student,
                "db_url": url,
            }
        }
        SaveAutoGrades(config=config).preprocess(nb, resources)
        AssignLatePenalties(config=config).preprocess(nb, resources)


def zero_grades(url: str, student: str, assignment: str) -> None:
    """Record a submission's automatic grades as 0, keeping every manual grade and comment.

    A cell a person has graded keeps that grade (nbgrader counts a manual score before an
    automatic one); the others wait for nobody.
    """
    with Gradebook(url) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                if grade.manual_score is None:
                    grade.needs_manual_grade = False
        gb.db.commit()
