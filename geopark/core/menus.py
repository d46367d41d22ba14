"""The admin menu item every app uses for its own pages: shown only to those who may open the page
(the page checks again). Wagtail's MenuItem shows itself to everyone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from wagtail.admin.menu import MenuItem


class GatedMenuItem(MenuItem):
    """Shown to whoever holds any of `permissions`, or to whom `shown(user)` says yes."""

    def __init__(
        self,
        *args: Any,
        permissions: str | Sequence[str] = (),
        shown: Callable[[Any], bool] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.permissions = (permissions,) if isinstance(permissions, str) else tuple(permissions)
        self.shown = shown

    def is_shown(self, request) -> bool:
        if self.shown is not None:
            return self.shown(request.user)
        return any(request.user.has_perm(permission) for permission in self.permissions)
