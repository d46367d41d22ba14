"""The progress report for UNESCO revalidation, in the structure of the network's template (the
reference on UGGp revalidation, §3): the header (the geopark, its country, who is responsible),
A. general information and the revalidation's dates, B. documents and annexes, C. the area,
D. improvements made on each previous recommendation, E. verification of each criterion with its
evidence. English is the network's language; the Vietnamese version is for the province.

Built as a reporting.OfficialDocument in the "plain" layout (a report to an international body has
no national heading block or signature of a provincial report) and registered with the reporting
app, whose queue makes the DOCX and PDF. The report's fixed words are in PHRASES, per report
language, not in the reader's: the document's language is chosen when it is asked for."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy, gettext_noop

from geopark.reporting import registry
from geopark.reporting.document import OfficialDocument, Section, Table, format_number
from geopark.territory.selectors import current_geopark

from . import selectors
from .models import Card, Cycle, Family, Recommendation, Status, Theme, Verdict

LANGUAGES = ("en", "vi")
MONTHS_EN = "January February March April May June July August September October November December".split()

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "kind": "Progress report for revalidation",
        "title": "{geopark}: {cycle}",
        "name": "Name of the UNESCO Global Geopark: {value}",
        "country": "Country: {value}",
        "country_name": "Viet Nam",
        "responsible": "Person(s) responsible for the report: {value}",
        "blank": "(to be filled in)",
        "as_of": "Situation on: {value}",
        "general": "A. General information",
        "dates_table": "Recognition and revalidation dates",
        "milestone": "Milestone",
        "date": "Date",
        "remark": "Remark",
        "council": "UGGp Council's vote",
        "designation": "Designation by UNESCO's Executive Board",
        "certificate": "Certificate presented",
        "summary": "One-page summary to the UNESCO Secretariat",
        "report": "Progress report and forms",
        "mission": "Revalidation field mission",
        "estimate": "estimate, to be confirmed",
        "confirmed": "confirmed",
        "days_left": "{days} days left",
        "passed": "passed",
        "documents": "B. List of documents and annexes",
        "no_documents": "No document or link has been attached to the file yet. The annual progress reports "
        "sent to the Global Geoparks Network are to be listed here.",
        "document": "Document or link",
        "attached_to": "For",
        "area": "C. Cohesion of the area",
        "area_text": "{geopark} covers {area} km² with about {population} inhabitants.",
        "area_text_no_population": "{geopark} covers {area} km².",
        "no_geopark": "The geopark's facts have not been loaded.",
        "improvements": "D. Improvements made on previous recommendations",
        "card": "Card held: {value}.",
        "no_card": "This is the geopark's first revalidation: it holds no card yet.",
        "no_recommendations": "No recommendation has been entered yet.",
        "recommendations_table": "Recommendations and their status",
        "code": "No.",
        "theme": "Theme",
        "status": "Status",
        "due": "Due",
        "owner": "Owner",
        "recommendation": "Recommendation: {value}",
        "from": "From: {value}",
        "action": "Action taken: {value}",
        "no_action": "Action taken: none recorded yet.",
        "status_line": "Status: {status} since {date}.",
        "owner_line": "Owner: {value}.",
        "due_line": "Due: {value}.",
        "evidence": "Evidence: {value}",
        "criteria": "E. Verification of the UNESCO Global Geopark criteria",
        "criteria_table": "The criteria and their status",
        "criterion": "Criterion",
        "evidence_count": "Evidence",
        "weight": "Weight: {value} %.",
        "note": "Note: {value}",
        "no_evidence": "Evidence: none attached yet.",
        "evidence_heading": "Evidence:",
        "no_criteria": "The criteria have not been loaded.",
        "closing": "Prepared with the Geopark Platform from the records of the geopark's management board.",
    },
    "vi": {
        "kind": "Báo cáo tiến độ phục vụ tái thẩm định",
        "title": "{geopark}: {cycle}",
        "name": "Tên Công viên địa chất toàn cầu UNESCO: {value}",
        "country": "Quốc gia: {value}",
        "country_name": "Việt Nam",
        "responsible": "Người chịu trách nhiệm báo cáo: {value}",
        "blank": "(cần điền)",
        "as_of": "Tình hình đến ngày: {value}",
        "general": "A. Thông tin chung",
        "dates_table": "Các mốc công nhận và tái thẩm định",
        "milestone": "Mốc",
        "date": "Ngày",
        "remark": "Ghi chú",
        "council": "Hội đồng UGGp bỏ phiếu",
        "designation": "Hội đồng Chấp hành UNESCO công nhận",
        "certificate": "Trao bằng công nhận",
        "summary": "Bản tóm tắt một trang gửi Ban Thư ký UNESCO",
        "report": "Báo cáo tiến độ và các biểu mẫu",
        "mission": "Đoàn tái thẩm định thực địa",
        "estimate": "dự kiến, cần xác nhận",
        "confirmed": "đã xác nhận",
        "days_left": "còn {days} ngày",
        "passed": "đã qua",
        "documents": "B. Danh mục tài liệu và phụ lục",
        "no_documents": "Chưa có tài liệu hoặc đường dẫn nào được đính kèm. Các báo cáo tiến độ hằng năm gửi "
        "Mạng lưới Công viên địa chất toàn cầu cần được liệt kê tại đây.",
        "document": "Tài liệu hoặc đường dẫn",
        "attached_to": "Minh chứng cho",
        "area": "C. Tính thống nhất của vùng",
        "area_text": "{geopark} có diện tích {area} km² với khoảng {population} người dân.",
        "area_text_no_population": "{geopark} có diện tích {area} km².",
        "no_geopark": "Chưa nạp thông tin của công viên địa chất.",
        "improvements": "D. Kết quả thực hiện các khuyến nghị trước đây",
        "card": "Thẻ đang giữ: {value}.",
        "no_card": "Đây là lần tái thẩm định đầu tiên của công viên: chưa nhận thẻ nào.",
        "no_recommendations": "Chưa nhập khuyến nghị nào.",
        "recommendations_table": "Các khuyến nghị và tình trạng thực hiện",
        "code": "Số",
        "theme": "Chủ đề",
        "status": "Tình trạng",
        "due": "Hạn",
        "owner": "Phụ trách",
        "recommendation": "Khuyến nghị: {value}",
        "from": "Nguồn: {value}",
        "action": "Kết quả thực hiện: {value}",
        "no_action": "Kết quả thực hiện: chưa ghi nhận.",
        "status_line": "Tình trạng: {status} từ ngày {date}.",
        "owner_line": "Phụ trách: {value}.",
        "due_line": "Hạn: {value}.",
        "evidence": "Minh chứng: {value}",
        "criteria": "E. Đánh giá theo các tiêu chí Công viên địa chất toàn cầu UNESCO",
        "criteria_table": "Các tiêu chí và mức đáp ứng",
        "criterion": "Tiêu chí",
        "evidence_count": "Minh chứng",
        "weight": "Trọng số: {value} %.",
        "note": "Ghi chú: {value}",
        "no_evidence": "Minh chứng: chưa đính kèm.",
        "evidence_heading": "Minh chứng:",
        "no_criteria": "Chưa nạp các tiêu chí.",
        "closing": "Báo cáo được lập trên Nền tảng Công viên địa chất từ dữ liệu của Ban Quản lý Công viên địa chất.",
    },
}


class ReportError(ValueError):
    """The report cannot be made as asked; the message says why."""


def day(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "vi":
        return f"{value:%d/%m/%Y}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def _text(obj, base: str, lang: str) -> str:
    """The text in the report's language, or the Vietnamese original when it has none."""
    return getattr(obj, f"{base}_{lang}", "") or getattr(obj, f"{base}_vi", "")


