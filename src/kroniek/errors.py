"""Errors that tell the user what happened, with the offending value, and what to do next."""

from __future__ import annotations


class KroniekError(Exception):
    """Base class for every error kroniek raises on purpose (CLI exit code 1)."""


class UsageError(KroniekError):
    """The command was called wrongly (CLI exit code 2)."""


class DateError(KroniekError):
    """A publication date that cannot be read."""


class RecordError(KroniekError):
    """One input record is unusable; the rest of the batch still goes in.

    Carries where it came from so the message can name file, line/record and field.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        line: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
        hint: str = "",
        raw: str | None = None,
    ) -> None:
        self.message = message
        self.raw = raw  # the offending input (truncated), so a reject file can keep it
        self.source = source
        self.line = line
        self.record_id = record_id
        self.field = field
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.record_id:
            parts.append(f"record {self.record_id!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        text = ", ".join(parts) + f": {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class QueryError(KroniekError):
    """A search query that cannot be parsed; says where and why."""


class PipelineError(KroniekError):
    """A pipeline that cannot be built (unknown stage, missing requirement) or a stage that failed."""


class StoreError(KroniekError):
    """The store cannot be opened or has an unexpected schema."""


class NotFoundError(KroniekError):
    """Something asked for by its id (an article, an entity, an annotation) is not in the store."""
