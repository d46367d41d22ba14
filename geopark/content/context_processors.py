"""What every public page's menu needs: which sections have something to show (content.sections),
looked up only when a template asks (the admin's pages never do)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .sections import section_presence


def public_sections(request: HttpRequest) -> dict[str, Any]:
    return {"public_sections": SimpleLazyObject(section_presence)}
