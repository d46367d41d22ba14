"""A route as GPX (gpxpy) and KML: the line it is drawn with and a waypoint per placed stop."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import gpxpy.gpx

from geopark.routes.models import Route, RouteGeometry

KML_NS = "http://www.opengis.net/kml/2.2"


def _name(obj, lang: str) -> str:
    return getattr(obj, f"name_{lang}", "") or obj.name_vi


def _waypoints(geometry: RouteGeometry, lang: str):
    for stop in geometry.stops:
        position = stop.site.map_position
        if position is not None:
            yield stop, position, _name(stop.site, lang)


def route_gpx(route: Route, geometry: RouteGeometry, lang: str, site_url) -> str:
    gpx = gpxpy.gpx.GPX()
    gpx.name = _name(route, lang)
    gpx.creator = "Geopark Platform"
    for stop, (lat, lon), name in _waypoints(geometry, lang):
        point = gpxpy.gpx.GPXWaypoint(latitude=lat, longitude=lon, name=f"{stop.position}. {name}")
        point.link = site_url(stop.site)
        point.type = stop.site.site_type
        gpx.waypoints.append(point)
    line = geometry.latlngs
    if len(line) >= 2:
        track = gpxpy.gpx.GPXTrack(name=_name(route, lang))
        # A route with no surveyed track is drawn straight between its stops: said in the track's
        # type, so a navigation app's user knows it is not the road.
        track.type = "surveyed" if geometry.surveyed else "schematic"
        segment = gpxpy.gpx.GPXTrackSegment([gpxpy.gpx.GPXTrackPoint(lat, lon) for lat, lon in line])
        track.segments.append(segment)
        gpx.tracks.append(track)
    return gpx.to_xml(version="1.1")


def route_kml(route: Route, geometry: RouteGeometry, lang: str, site_url) -> bytes:
    ET.register_namespace("", KML_NS)
    kml = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(kml, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = _name(route, lang)
    for stop, (lat, lon), name in _waypoints(geometry, lang):
        mark = ET.SubElement(doc, f"{{{KML_NS}}}Placemark")
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = f"{stop.position}. {name}"
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = site_url(stop.site)
        point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{lon:.6f},{lat:.6f}"
    line = geometry.latlngs
    if len(line) >= 2:
        mark = ET.SubElement(doc, f"{{{KML_NS}}}Placemark")
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = _name(route, lang)
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = (
            "surveyed" if geometry.surveyed else "schematic"
        )
        string = ET.SubElement(mark, f"{{{KML_NS}}}LineString")
        ET.SubElement(string, f"{{{KML_NS}}}tessellate").text = "1"
        ET.SubElement(string, f"{{{KML_NS}}}coordinates").text = " ".join(
            f"{lon:.6f},{lat:.6f}" for lat, lon in line
        )
    return ET.tostring(kml, encoding="utf-8", xml_declaration=True)


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
