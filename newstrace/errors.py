"""Errors that name the input and say what to do."""


class ArticleError(ValueError):
    """An article file that cannot be used, with a message naming the file and the fix."""


class DataNotFoundError(FileNotFoundError):
    """The case data folder could not be found."""


class AnnotationError(FileNotFoundError):
    """A gold annotation file that is missing or lacks a column its reader needs."""