def _label(choices, value: str, lang: str) -> str:
    with translation.override(lang):
        return str(choices(value).label)


def _general(cycle: Cycle, geopark, today: dt.date, say) -> Section:
    estimate = say["confirmed"] if cycle.dates_confirmed else say["estimate"]
    rows: list[list] = []
    if geopark is not None:
        for key, value in (
            ("council", geopark.unesco_council_vote),
            ("designation", geopark.unesco_board_approval),
            ("certificate", geopark.certificate_presented),
        ):
            if value:
                rows.append([say[key], day(value, say["lang"]), ""])
    for milestone in cycle.milestones(today):
        when = (
            say["passed"]
            if milestone.days < 0
            else say["days_left"].format(days=format_number(milestone.days))
        )
        rows.append([say[milestone.key], day(milestone.date, say["lang"]), f"{estimate}; {when}"])
    table = Table(say["dates_table"], [say["milestone"], say["date"], say["remark"]], rows, widths=[5, 3, 4])
    return Section(say["general"], blocks=[table])


def _documents(recommendations: list[Recommendation], criteria, say) -> Section:
    rows: list[list] = []
    for rec in recommendations:
        if rec.evidence_document_id:
            rows.append([rec.evidence_document.title, rec.code])
        rows += [[link, rec.code] for link in rec.evidence_link_list]
    for criterion in criteria:
        for item in criterion.evidence.all():
            if item.document_id or item.url:
                rows.append([item.title if item.document_id else item.url, criterion.label])
    if not rows:
        return Section(say["documents"], blocks=[say["no_documents"]])
    return Section(
        say["documents"], blocks=[Table("", [say["document"], say["attached_to"]], rows, widths=[8, 2])]
    )


