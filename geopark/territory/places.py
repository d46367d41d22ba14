"""Finding a row's place (former and current communes) by the name a data file writes."""

from __future__ import annotations

import re

from geopark.core.text import fold

from .models import Commune, FormerCommune


class PlaceIndex:
    """Finds former and current units by folded name, so "Hữu Lũng"/"huu lung" both match.

    The unit list tells apart units that share a short name ("Chi Lăng (Xã)" and "Chi Lăng (Thị
    trấn)"); a data file may use the full name ("Xã Chi Lăng") to say which one it means. An
    importer that names only current communes asks for `former=False` and saves the query."""

    def __init__(self, province_code: str, *, former: bool = True) -> None:
        self.former: dict[tuple[str, str], list[FormerCommune]] = {}
        units = (
            FormerCommune.objects.filter(province_code=province_code).select_related("current")
            if former
            else []
        )
        for unit in units:
            district = fold(unit.district_short_name)
            short = fold(re.sub(r"\(.*?\)", "", unit.short_name))
            for key in {short, fold(unit.name)}:
                self.former.setdefault((district, key), []).append(unit)
        self.current: dict[str, Commune] = {}
        for commune in Commune.objects.filter(province_code=province_code):
            self.current.setdefault(fold(commune.short_name), commune)
            self.current.setdefault(fold(commune.name), commune)
        self.districts = {district for district, _ in self.former}

    def commune(self, name: str) -> Commune | None:
        """The current commune or ward of that name (short or full), or None."""
        return self.current.get(fold(name))

    def former_unit(self, district: str, commune: str) -> FormerCommune | None:
        """The unit, or None when there is none; raises LookupError when the name is ambiguous."""
        found = self.former.get((fold(district), fold(commune)), [])
        if len(found) > 1:
            names = " or ".join(sorted(unit.name for unit in found))
            raise LookupError(f"former commune '{commune}' is ambiguous in {district}: write {names}")
        return found[0] if found else None
