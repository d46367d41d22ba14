"""A route as GPX (gpxpy) and KML: the line it is drawn with and a waypoint per placed stop. The
writers of one line and its waypoints (`line_gpx`, `line_kml`) serve the trails too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import gpxpy.gpx

from geopark.routes.models import Route, RouteGeometry

KML_NS = "http://www.opengis.net/kml/2.2"


def _name(obj, lang: str) -> str:
    return getattr(obj, f"name_{lang}", "") or obj.name_vi


@dataclass(frozen=True)
class Waypoint:
    lat: float
    lon: float
    name: str
    link: str = ""
    kind: str = ""


def _waypoints(geometry: RouteGeometry, lang: str, site_url) -> list[Waypoint]:
    return [
        Waypoint(
            lat, lon, f"{stop.position}. {_name(stop.site, lang)}", site_url(stop.site), stop.site.site_type
        )
        for stop in geometry.stops
        if (position := stop.site.map_position) is not None
        for lat, lon in [position]
    ]


def line_gpx(name: str, waypoints: Sequence[Waypoint], line: Sequence[tuple], line_type: str) -> str:
    """A GPX file of one line ((lat, lon) or (lat, lon, elevation) points) and its waypoints: the
    writer of the routes' and the trails' files."""
    gpx = gpxpy.gpx.GPX()
    gpx.name = name
    gpx.creator = "Geopark Platform"
    for waypoint in waypoints:
        point = gpxpy.gpx.GPXWaypoint(latitude=waypoint.lat, longitude=waypoint.lon, name=waypoint.name)
        point.link = waypoint.link or None
        point.type = waypoint.kind or None
        gpx.waypoints.append(point)
    if len(line) >= 2:
        track = gpxpy.gpx.GPXTrack(name=name)
        # A line that is not surveyed is said so in the track's type, so a navigation app's user
        # knows it is not the road.
        track.type = line_type
        segment = gpxpy.gpx.GPXTrackSegment(
            [gpxpy.gpx.GPXTrackPoint(p[0], p[1], elevation=p[2] if len(p) > 2 else None) for p in line]
        )
        track.segments.append(segment)
        gpx.tracks.append(track)
    return gpx.to_xml(version="1.1")


def line_kml(name: str, waypoints: Sequence[Waypoint], line: Sequence[tuple], line_type: str) -> bytes:
    """The same as KML: a placemark per waypoint (its link as description) and the line."""
    ET.register_namespace("", KML_NS)
    kml = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(kml, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = name
    for waypoint in waypoints:
        mark = ET.SubElement(doc, f"{{{KML_NS}}}Placemark")
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = waypoint.name
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = waypoint.link
        point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{waypoint.lon:.6f},{waypoint.lat:.6f}"
    if len(line) >= 2:
        mark = ET.SubElement(doc, f"{{{KML_NS}}}Placemark")
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = name
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = line_type
        string = ET.SubElement(mark, f"{{{KML_NS}}}LineString")
        ET.SubElement(string, f"{{{KML_NS}}}tessellate").text = "1"
        ET.SubElement(string, f"{{{KML_NS}}}coordinates").text = " ".join(
            f"{p[1]:.6f},{p[0]:.6f}" + (f",{p[2]:.1f}" if len(p) > 2 and p[2] is not None else "")
            for p in line
        )
    return ET.tostring(kml, encoding="utf-8", xml_declaration=True)


def _line_type(geometry: RouteGeometry) -> str:
    return "surveyed" if geometry.surveyed else "schematic"


def route_gpx(route: Route, geometry: RouteGeometry, lang: str, site_url) -> str:
    return line_gpx(
        _name(route, lang), _waypoints(geometry, lang, site_url), geometry.latlngs, _line_type(geometry)
    )


def route_kml(route: Route, geometry: RouteGeometry, lang: str, site_url) -> bytes:
    return line_kml(
        _name(route, lang), _waypoints(geometry, lang, site_url), geometry.latlngs, _line_type(geometry)
    )


def plan_gpx(plan, lang: str) -> str:
    gpx = gpxpy.gpx.GPX()
    gpx.name = f"Trip plan {plan.pk}"
    gpx.creator = "Geopark Platform"
    for number, day in enumerate(plan.itinerary["days"], start=1):
        points = [(plan.itinerary["start"]["lat"], plan.itinerary["start"]["lon"])] if number == 1 else []
        for order, stop in enumerate(day["stops"], start=1):
            name = stop["name"].get(lang) or stop["name"]["vi"]
            gpx.waypoints.append(
                gpxpy.gpx.GPXWaypoint(
                    latitude=stop["lat"],
                    longitude=stop["lon"],
                    name=f"{number}.{order} {name}",
                    comment=f"{day['date']} {stop['arrival']}–{stop['departure']}",
                )
            )
            points.append((stop["lat"], stop["lon"]))
        if len(points) >= 2:
            track = gpxpy.gpx.GPXTrack(name=day["date"])
            track.segments.append(
                gpxpy.gpx.GPXTrackSegment([gpxpy.gpx.GPXTrackPoint(a, b) for a, b in points])
            )
            gpx.tracks.append(track)
    return gpx.to_xml(version="1.1")


def plan_kml(plan, lang: str) -> bytes:
    ET.register_namespace("", KML_NS)
    kml = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(kml, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = f"Trip plan {plan.pk}"
    for day in plan.itinerary["days"]:
        folder = ET.SubElement(doc, f"{{{KML_NS}}}Folder")
        ET.SubElement(folder, f"{{{KML_NS}}}name").text = day["date"]
        for stop in day["stops"]:
            mark = ET.SubElement(folder, f"{{{KML_NS}}}Placemark")
            ET.SubElement(mark, f"{{{KML_NS}}}name").text = stop["name"].get(lang) or stop["name"]["vi"]
            ET.SubElement(mark, f"{{{KML_NS}}}description").text = f"{stop['arrival']}–{stop['departure']}"
            point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
            ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{stop['lon']:.6f},{stop['lat']:.6f}"
    return ET.tostring(kml, encoding="utf-8", xml_declaration=True)
