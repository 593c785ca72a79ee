from django import template
from django.utils.safestring import mark_safe

from taxonomy.notes.markdown import is_allowed_link, plain_text

register = template.Library()


@register.simple_tag(takes_context=True)
def with_param(context, name: str, value) -> str:
    """The current query string with ``name`` set to ``value``: pager and facet links."""
    params = context["request"].GET.copy()
    params[name] = value
    if name != "page":
        params.pop("page", None)  # a new filter starts at its first page
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def without_param(context, name: str) -> str:
    params = context["request"].GET.copy()
    params.pop(name, None)
    params.pop("page", None)
    return "?" + params.urlencode()


@register.filter
def safe_url(url: str) -> str:
    """Only http, https and mailto links reach an href; anything else becomes no link."""
    return url if url and is_allowed_link(url) else ""


@register.simple_tag(takes_context=True)
def nav_current(context, href: str, *within: str) -> str:
    """aria-current for a link of the site's menu: "page" on the page it leads to, "true"
    on the pages under it (``href`` or ``within``, prefixes of their paths). Nothing where
    there is no request (the 500 page)."""
    request = context.get("request")
    if request is None:
        return ""
    if request.path == href:
        return mark_safe(' aria-current="page"')
    under = [prefix for prefix in (href, *within) if prefix != "/"]
    if any(request.path.startswith(prefix) for prefix in under):
        return mark_safe(' aria-current="true"')
    return ""


# Imported text (a skill set's label, the line introducing it) shown as text, without the
# emphasis markers of its Markdown; autoescaped as any text.
register.filter("plain_text", plain_text)
