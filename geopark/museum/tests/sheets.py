"""Building catalogue spreadsheets for tests."""

from __future__ import annotations

import csv
import io

HEADER = [
    "catalogue_number",
    "kind",
    "taxon",
    "common_name_vi",
    "common_name_en",
    "period",
    "find_site",
    "found_on",
    "excavation",
    "excavation_year",
    "excavation_team",
    "excavation_partners",
    "storage_place",
    "public",
]


def row(number: str = "LS-001", **values: str) -> dict[str, str]:
    base = {
        "catalogue_number": number,
        "kind": "fossil",
        "taxon": "Pongo",
        "common_name_vi": "Răng đười ươi",
        "common_name_en": "Orangutan tooth",
        "period": "Pleistocene",
        "find_site": "LSG-X-01",
        "found_on": "2019-11-30",
        "excavation": "TK-2019",
        "excavation_year": "2019",
        "excavation_team": "Museum and Institute of Archaeology",
        "excavation_partners": "Institute of Archaeology | University of Wollongong",
        "storage_place": "Kho B",
        "public": "yes",
    }
    base.update(values)
    return base


def csv_bytes(rows: list[dict[str, str]], header: list[str] | None = None, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header or HEADER, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
