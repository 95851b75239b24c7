"""The one exception type of the data layer, and the collector that gathers every problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is and what was expected."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, record {self.record}, field '{self.field}': {self.message}"


class DatasetError(Exception):
    """Raised for any problem in a data folder.

    The message names the file, the record and the field, and says what was expected.
    ``problems`` holds every problem found in the stage that failed (the first is the
    message); ``python -m components.data validate`` prints them all.
    """

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        first = self.problems[0]
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{first}{suffix}")

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def record(self) -> str:
        return self.problems[0].record

    @property
    def field(self) -> str:
        return self.problems[0].field


class Problems:
    """Collects problems so that one run reports all of them, not only the first."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, record: str, field: str, message: str) -> None:
        self.items.append(Problem(str(file), str(record), str(field), message))

    def raise_if_any(self) -> None:
        if self.items:
            raise DatasetError(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
