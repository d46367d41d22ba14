"""The screens' part of the query-count world: one display at a known address; the heritage and
events worlds grow the sites, notices and events it shows."""

from __future__ import annotations

from .factories import ScreenFactory


def seed(world: dict) -> None:
    ScreenFactory(token="world-screen-token")


def grow(world: dict) -> None:
    """Nothing of its own: the sites (featured ones among them), notices and events come from the
    apps that keep them."""
