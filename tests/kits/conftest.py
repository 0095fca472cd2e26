"""Fixtures for the kit tests; the helpers and the test project live in ``kitutil``."""

from kitutil import kit_project, lecturer_run

__all__ = ["kit_project", "lecturer_run"]
