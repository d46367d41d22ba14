"""Counts each opening of a site's short address by a person (heritage.signals.short_link_used)."""

from django.dispatch import receiver

from geopark.heritage.signals import short_link_used

from .services import count_scan, is_person


@receiver(short_link_used, dispatch_uid="signboards-count-scan")
def count(sender, site, request, **kwargs) -> None:
    if is_person(request):
        count_scan(site.pk)
