"""Signals the heritage app sends for apps above it, which it may not import (docs/architecture.md)."""

from django.dispatch import Signal

# A site's permanent short address (/s/<code>, printed on its signboard and in its QR code) was
# opened: sent with `site` and `request`. The signboards app counts these per day.
short_link_used = Signal()
