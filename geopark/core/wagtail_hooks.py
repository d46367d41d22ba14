from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def chart_css() -> str:
    # Every admin page that shows a chart (conservation, plans, cooperation) lets it fit the screen.
    return format_html('<link rel="stylesheet" href="{}">', static("core/charts.css"))
