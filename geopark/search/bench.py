"""The searches timed by the scale benchmark (bench/scale.py) as pages."""


def urls() -> dict[str, str]:
    return {
        "search page": "/vi/search/?q=dong+dang",
        "search page, common word": "/vi/search/?q=hang",
        "API search": "/api/v1/search?q=dong+dang",
        "API search, no diacritics": "/api/v1/search?q=chua+tam+thanh",
        "API search, type filter": "/api/v1/search?q=hang&type=site",
    }
