"""/api/v1/geopark/…: facts about the geopark itself that maps need."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from geopark.core.api import Message

from .models import Geopark

router = Router(tags=["geopark"])


@router.get(
    "/geopark/boundary.geojson",
    response={200: dict, 404: Message},
    summary="The geopark's official boundary as GeoJSON, when the dataset has one",
)
def boundary_geojson(request: HttpRequest):
    geopark = Geopark.objects.only("pk", "boundary").order_by("pk").first()
    if geopark is None or not geopark.boundary:
        return Status(404, {"detail": "This geopark has no published boundary in its dataset."})
    return geopark.boundary