def _area(geopark, say) -> Section:
    if geopark is None:
        return Section(say["area"], blocks=[say["no_geopark"]])
    name = _text(geopark, "name", say["lang"])
    area = f"{geopark.area_km2:,}"
    if say["lang"] == "vi":  # 4.842,58: "." between thousands, "," before decimals
        area = area.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if geopark.population:
        population = format_number(geopark.population) if say["lang"] == "vi" else f"{geopark.population:,}"
        text = say["area_text"].format(geopark=name, area=area, population=population)
    else:
        text = say["area_text_no_population"].format(geopark=name, area=area)
    return Section(say["area"], blocks=[text])


def _improvements(cycle: Cycle, recommendations: list[Recommendation], say) -> Section:
    lang = say["lang"]
    card = say["card"].format(value=_label(Card, cycle.card, lang)) if cycle.card else say["no_card"]
    blocks: list = [card]
    if not recommendations:
        return Section(say["improvements"], blocks=[*blocks, say["no_recommendations"]])
    blocks.append(
        Table(
            say["recommendations_table"],
            [say["code"], say["theme"], say["status"], say["due"], say["owner"]],
            [
                [
                    r.code,
                    _label(Theme, r.theme, lang),
                    _label(Status, r.status, lang),
                    day(r.due_on, lang),
                    r.owner,
                ]
                for r in recommendations
            ],
            widths=[1.2, 3, 2.2, 2.2, 3.4],
        )
    )
    subsections = []
    for index, rec in enumerate(recommendations, start=1):
        action = _text(rec, "action", lang)
        lines = [
            say["recommendation"].format(value=_text(rec, "text", lang)),
            say["from"].format(value=f"{rec.source}, {day(rec.issued_on, lang)}"),
            say["action"].format(value=action) if action else say["no_action"],
            say["status_line"].format(status=_label(Status, rec.status, lang), date=day(rec.status_on, lang)),
        ]
        if rec.owner:
            lines.append(say["owner_line"].format(value=rec.owner))
        if rec.due_on:
            lines.append(say["due_line"].format(value=day(rec.due_on, lang)))
        evidence = (
            [rec.evidence_document.title] if rec.evidence_document_id else []
        ) + rec.evidence_link_list
        if evidence:
            lines.append(say["evidence"].format(value="; ".join(evidence)))
        heading = f"D.{index} {rec.code}: {_label(Theme, rec.theme, lang)}"
        subsections.append(Section(heading, blocks=lines))
    return Section(say["improvements"], blocks=blocks, subsections=subsections)


