"""The plan's progress reports to the provincial People's Committee: the six-month report (due
before 15 June) and the yearly report (before 15 December), as an official document
(reporting.OfficialDocument) that the reporting app lays out as DOCX, PDF or XLSX.

Everything comes from the records: tasks and their latest progress (`selectors.task_rows`, the
status on the period's last day or today, whichever is earlier), the plan's targets against the
tourism statistics that are published (`selectors.target_rows`; a withheld total is written
"chưa công bố", never shown), and the difficulties the agencies reported. The text is Vietnamese,
whatever the reader's language: it is the province's document. Who issues and signs it is the
board's letterhead (reporting.Letterhead).

Structure (docs: the reference on Decree 30/2020 and provincial reports): I. results (the work
done, the tasks per section of the plan, the targets, an overall assessment), II. shortcomings and
their causes, III. tasks for the next period, IV. proposals; then "Nơi nhận", the signature and an
appendix with every task."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop

from geopark.analytics import selectors as analytics
from geopark.reporting import registry
from geopark.reporting.document import (
    Appendix,
    Chart,
    OfficialDocument,
    Section,
    Series,
    Table,
    format_number,
)
from geopark.reporting.models import Letterhead

from . import selectors
from .models import Plan, PlanSection, ProgressReport, Target, TourismMetric
from .status import Status, task_status

PERIODS = {"h1": "6 tháng đầu năm", "year": "năm"}
STATUS_LABELS = {
    Status.DONE: "Hoàn thành",
    Status.ON_TRACK: "Đúng tiến độ",
    Status.AT_RISK: "Có nguy cơ chậm",
    Status.LATE: "Chậm tiến độ",
}
SUMMARY_ORDER = [Status.DONE, Status.ON_TRACK, Status.AT_RISK, Status.LATE]
NOT_PUBLISHED = "chưa công bố"
NO_DATA = "chưa có số liệu"
# Revenue targets are in đồng; the report writes them in billions, as the plans do.
BILLION = Decimal(1_000_000_000)
# How many results per section the body describes in words; every task is in the appendix.
HIGHLIGHTS = 6
# Lists in the body (tasks behind, difficulties) stop after this many; the appendix has every task.
LISTED = 10


class ReportError(ValueError):
    """The report cannot be made as asked; the message says why."""


def period_end(period: str, year: int) -> dt.date:
    return dt.date(year, 6, 30) if period == "h1" else dt.date(year, 12, 31)


def _agency(agency) -> str:
    return agency.short_name or agency.name_vi


def _target(task) -> str:
    if task.target_value is None:
        return ""
    unit = task.target_unit_vi
    text = f"{format_number(_number(task.target_value))}{'' if unit.startswith('%') else ' '}{unit}".strip()
    # "mỗi xã, phường" is often in the unit already.
    return f"{text}/xã" if task.per_commune and "xã" not in unit else text


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _blank_number(number: str) -> str:
    """ "Số:        /BC-UBND" → "      /BC-UBND": the number's blank kept for the clerk's pen."""
    symbol = number.removeprefix("Số:").strip()
    return f"      {symbol}" if symbol.startswith("/") else symbol


def _subject(title: str) -> str:
    """What a plan is about, after "về": its title without the leading "Kế hoạch"."""
    for prefix in ("Kế hoạch ", "kế hoạch "):
        if title.startswith(prefix):
            return title.removeprefix(prefix)
    return title


def _plan_name(plan: Plan) -> str:
    """ "Kế hoạch số 45/KH-UBND ngày 10/02/2026 của UBND tỉnh Lạng Sơn" when it has a number."""
    if not plan.number:
        return plan.title_vi
    issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    return f"Kế hoạch số {plan.number}{issued} của {plan.issuing_body}"


# --- the sections -----------------------------------------------------------------------------------


def _groups(sections: list[PlanSection], rows) -> list[tuple[PlanSection, list]]:
    """The parts of the plan the report goes through (a), b) …): the sections one level below the
    plan's top sections (III.1, III.2), or the top ones when the plan has a single level; each with
    the task rows under it."""
    by_id = {s.pk: s for s in sections}
    depth = {}
    for section in sections:
        d, parent = 0, section.parent_id
        while parent is not None and parent in by_id:
            d, parent = d + 1, by_id[parent].parent_id
        depth[section.pk] = d
    level = (
        1 if any(d == 1 for d in depth.values()) and len([d for d in depth.values() if d == 0]) <= 2 else 0
    )

    def ancestor(section: PlanSection) -> PlanSection:
        while depth[section.pk] > level and section.parent_id in by_id:
            section = by_id[section.parent_id]
        return section

    grouped: dict[int, list] = {s.pk: [] for s in sections if depth[s.pk] == level}
    for row in rows:
        grouped.setdefault(ancestor(by_id.get(row.section.pk, row.section)).pk, []).append(row)
    return [(by_id[pk], found) for pk, found in grouped.items() if found]


def _summary_table(groups) -> Table:
    rows, total = [], Counter()
    for index, (section, found) in enumerate(groups, start=1):
        counts = Counter(row.status for row in found)
        total.update(counts)
        rows.append(
            [
                str(index),
                f"{section.number}. {section.title_vi}",
                len(found),
                *(counts[status] for status in SUMMARY_ORDER),
            ]
        )
    return Table(
        title="Bảng 1. Tổng hợp kết quả thực hiện nhiệm vụ theo lĩnh vực",
        columns=["TT", "Lĩnh vực", "Số nhiệm vụ", *(STATUS_LABELS[s] for s in SUMMARY_ORDER)],
        rows=rows,
        total_row=["", "Tổng cộng", sum(total.values()), *(total[s] for s in SUMMARY_ORDER)],
        widths=[0.6, 5, 1.3, 1.4, 1.4, 1.4, 1.4],
    )


def _group_section(section: PlanSection, found) -> Section:
    counts = Counter(row.status for row in found)
    done = counts[Status.DONE]
    paragraphs = [
        f"Lĩnh vực có {len(found)} nhiệm vụ: hoàn thành {done} nhiệm vụ ({format_number(_percent(done, len(found)))}%), "
        f"đúng tiến độ {counts[Status.ON_TRACK]}, có nguy cơ chậm {counts[Status.AT_RISK]}, "
        f"chậm tiến độ {counts[Status.LATE]} (chi tiết tại Phụ lục)."
    ]
    reported = [row for row in found if row.latest is not None and row.latest.narrative.strip()]
    # Done first, then by how much of the target is reached: what the province did.
    reported.sort(key=lambda row: (row.status != Status.DONE, -(row.share or 0)))
    for row in reported[:HIGHLIGHTS]:
        achieved = ""
        if row.task.target_value is not None and row.quantity is not None:
            achieved = f" (đạt {format_number(_number(row.quantity))}/{_target(row.task)})"
        paragraphs.append(f"- {row.task.title_vi}{achieved}: {row.latest.narrative.strip()}")
    return Section(section.title_vi, blocks=paragraphs)


def _target_values(row) -> tuple[object, object, object, str]:
    """(planned, achieved, share %, unit) as written in the table; revenue in billions of đồng."""
    target: Target = row.target
    unit = target.unit_vi
    planned: object = _number(target.value)
    achieved: object = _number(row.achieved) if row.achieved is not None else None
    if target.tourism_metric == TourismMetric.REVENUE:
        unit = "tỷ đồng"
        planned = _number((target.value / BILLION).quantize(Decimal("0.1")))
        if row.achieved is not None:
            achieved = _number((row.achieved / BILLION).quantize(Decimal("0.1")))
    share: object = round(100 * row.share, 1) if row.share is not None else ""
    if achieved is None:
        achieved = NOT_PUBLISHED if target.tourism_metric else NO_DATA
    return planned, achieved, share, unit


def _targets_section(plan: Plan, target_rows, period: str, year: int) -> Section:
    if not target_rows:
        return Section("Kết quả thực hiện các chỉ tiêu", blocks=["Kế hoạch không giao chỉ tiêu định lượng."])
    as_of = next((row.as_of for row in target_rows if row.as_of), None)
    rows, chart_labels, chart_values = [], [], []
    for index, row in enumerate(target_rows, start=1):
        planned, achieved, share, unit = _target_values(row)
        rows.append([str(index), row.target.label_vi, unit, planned, achieved, share])
        if isinstance(share, float):
            chart_labels.append(row.target.label_vi)
            chart_values.append(share)
    period_label = f"{PERIODS[period]} {year}" if period == "h1" else f"năm {year}"
    source = (
        f"Số liệu thực hiện về khách và doanh thu du lịch lấy từ số liệu thống kê đã công bố, "
        f"tính từ tháng 01 đến hết tháng {as_of.month}/{as_of.year}"
        if as_of
        else "Chưa có số liệu thống kê du lịch của kỳ báo cáo"
    )
    blocks: list = [
        f"{source}; cơ sở lưu trú và buồng lưu trú theo danh sách cơ sở đang hoạt động. Tổng số của một nhóm "
        f"ít cơ sở không được công bố (để không lộ số liệu của từng cơ sở) và được ghi “{NOT_PUBLISHED}”; "
        f"các chỉ tiêu chưa có nguồn số liệu trên hệ thống ghi “{NO_DATA}”.",
        Table(
            title="Bảng 2. Kết quả thực hiện các chỉ tiêu của Kế hoạch",
            columns=[
                "TT",
                "Chỉ tiêu",
                "Đơn vị",
                f"Kế hoạch năm {year}",
                f"Thực hiện {period_label}",
                "Tỷ lệ (%)",
            ],
            rows=rows,
            widths=[0.6, 4.2, 1.5, 1.7, 1.9, 1.2],
        ),
    ]
    if chart_values:
        blocks.append(
            Chart(
                title=f"Biểu đồ 2. Tỷ lệ thực hiện chỉ tiêu so với kế hoạch năm {year}",
                categories=chart_labels,
                series=[Series("Kế hoạch", [100.0] * len(chart_values)), Series("Thực hiện", chart_values)],
                unit="%",
            )
        )
    return Section("Kết quả thực hiện các chỉ tiêu", blocks=blocks)


def _problems_section(rows, on: dt.date) -> Section:
    behind = [row for row in rows if row.status in (Status.LATE, Status.AT_RISK)]
    late = sum(row.status == Status.LATE for row in behind)
    if not behind:
        shortcomings: list = [f"Đến ngày {on:%d/%m/%Y}, không có nhiệm vụ chậm tiến độ hoặc có nguy cơ chậm."]
    else:
        late_words = (
            f"còn {late} nhiệm vụ chậm so với thời hạn" if late else "không có nhiệm vụ chậm so với thời hạn"
        )
        shortcomings = [
            f"Đến ngày {on:%d/%m/%Y}, {late_words}; {len(behind) - late} nhiệm vụ có nguy cơ không hoàn thành "
            "đúng hạn."
        ]
        if len(behind) <= LISTED:
            shortcomings.append(
                Table(
                    title="Bảng 3. Nhiệm vụ chậm tiến độ hoặc có nguy cơ chậm",
                    columns=["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng"],
                    rows=[
                        [
                            str(i),
                            f"{row.task.number}. {row.task.title_vi}",
                            _agency(row.lead),
                            f"{row.task.deadline:%d/%m/%Y}",
                            STATUS_LABELS[row.status],
                        ]
                        for i, row in enumerate(behind, start=1)
                    ],
                    widths=[0.6, 5.5, 2.2, 1.5, 1.7],
                )
            )
        else:
            # Too many to list in the body (the appendix has every task): by lead agency instead.
            by_agency = [
                entry
                for entry in selectors.counts_by_agency(behind)
                if entry.counts[Status.LATE] or entry.counts[Status.AT_RISK]
            ]
            by_agency.sort(key=lambda entry: (-entry.counts[Status.LATE], -entry.total, entry.label))
            shortcomings.append(
                Table(
                    title="Bảng 3. Nhiệm vụ chậm tiến độ hoặc có nguy cơ chậm theo cơ quan chủ trì",
                    columns=["TT", "Cơ quan chủ trì", "Chậm tiến độ", "Có nguy cơ chậm", "Cộng"],
                    rows=[
                        [
                            str(i),
                            entry.label,
                            entry.counts[Status.LATE],
                            entry.counts[Status.AT_RISK],
                            entry.total,
                        ]
                        for i, entry in enumerate(by_agency, start=1)
                    ],
                    total_row=["", "Tổng cộng", late, len(behind) - late, len(behind)],
                    widths=[0.6, 5.5, 1.6, 1.6, 1.2],
                )
            )
    silent = [row for row in rows if row.latest is None and row.status != Status.DONE]
    if silent:
        shortcomings.append(f"Còn {len(silent)} nhiệm vụ chưa có báo cáo tiến độ của cơ quan chủ trì.")
    difficulties = [
        row
        for row in rows
        if row.latest is not None and row.latest.status == "difficulties" and row.latest.narrative.strip()
    ]
    if difficulties:
        causes = ["Khó khăn, vướng mắc do các cơ quan, đơn vị báo cáo:"]
        causes += [
            f"- {_agency(row.latest.agency)} ({row.task.number}): {row.latest.narrative.strip()}"
            for row in difficulties[:LISTED]
        ]
        if len(difficulties) > LISTED:
            causes.append(
                f"- Và {len(difficulties) - LISTED} báo cáo khó khăn, vướng mắc khác của các cơ quan, đơn vị."
            )
    else:
        causes = ["Các cơ quan, đơn vị chưa báo cáo khó khăn, vướng mắc trong kỳ."]
    return Section(
        "Tồn tại, hạn chế và nguyên nhân",
        subsections=[Section("Tồn tại, hạn chế", blocks=shortcomings), Section("Nguyên nhân", blocks=causes)],
    )


def _listed(rows) -> list[str]:
    """Up to LISTED tasks, one line each, and how many more the appendix has."""
    lines = [f"- {row.task.number}. {row.task.title_vi} ({_agency(row.lead)})." for row in rows[:LISTED]]
    if len(rows) > LISTED:
        lines.append(f"- Và {len(rows) - LISTED} nhiệm vụ khác (chi tiết tại Phụ lục).")
    return lines


def _next_section(rows, period: str, year: int) -> Section:
    unfinished = [row for row in rows if row.status != Status.DONE]
    late = [row for row in unfinished if row.status == Status.LATE]
    if period == "h1":
        coming = [row for row in unfinished if row.task.deadline > period_end("h1", year)]
        blocks = [
            (
                f"1. Tập trung chỉ đạo hoàn thành {len(late)} nhiệm vụ đã quá thời hạn:"
                if late
                else "1. Tiếp tục theo dõi, đôn đốc để không có nhiệm vụ quá thời hạn; ưu tiên các nhiệm vụ "
                "có nguy cơ chậm."
            ),
            *_listed(late),
            f"2. Tiếp tục triển khai {len(coming)} nhiệm vụ có thời hạn trong 6 tháng cuối năm {year}, "
            "bảo đảm đạt các chỉ tiêu của Kế hoạch.",
            f"3. Các cơ quan, đơn vị cập nhật tiến độ trên hệ thống để tổng hợp báo cáo năm {year} "
            f"trước ngày 15 tháng 12 năm {year}.",
        ]
        return Section(f"Phương hướng, nhiệm vụ 6 tháng cuối năm {year}", blocks=blocks)
    blocks = [
        f"1. Tiếp tục thực hiện {len(unfinished)} nhiệm vụ chưa hoàn thành của Kế hoạch năm {year}"
        + (", trước hết các nhiệm vụ đã quá thời hạn:" if late else "."),
        *_listed(late),
        f"2. Xây dựng, ban hành Kế hoạch phát triển du lịch và bảo tồn, phát huy giá trị Công viên địa chất "
        f"năm {year + 1}, giao chỉ tiêu, nhiệm vụ cụ thể cho từng cơ quan, đơn vị.",
        "3. Các cơ quan, đơn vị báo cáo tiến độ định kỳ trên hệ thống; Sở Văn hóa, Thể thao và Du lịch "
        "tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    ]
    return Section(f"Phương hướng, nhiệm vụ năm {year + 1}", blocks=blocks)


def _proposals_section() -> Section:
    return Section(
        "Đề xuất, kiến nghị",
        blocks=[
            "1. Đề nghị Bộ Văn hóa, Thể thao và Du lịch quan tâm hỗ trợ tỉnh trong công tác xúc tiến, "
            "quảng bá du lịch và phát huy danh hiệu Công viên địa chất toàn cầu UNESCO Lạng Sơn.",
            "2. Đề nghị các sở, ban, ngành và Ủy ban nhân dân các xã, phường chủ động bố trí nguồn lực, "
            "thực hiện các nhiệm vụ được giao và báo cáo tiến độ đúng thời hạn.",
        ],
    )


def _appendix(groups, sections: list[PlanSection]) -> Appendix:
    """Every task, one table per section that holds tasks, in the plan's order."""
    tables = []
    for section in sections:
        found = [row for _group, rows in groups for row in rows if row.section.pk == section.pk]
        if not found:
            continue
        done = sum(row.status == Status.DONE for row in found)
        tables.append(
            Table(
                title=f"{section.number}. {section.title_vi}",
                columns=["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Chỉ tiêu", "Đã đạt", "Tình trạng"],
                rows=[
                    [
                        str(i),
                        f"{row.task.number}. {row.task.title_vi}",
                        _agency(row.lead),
                        _target(row.task),
                        _number(row.quantity),
                        STATUS_LABELS[row.status],
                    ]
                    for i, row in enumerate(found, start=1)
                ],
                total_row=["", f"Cộng: {len(found)} nhiệm vụ, hoàn thành {done}", "", "", "", ""],
                widths=[0.6, 4.9, 2.3, 1.6, 1.1, 1.7],
            )
        )
    return Appendix("Kết quả thực hiện các nhiệm vụ của Kế hoạch", blocks=tables)


