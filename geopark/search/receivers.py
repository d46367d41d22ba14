from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from geopark.content.models import ContactPage, NewsPage, StandardPage
from geopark.events.models import Event
from geopark.heritage.models import Site
from geopark.routes.models import Route

from . import services


@receiver(published, sender=Site)
@receiver(unpublished, sender=Site)
def reindex_site(sender, instance: Site, **kwargs) -> None:
    site = Site.objects.with_places().get(pk=instance.pk)
    services.index_site(site)


@receiver(published, sender=Route)
@receiver(unpublished, sender=Route)
def reindex_route(sender, instance: Route, **kwargs) -> None:
    services.index_route(Route.objects.get(pk=instance.pk))


# Pages: published (also when scheduled), unpublished or deleted (Wagtail unpublishes a page it deletes).
@receiver(page_published, sender=NewsPage)
@receiver(page_published, sender=StandardPage)
@receiver(page_published, sender=ContactPage)
def reindex_page(sender, instance, **kwargs) -> None:
    services.index_page(instance)


@receiver(page_unpublished, sender=NewsPage)
@receiver(page_unpublished, sender=StandardPage)
@receiver(page_unpublished, sender=ContactPage)
def unindex_page(sender, instance, **kwargs) -> None:
    services.unindex_page(instance)


# Events are snippets without Wagtail's publishing signals; saving one (admin or loader) is publishing it.
@receiver(post_save, sender=Event)
def reindex_event(sender, instance: Event, **kwargs) -> None:
    services.index_event(Event.objects.with_places().get(pk=instance.pk))


@receiver(post_delete, sender=Event)
def unindex_event(sender, instance: Event, **kwargs) -> None:
    services.unindex_event(instance.pk)