def _criteria(checklist: selectors.Checklist, say) -> Section:
    lang = say["lang"]
    if not checklist.total:
        return Section(say["criteria"], blocks=[say["no_criteria"]])
    everything = [c for _value, _label_, inside in checklist.families for c in inside]
    table = Table(
        say["criteria_table"],
        [say["code"], say["criterion"], say["status"], say["evidence_count"]],
        [
            [c.label, _text(c, "title", lang), _label(Verdict, c.verdict, lang), len(c.evidence.all())]
            for c in everything
        ],
        widths=[1.3, 6, 2.2, 1.8],
    )
    families = []
    for number, (family, _shown, inside) in enumerate(checklist.families, start=1):
        family_label = _label(Family, family, lang)
        subsections = []
        for criterion in inside:
            lines = [text for text in [_text(criterion, "description", lang)] if text]
            if criterion.weight is not None:
                lines.append(say["weight"].format(value=criterion.weight))
            lines.append(f"{say['status']}: {_label(Verdict, criterion.verdict, lang)}.")
            note = getattr(criterion, f"note_{lang}", "") or criterion.note_vi
            if note:
                lines.append(say["note"].format(value=note))
            items = list(criterion.evidence.all())
            if items:
                lines.append(say["evidence_heading"])
                with translation.override(lang):  # the kind of record in the report's language
                    lines += [f"– {capfirst(item.kind)}: {item.title_in(lang)}" for item in items]
            else:
                lines.append(say["no_evidence"])
            subsections.append(Section(f"{criterion.label} {_text(criterion, 'title', lang)}", blocks=lines))
        families.append(Section(f"E.{number} {family_label}", subsections=subsections))
    return Section(say["criteria"], blocks=[table], subsections=families)


def build(
    cycle: Cycle, language: str, *, on: dt.date | None = None, progress: registry.Progress | None = None
) -> OfficialDocument:
    """The progress report of `cycle` in `language` ("en" or "vi") as it stands on `on` (today)."""
    if language not in LANGUAGES:
        raise ReportError(f"Unknown language “{language}”: use {' or '.join(LANGUAGES)}.")
    report = progress or (lambda percent, step: None)
    today = on or timezone.localdate()
    say = {**PHRASES[language], "lang": language}
    geopark = current_geopark()
    report(10, gettext_noop("Reading the recommendations"))
    recommendations = list(selectors.recommendations(cycle))
    report(40, gettext_noop("Reading the criteria and their evidence"))
    checklist = selectors.checklist()
    criteria = [c for _value, _label_, inside in checklist.families for c in inside]
    report(70, gettext_noop("Writing the sections"))
    name = _text(geopark, "name", language) if geopark is not None else ""
    document = OfficialDocument(
        issuer=name,
        number="",
        place="",
        date=today,
        kind=say["kind"].upper(),
        title=say["title"].format(geopark=name, cycle=_text(cycle, "name", language)),
        opening=[
            say["name"].format(value=name),
            say["country"].format(value=say["country_name"]),
            say["responsible"].format(value=cycle.responsible or say["blank"]),
            say["as_of"].format(value=day(today, language)),
        ],
        sections=[
            _general(cycle, geopark, today, say),
            _documents(recommendations, criteria, say),
            _area(geopark, say),
            _improvements(cycle, recommendations, say),
            _criteria(checklist, say),
        ],
        closing=say["closing"],
        recipients=[],
        signer_capacity=[],
        signer_title="",
        signer_name="",
        layout="plain",
        language=language,
    )
    report(100, gettext_noop("Report written"))
    return document


# --- the reporting app's entry -------------------------------------------------------------------------


def _subjects() -> list[tuple[str, str]]:
    return [(cycle.slug, str(cycle)) for cycle in Cycle.objects.order_by("mission_on")]


def _build(key: str, period: str, year: int, progress: registry.Progress) -> OfficialDocument:
    cycle = selectors.cycle_by_key(key)
    if cycle is None:
        raise registry.UnknownSubject(key)
    return build(cycle, period, progress=progress)


registry.register(
    registry.Source(
        name="revalidation",
        label=gettext_lazy("UNESCO revalidation progress report"),
        # The "period" of this report is its language: English for the network, Vietnamese for the province.
        periods=[("en", gettext_lazy("In English")), ("vi", gettext_lazy("In Vietnamese"))],
        subjects=_subjects,
        build=_build,
    )
)
