"""A sample official report, as plans.reports would build one, for the renderers' tests."""

from __future__ import annotations

import datetime as dt

from geopark.reporting.document import Appendix, Chart, OfficialDocument, Section, Series, Table


def task_table(count: int = 3) -> Table:
    rows = [
        [
            str(i),
            f"Nhiệm vụ số {i}: tổ chức hội thảo khoa học về di sản địa chất",
            "Sở Văn hóa, Thể thao và Du lịch",
            2,
            i % 3,
            "Đang thực hiện",
        ]
        for i in range(1, count + 1)
    ]
    rows[0][1] = "Xây dựng góc Công viên địa chất trong trường học"
    return Table(
        title="Bảng 1. Kết quả thực hiện nhiệm vụ",
        columns=["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Chỉ tiêu", "Đã đạt", "Tình trạng"],
        rows=rows,
        total_row=["", "Tổng cộng", "", 2 * count, sum(i % 3 for i in range(1, count + 1)), ""],
        widths=[0.6, 4, 2.6, 1.2, 1.2, 1.8],
    )


def sample_document(tasks: int = 3) -> OfficialDocument:
    return OfficialDocument(
        authority="",
        issuer="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        number="Số:      /BC-UBND",
        place="Lạng Sơn",
        date=dt.date(2026, 12, 7),
        kind="BÁO CÁO",
        title="Kết quả thực hiện Kế hoạch phát triển du lịch và Công viên địa chất năm 2026",
        opening=["Thực hiện Kế hoạch số 16/KH-UBND, Ủy ban nhân dân tỉnh báo cáo kết quả như sau:"],
        sections=[
            Section(
                "Kết quả thực hiện",
                subsections=[
                    Section(
                        "Kết quả thực hiện các nhiệm vụ",
                        blocks=["Đã hoàn thành 2 nhiệm vụ (chi tiết tại Phụ lục)."],
                    ),
                    Section(
                        "Chỉ tiêu du lịch",
                        blocks=[
                            Table(
                                title="Bảng 2. Chỉ tiêu du lịch",
                                columns=["Chỉ tiêu", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
                                rows=[["Tổng lượt khách", "lượt", 4700000, 4123456, 87.7]],
                            ),
                            Chart(
                                title="Thực hiện so với kế hoạch",
                                categories=["Tổng lượt khách", "Khách quốc tế"],
                                series=[Series("Kế hoạch", [100, 100]), Series("Thực hiện", [87.7, 64.2])],
                                unit="%",
                            ),
                        ],
                    ),
                ],
            ),
            Section("Tồn tại, hạn chế và nguyên nhân", blocks=["Một số nhiệm vụ còn chậm."]),
            Section("Phương hướng, nhiệm vụ năm 2027", blocks=["Tiếp tục triển khai."]),
            Section("Đề xuất, kiến nghị", blocks=["Đề nghị Bộ Văn hóa, Thể thao và Du lịch hỗ trợ."]),
        ],
        closing="Trên đây là báo cáo kết quả thực hiện Kế hoạch năm 2026",
        recipients=["Bộ Văn hóa, Thể thao và Du lịch;", "Thường trực Tỉnh ủy;", "Lưu: VT, KGVX."],
        signer_capacity=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Văn A",
        appendices=[Appendix("Kết quả thực hiện các nhiệm vụ", blocks=[task_table(tasks)])],
        appendix_reference="(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 12 năm 2026 của UBND tỉnh Lạng Sơn)",
    )
