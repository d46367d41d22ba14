"""GPX files written for the tests, small enough to check by hand."""

from __future__ import annotations


def gpx(points, *, route: bool = False) -> bytes:
    """A GPX 1.1 file of (lat, lon, elevation or None) points, as a track (or a route)."""
    tag = "rtept" if route else "trkpt"
    body = "".join(
        f'<{tag} lat="{lat}" lon="{lon}">' + (f"<ele>{ele}</ele>" if ele is not None else "") + f"</{tag}>"
        for lat, lon, ele in points
    )
    inner = f"<rte>{body}</rte>" if route else f"<trk><name>Test</name><trkseg>{body}</trkseg></trk>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">{inner}</gpx>'
    ).encode()


# Three points due north along the meridian 106.75° E, 0.001° of latitude apart: each step is
# R·Δφ = 6,371,008.8 m × 0.001 × π/180 = 111.195 m, so the track is 222.390 m long; it climbs from
# 100 m to 130 m (30 m up) and comes down to 110 m (20 m down).
SMALL = gpx([(21.850, 106.75, 100), (21.851, 106.75, 130), (21.852, 106.75, 110)])
SMALL_LENGTH_M = 2 * 6_371_008.8 * 0.001 * 3.141592653589793 / 180

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<gpx version="1.1" creator="&h;"><trk><trkseg><trkpt lat="21.85" lon="106.75"/><trkpt lat="21.86" lon="106.75"/></trkseg></trk></gpx>"""
