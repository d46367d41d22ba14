"""A site's dossier as PDF (WeasyPrint): identity, location, texts, assessments, condition, hazards.

Images are embedded as data URIs, so the PDF never depends on the web server or on where media
files are stored. The text uses DejaVu Sans from the system (fonts-dejavu-core): WeasyPrint 70
mis-maps the glyphs of the site's subset WOFF2 files, and DejaVu covers every Vietnamese letter."""

from __future__ import annotations

import base64
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from geopark.heritage.models import Site

from . import assessment as brilha
from . import charts, selectors


def _data_uri(image, spec: str) -> str | None:
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None
    mime = "image/png" if rendition.file.name.lower().endswith(".png") else "image/jpeg"
    if rendition.file.name.lower().endswith(".webp"):
        mime = "image/webp"
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def dossier_context(site: Site) -> dict:
    history = selectors.assessment_history(site)
    inspections = list(site.inspections.all())
    current = site.current_assessment
    return {
        "site": site,
        "current": current,
        "values": [
            (
                brilha.VALUE_ABBREVIATIONS[v],
                brilha.VALUE_LABELS[v],
                getattr(current, v.value) if current else None,
            )
            for v in brilha.Value
        ],
        "relevance": brilha.scientific_relevance(current.scientific) if current else None,
        "history": list(reversed(history)),
        "history_chart": charts.history_chart(history) if len(history) > 1 else "",
        "inspections": list(reversed(inspections)),
        "condition_chart": charts.condition_sparkline(inspections) if inspections else "",
        "map": charts.location_map(site),
        "photos": [
            {"src": uri, "caption": photo.caption, "credit": photo.credit}
            for photo in list(site.photos.all())[:4]
            if (uri := _data_uri(photo.image, "max-800x600"))
        ],
        "inspection_photos": [
            {"src": uri, "caption": f"{inspection.inspected_on.isoformat()} {p.caption}".strip()}
            for inspection in reversed(inspections)
            for p in inspection.photos.all()[:2]
            if (uri := _data_uri(p.image, "max-600x450"))
        ][:4],
        "open_follow_ups": [f for f in site.follow_ups.all() if f.status == "open"],
        "today": timezone.localdate(),
    }


def render_dossier(site: Site, *, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("conservation/admin/dossier.html", dossier_context(site), request=request)
    return HTML(string=html, base_url=str(Path(finders.find("css/site.css") or ".").parent)).write_pdf()
