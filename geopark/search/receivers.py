from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import published, unpublished

from geopark.heritage.models import Site

from . import services


@receiver(published, sender=Site)
@receiver(unpublished, sender=Site)
def reindex_site(sender, instance: Site, **kwargs) -> None:
    site = Site.objects.with_places().get(pk=instance.pk)
    services.index_site(site)
