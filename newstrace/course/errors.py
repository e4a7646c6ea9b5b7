"""The one error the course build raises: it names the file and what to do."""

from __future__ import annotations


class CourseBuildError(RuntimeError):
    """A lesson or deck could not be built; the message names the file and what to do."""
