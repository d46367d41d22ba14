"""`{% fragment %}`: a piece of a public page rendered once per process and language, and again
only when a write moves the page-cache generations it depends on (operations.pagecache).

    {% load fragments %}
    {% fragment "site_card" site.pk heading_level %} … {% endfragment %}
    {% fragment "news_card" article.pk compact shows="content.NewsPage" %} … {% endfragment %}

The name and the values after it (`vary`) say which piece it is: everything the piece shows that
its records do not determine (a heading level, the menu entry that is current) must be among
them; the current language always is. `shows`: the labels of the models it shows whose apps
declared their pages (`GeoparkApp.shown_on`), whose writes move the fragment's tags; every fragment
also depends on "*", which writes to undeclared models (sites, routes, communes, images) move.

A page-cache miss after a write to one app thus re-renders the pieces that show that app's
records, and takes every other card, menu and footer as it was: the cost of a miss is what
changed, not the whole page. Why not Django's `{% cache %}`: it expires on a timer, so an edit
would stay invisible until it ran out."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, Node, NodeList, Parser, Token
from django.utils import translation
from django.utils.safestring import mark_safe

from geopark.operations import pagecache

register = template.Library()


class FragmentNode(Node):
    def __init__(
        self, nodelist: NodeList, name: FilterExpression, vary: list[FilterExpression], shows: str
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.shows = tuple(shows.split())

    def tags(self) -> tuple[str, ...]:
        # Resolved at render, not at parse: the apps' declarations are complete only once Django is up.
        return pagecache.tags_for_labels(self.shows)

    def render(self, context: Any) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A draft in the admin's preview neither uses nor leaves a piece of the public pages.
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary = (
            translation.get_language(),
            *(_hashable(expression.resolve(context)) for expression in self.vary),
        )
        return pagecache.remembered(
            f"fragment.{name}",
            self.tags(),
            # Rendered by the template engine, which escaped what it had to.
            lambda: mark_safe(self.nodelist.render(context)),
            vary=vary,
        )


def _hashable(value: Any) -> Any:
    # A mapping (which sections have something to show) stands for its items.
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% fragment %} needs a name: {% fragment "name" [vary …] [shows="app.Model …"] %}'
        )
    shows = ""
    vary = []
    for bit in bits[2:]:
        if bit.startswith("shows="):
            shows = bit[len("shows=") :].strip("\"'")
        else:
            vary.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), vary, shows)