# --- the document -----------------------------------------------------------------------------------


def build(
    plan: Plan,
    period: str,
    year: int,
    *,
    on: dt.date | None = None,
    progress: registry.Progress | None = None,
    letterhead: Letterhead | None = None,
) -> OfficialDocument:
    """The report of `plan` for `period` ("h1" or "year") of `year`, as it stands on `on` (today by
    default; a period already over is reported as on its last day)."""
    if period not in PERIODS:
        raise ReportError(f"Unknown period “{period}”: use h1 (six months) or year.")
    if year != plan.year:
        raise ReportError(f"{plan} is the plan for {plan.year}; its reports are for {plan.year}, not {year}.")
    report = progress or (lambda percent, step: None)
    today = on or timezone.localdate()
    as_of = min(today, period_end(period, year))
    letterhead = letterhead or Letterhead.current()

    report(5, gettext_noop("Reading the tasks and their progress"))
    sections = selectors.section_rows(plan)
    rows = _as_of(plan, as_of)
    groups = _groups(sections, rows)
    report(35, gettext_noop("Reading the tourism figures"))
    target_rows = selectors.target_rows(plan, on=as_of + dt.timedelta(days=1))
    report(55, gettext_noop("Writing the sections"))
    entries = ProgressReport.objects.filter(
        task__section__plan=plan, reported_on__gte=dt.date(year, 1, 1), reported_on__lte=as_of
    )
    entry_count = entries.count()
    reporting_tasks = entries.values("task").distinct().count()
    counts = Counter(row.status for row in rows)
    total = len(rows)
    period_words = "6 tháng đầu năm" if period == "h1" else "năm"
    plan_name = _plan_name(plan)

    results = Section(
        "Kết quả thực hiện",
        subsections=[
            Section(
                "Công tác chỉ đạo, triển khai",
                blocks=[
                    f"Kế hoạch giao {total} nhiệm vụ thuộc {len(groups)} lĩnh vực cho "
                    f"{len({row.lead.pk for row in rows})} cơ quan, đơn vị chủ trì. Trong {period_words} {year}, "
                    + (
                        f"các cơ quan, đơn vị đã gửi {entry_count} lượt báo cáo tiến độ về {reporting_tasks} "
                        "nhiệm vụ trên hệ thống quản lý của Ban Quản lý Công viên địa chất."
                        if entry_count
                        else "chưa có cơ quan, đơn vị nào gửi báo cáo tiến độ trên hệ thống quản lý của Ban Quản lý "
                        "Công viên địa chất."
                    ),
                    # The portal's reach over the same months (analytics, daily anonymous counts).
                    analytics.report_sentence(dt.date(year, 1, 1), as_of),
                ],
            ),
            Section(
                "Kết quả thực hiện các nhiệm vụ",
                blocks=[
                    f"Đến ngày {as_of:%d/%m/%Y}, trong tổng số {total} nhiệm vụ: hoàn thành {counts[Status.DONE]} "
                    f"nhiệm vụ ({format_number(_percent(counts[Status.DONE], total))}%); đúng tiến độ "
                    f"{counts[Status.ON_TRACK]}; có nguy cơ chậm {counts[Status.AT_RISK]}; chậm tiến độ "
                    f"{counts[Status.LATE]} nhiệm vụ.",
                    _summary_table(groups),
                    Chart(
                        title="Biểu đồ 1. Số nhiệm vụ hoàn thành so với số nhiệm vụ giao theo lĩnh vực",
                        categories=[f"{section.number}. {section.title_vi}" for section, _found in groups],
                        series=[
                            Series("Số nhiệm vụ giao", [float(len(found)) for _s, found in groups]),
                            Series(
                                "Hoàn thành",
                                [float(sum(r.status == Status.DONE for r in found)) for _s, found in groups],
                            ),
                        ],
                        unit="nhiệm vụ",
                    ),
                ],
                subsections=[_group_section(section, found) for section, found in groups],
            ),
            _targets_section(plan, target_rows, period, year),
            Section(
                "Đánh giá chung",
                blocks=[
                    f"Các cơ quan, đơn vị đã triển khai Kế hoạch; {counts[Status.DONE] + counts[Status.ON_TRACK]}/"
                    f"{total} nhiệm vụ hoàn thành hoặc đúng tiến độ "
                    f"({format_number(_percent(counts[Status.DONE] + counts[Status.ON_TRACK], total))}%)."
                ],
            ),
        ],
    )
    report(75, gettext_noop("Writing the appendix"))
    reference_date = f"ngày      tháng      năm {today.year}"
    document = OfficialDocument(
        authority=letterhead.authority,
        issuer=letterhead.issuer_lines,
        number=letterhead.number,
        place=letterhead.place,
        date=today,
        kind="BÁO CÁO",
        title=(
            f"Kết quả 6 tháng đầu năm {year} thực hiện {plan.title_vi}"
            if period == "h1"
            else f"Kết quả thực hiện {plan.title_vi}"
        ),
        opening=[
            f"Thực hiện {plan_name}"
            + (f" về {_subject(plan.title_vi)}" if plan.number else "")
            + f", {letterhead.issuer_name} báo cáo kết quả thực hiện {period_words} {year} như sau:"
        ],
        sections=[
            results,
            _problems_section(rows, as_of),
            _next_section(rows, period, year),
            _proposals_section(),
        ],
        closing=f"Trên đây là báo cáo kết quả thực hiện {period_words} {year} của {plan_name}",
        recipients=letterhead.recipient_lines,
        signer_capacity=letterhead.capacity_lines,
        signer_title=letterhead.signer_title,
        signer_name=letterhead.signer_name,
        appendices=[_appendix(groups, sections)],
        appendix_reference=(
            f"(Kèm theo Báo cáo số {_blank_number(letterhead.number)} {reference_date} "
            f"của {letterhead.issuer_name})"
        ),
    )
    report(100, gettext_noop("Report written"))
    return document


