"""The partner pages timed by the scale benchmark (bench/scale.py)."""


def urls() -> dict[str, str]:
    return {
        "partner directory": "/vi/partners/",
        "partners API near a point": "/api/v1/partners?near=21.85,106.76",
        "find a guide": "/en/guides/",
    }
