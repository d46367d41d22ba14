"""One entry point for the three formats, so the queue, the command and the admin name a format
and get bytes, a file extension and a MIME type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .document import OfficialDocument


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    render: Callable[[OfficialDocument], bytes]


def _docx(doc: OfficialDocument) -> bytes:
    from .word import render_docx

    return render_docx(doc)


def _pdf(doc: OfficialDocument) -> bytes:
    from .pdf import render_pdf

    return render_pdf(doc)


def _xlsx(doc: OfficialDocument) -> bytes:
    from .xlsx import render_xlsx

    return render_xlsx(doc)


FORMATS = {
    "docx": Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx),
    "pdf": Format("pdf", "application/pdf", _pdf),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
}


def render(doc: OfficialDocument, format: str) -> bytes:
    return FORMATS[format].render(doc)