def _as_of(plan: Plan, day: dt.date):
    """Task rows as they stood on `day`: each task's latest report on or before that day."""
    rows = selectors.task_rows(plan, on=day)
    ids = [row.task.pk for row in rows]
    latest: dict[int, ProgressReport] = {}
    for entry in (
        ProgressReport.objects.filter(task_id__in=ids, reported_on__lte=day)
        .select_related("agency")
        .order_by("task_id", "-reported_on", "-created_at", "-pk")
    ):
        latest.setdefault(entry.task_id, entry)
    for row in rows:
        row.latest = latest.get(row.task.pk)
        row.status = task_status(row.task, row.latest, day)
    return rows


# --- the reporting app's entry -------------------------------------------------------------------------


def _subjects() -> list[tuple[str, str]]:
    return [(plan.slug, str(plan)) for plan in selectors.plan_list()]


def _build(key: str, period: str, year: int, progress: registry.Progress) -> OfficialDocument:
    plan = selectors.plan_by_key(key)
    if plan is None:
        raise registry.UnknownSubject(key)
    return build(plan, period, year, progress=progress)


registry.register(
    registry.Source(
        name="plan",
        label=gettext_lazy("Plan progress report"),
        periods=[("h1", gettext_lazy("First six months")), ("year", gettext_lazy("Whole year"))],
        subjects=_subjects,
        build=_build,
    )
)
