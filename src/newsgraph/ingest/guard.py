"""One guard for every per-file and per-record step: whatever a step raises becomes that input's coded error.

A reader, a decoder or a library under them can fail in ways nobody listed (a control
character lxml refuses, a record length of 2**64, JSON nested a thousand deep). None of
that may end a batch: the input that caused it is reported, with the step it failed in,
and the next one is read. Errors we raise on purpose keep their own code and message;
anything else is reported as internal (E060), with its traceback kept for ``--debug``.
"""

from __future__ import annotations

import traceback

from newsgraph.errors import InputError, InternalError, TooDeep


def as_input_error(error: Exception, source: str, step: str, line: int | None = None) -> InputError:
    """The one-line coded error to report for ``error``, raised while ``step`` ran on ``source``."""
    if isinstance(error, InputError):
        return error
    if isinstance(error, RecursionError):
        return TooDeep(source, line)
    return InternalError(source, step, error, traceback.format_exc())
