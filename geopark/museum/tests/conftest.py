"""Fixtures of the museum tests: a find site, and a small collection with a hidden item."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.museum.tests.factories import CollectionItemFactory, ExcavationFactory


@pytest.fixture
def cave(geopark):
    return SiteFactory(geopark=geopark, code="LSG-X-01", slug="hang-tham-khuyen", name_en="Tham Khuyen Cave")


@pytest.fixture
def collection(geopark):
    cave = SiteFactory(
        geopark=geopark,
        code="LSG-X-01",
        slug="hang-tham-khuyen",
        name_vi="Hang Thẩm Khuyên",
        name_en="Tham Khuyen Cave",
        name_zh="坦圈洞",
    )
    basin = SiteFactory(
        geopark=geopark,
        code="LSG-R4-02",
        slug="trung-na-duong",
        name_vi="Trũng Na Dương",
        name_en="Na Duong Basin",
    )
    dig = ExcavationFactory(
        code="TK-2019",
        year=2019,
        team="Bảo tàng tỉnh và Viện Khảo cổ học",
        partners="Institute of Archaeology\nUniversity of Wollongong",
    )
    tooth = CollectionItemFactory(
        catalogue_number="LS-001",
        taxon="Pongo pygmaeus",
        common_name_vi="Răng đười ươi",
        common_name_en="Orangutan tooth",
        common_name_zh="猩猩牙齿",
        find_site=cave,
        find_context="Lớp 3",
        excavation=dig,
        period_detail="Late Pleistocene",
        publications="Bacon et al. 2015\nhttps://example.org/paper",
    )
    stegodon = CollectionItemFactory(
        catalogue_number="LS-002",
        taxon="Stegodon",
        common_name_vi="Răng voi răng kiếm",
        common_name_en="Stegodon tooth",
        common_name_zh="",
        notes_zh="",
        find_site=cave,
    )
    croc = CollectionItemFactory(
        catalogue_number="ND-001",
        taxon="Crocodylia",
        period="paleogene",
        common_name_vi="Hóa thạch cá sấu",
        common_name_en="Crocodile fossil",
        find_site=basin,
    )
    hidden = CollectionItemFactory(catalogue_number="LS-999", common_name_vi="Mẫu chưa công bố", public=False)
    return {
        "cave": cave,
        "basin": basin,
        "tooth": tooth,
        "stegodon": stegodon,
        "croc": croc,
        "hidden": hidden,
    }
