"""nbgrader settings for this course: solutions/ is the source, exercises/ the release."""

c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "newstrace"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.OverwriteCells.add_missing_cells = True  # a deleted test cell is restored instead of skipped
c.ExecutePreprocessor.timeout = 30  # seconds per cell: an endless loop is interrupted and scores 0
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "_Type your answer here, replacing this text._"
