"""An official document as plain data, laid out later by each renderer (DOCX, PDF, XLSX).

The fields follow the elements of Decree 30/2020/NĐ-CP, Appendix I (box numbers in brackets):
the superior body and issuing body [2], the number and symbol [3], place and date [4], the kind and
subject line [5a], an optional "Kính gửi" [9a], the body [6] as numbered sections, the recipients
[9b] and the signature block [7a-7c]. Nothing here knows about plans, tourism or Django models: an
app that wants a report builds one of these (plans.reports does) and hands it to a renderer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | None


@dataclass
class Table:
    """A table with its header row, body rows and an optional total row. Numbers stay numbers, so
    that the spreadsheet can sum them and each renderer formats them in Vietnamese style."""

    title: str
    columns: list[str]
    rows: list[list[Cell]]
    total_row: list[Cell] | None = None
    # Relative column widths (any unit); None shares the width equally.
    widths: list[float] | None = None


@dataclass
class Series:
    name: str
    values: list[float | None]


@dataclass
class Chart:
    """A bar chart: one group of bars per category, one bar per series (e.g. "Kế hoạch" and
    "Thực hiện"). `unit` is written on the value axis."""

    title: str
    categories: list[str]
    series: list[Series]
    unit: str = ""


Block = str | Table | Chart


@dataclass
class Appendix:
    """A "Phụ lục" after the signature: its own heading, the line tying it to the report, and its
    own page numbers from 1 (Decree 30, Appendix I §III.1)."""

    title: str  # written in capitals, e.g. "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    """A numbered part of the body. Top-level sections are numbered I, II, …; subsections 1, 2, …;
    their subsections a), b), …, as the decree's numbering rules ask."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class OfficialDocument:
    issuer: str  # the issuing body, e.g. "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" (bold)
    number: str  # e.g. "Số: 215/BC-UBND" (the number may be left blank: "Số:     /BC-UBND")
    place: str  # e.g. "Lạng Sơn"
    date: dt.date
    kind: str  # e.g. "BÁO CÁO"
    title: str  # the subject line (trích yếu)
    sections: list[Section]
    recipients: list[str]
    signer_capacity: list[str]  # e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    signer_title: str  # e.g. "PHÓ CHỦ TỊCH"
    signer_name: str
    authority: str = ""  # the superior body, if any, e.g. "UBND TỈNH LẠNG SƠN" (not bold)
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" lines, when sent upwards
    opening: list[str] = field(default_factory=list)  # paragraphs before section I
    closing: str = ""  # the last sentence; renderers end it with "./."

    appendices: list[Appendix] = field(default_factory=list)
    # "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm … của …)" under each appendix's title: left
    # with blanks, filled in by the clerical office once the report has its number.
    appendix_reference: str = ""
    # "decree30": the Vietnamese administrative layout above. "plain": a report to an international
    # body (UNESCO's progress report): no national heading, "Kính gửi", "./.", recipients or
    # signature; headings carry their own labels ("D.1"), as the body's template numbers them.
    layout: str = "decree30"
    language: str = "vi"

    @property
    def plain(self) -> bool:
        return self.layout == "plain"

    def heading(self, section: Section, level: int, index: int) -> str:
        """A heading as printed: numbered by the decree's rules, or as written in a plain report."""
        return section.heading if self.plain else f"{numbering(level, index)} {section.heading}"

    def blocks(self) -> list[Block]:
        inner = [block for section in walk(self.sections) for block in section.blocks]
        return inner + [block for appendix in self.appendices for block in appendix.blocks]

    def tables(self) -> list[Table]:
        return [block for block in self.blocks() if isinstance(block, Table)]

    def charts(self) -> list[Chart]:
        return [block for block in self.blocks() if isinstance(block, Chart)]

    def fingerprint(self) -> str:
        """A digest of everything the document says but its date, so two reports made from the same
        data have the same fingerprint, on any day, and a changed figure changes it."""
        content = dataclasses.asdict(self)
        content.pop("date")
        payload = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()


def walk(sections: list[Section]):
    for section in sections:
        yield section
        yield from walk(section.subsections)


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# Points are lettered in Vietnamese alphabetical order (đ after d), Decree 30 Appendix I §II.6.
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def numbering(level: int, index: int) -> str:
    """The label of the index-th (0-based) heading at a level: "I.", "1.", "a)"."""
    if level == 0:
        return f"{ROMAN[index] if index < len(ROMAN) else index + 1}."
    if level == 1:
        return f"{index + 1}."
    return f"{LETTERS[index % len(LETTERS)]})"


def date_line(place: str, date: dt.date) -> str:
    """ "Lạng Sơn, ngày 05 tháng 02 năm 2026": days below 10 with a leading 0, months only 01 and 02
    (Decree 30, Appendix I §II.4)."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def format_number(value: Cell) -> str:
    """Vietnamese style: "." between thousands, "," before decimals; empty for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float | Decimal) and value != int(value):
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
