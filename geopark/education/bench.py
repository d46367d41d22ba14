"""The education section's pages timed by the scale benchmark (bench/scale.py)."""

from .models import Audience


def urls() -> dict[str, str]:
    return {
        "education": "/vi/education/",
        "education, audience filter": f"/en/education/?audience={Audience.values[0]}",
    }
