from geopark.core.sitemaps import I18nSitemap

from .models import CollectionItem


class CollectionItemSitemap(I18nSitemap):
    changefreq = "monthly"
    slug_url_name = "museum:item_detail"

    def items(self):
        return CollectionItem.objects.public().order_by("pk")
