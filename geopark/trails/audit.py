"""What the trails keep the change history of (GeoparkApp.audited_models): every change to a trail
(its texts, figures and track) and to its points of interest, with who and when."""

from .models import Trail, TrailPoint

# The track itself is a long list of coordinates: its upload is kept as the change of
# track_uploaded_at and of the measured figures, not the thousands of numbers.
AUDITED = [
    {"model": Trail, "exclude": ["track", "data_checksum"], "m2m": []},
    {"model": TrailPoint, "exclude": [], "m2m": []},
]
