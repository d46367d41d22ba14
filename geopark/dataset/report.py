from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from geopark.core.rows import RowError


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # Skipped rows and warnings, each the toolkit's error type, printed `file:line: reason`.
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def error(self, file: str, line: int, reason: str) -> None:
        self.errors.append(RowError(file, line, "", reason))

    def warn(self, file: str, line: int, reason: str) -> None:
        self.warnings.append(RowError(file, line, "", reason))

    def summary_lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged"
            for kind in kinds
        ]
