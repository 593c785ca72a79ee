"""Public pages of the taxonomy: the field tree, one field, technologies, compare, search."""

from __future__ import annotations

import html
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from lib.charts import bar_chart
from lib.csv_download import csv_response
from lib.paging import paginate, window
from lib.pickers import Pick, complaints
from lib.tree_rows import tree_rows
from postings.models import Company, Role
from taxonomy.demand import (
    asked_with,
    comparison,
    field_demand,
    fields_asking,
    roles_asking_for,
    side_name,
    technology_demand,
)
from taxonomy.models import (
    ResearchArea,
    SearchDocument,
    Skill,
    SkillSet,
    Technology,
    folder_anchor,
)
from taxonomy.notes.markdown import contents_of
from taxonomy.pickers import BY_PLURAL, FIELDS, ROLES
from taxonomy.search import search
from taxonomy.tree import AreaTree, Node, field_counts

TOP_TECHNOLOGIES = 12
SEARCH_EXPORT = 1000  # results in a search's CSV: past these, a search is too broad to keep
TOP_FIELDS = 20
# A field page lists its contents at the top once it has this many skill sets and headings
# in its notes together: a count of sections, which a page's height in pixels follows.
CONTENTS_FROM = 8
# A field page shows its own skill sets this many at a time: the biggest field of the real
# notes has 119, each with its lines.
SKILL_SETS_PER_PAGE = 25


# A page of the home page lists this many top-level fields, each with at most this many
# fields below it (in tree order; the rest are on its own page), so that its size does not
# grow with the notes.
HOME_FIELDS = 50
HOME_BELOW = 20


@dataclass(slots=True)
class HomeField:
    """One field as the home page shows it: read as plain values, since there may be
    thousands and only a page of them is shown."""

    pk: int
    parent_id: int | None
    name: str
    slug: str
    position: int
    path: str | None  # of its notes file; None for a field made in the admin
    total_roles: int = 0  # of ``taxonomy.tree.field_counts``
    total_skill_sets: int = 0
    more_below: int = 0

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0] if self.path else ""

    def get_absolute_url(self) -> str:
        return reverse("field-detail", args=[self.slug])


def home(request):
    """Top-level fields grouped by the folder of their notes file, a page at a time, each
    with the fields below it and the roles and skill sets of its whole subtree. Fields with
    neither, anywhere below them, are hidden unless ``?empty=1``."""
    show_empty = request.GET.get("empty") == "1"
    rows = ResearchArea.objects.order_by("position", "pk").values_list(
        "pk", "parent_id", "name", "slug", "aliases", "notes_source", "position",
        "notes_source__path",
    )  # fmt: skip
    areas, nodes = [], []
    for pk, parent, name, slug, aliases, source, position, path in rows:
        areas.append(HomeField(pk, parent, name, slug, position, path))
        nodes.append(Node(pk, parent, name, slug, tuple(aliases), source))
    by_pk = {area.pk: area for area in areas}
    tree = AreaTree(nodes)
    # The counts the roadmap picker shows too: each field's subtree and filed sections.
    for pk, counts in field_counts(tree).items():
        by_pk[pk].total_roles, by_pk[pk].total_skill_sets = counts.roles, counts.skill_sets
    order = [row.item for row in tree_rows(areas)]

    def shown(area) -> bool:
        return show_empty or bool(area.total_roles or area.total_skill_sets)

    rank = {area.pk: index for index, area in enumerate(order)}
    roots = _in_folder_order([by_pk[node.pk] for node in tree.children(None)])
    listed = [area for area in roots if shown(area)]
    page = paginate(request, listed, per_page=HOME_FIELDS)
    on_page: dict[str, list] = {}
    for root in page:
        below = sorted(
            (by_pk[pk] for pk in tree.subtree(root.pk)[1:] if shown(by_pk[pk])),
            key=lambda area: rank[area.pk],
        )
        root.more_below = max(0, len(below) - HOME_BELOW)
        on_page.setdefault(root.folder, []).extend([root, *below[:HOME_BELOW]])
    first_page: dict[str, int] = {}
    for index, root in enumerate(listed):
        first_page.setdefault(root.folder, index // HOME_FIELDS + 1)
    folders = [
        Folder(path, tree_rows(fields), first_page[path]) for path, fields in on_page.items()
    ]
    return render(
        request,
        "taxonomy/home.html",
        {
            "folders": folders or [Folder("", [], 1)],
            "all_folders": [Folder(path, [], number) for path, number in first_page.items()],
            "page": page,
            "hidden": 0 if show_empty else sum(1 for area in areas if not shown(area)),
            "show_empty": show_empty,
            "demand": technology_demand(limit=TOP_TECHNOLOGIES),
        },
    )


@dataclass(frozen=True, slots=True)
class Folder:
    """The top-level fields of the notes files in one folder, for the home page."""

    path: str  # "" for files at the top, and for fields made in the admin
    rows: list  # lib.tree_rows of its fields on this page
    page: int  # the page its first field is on

    @property
    def anchor(self) -> str:
        """As ``NotesSource.get_absolute_url`` links to it."""
        return folder_anchor(self.path)

    @property
    def label(self) -> str:
        return self.path.replace("/", " / ") + "/" if self.path else ""


def _in_folder_order(roots: list[HomeField]) -> list[HomeField]:
    """Top-level fields in folder order (the top first, a sub-folder right after its folder),
    files in path order within a folder, and each file's fields in the file's order.

    Fields made in the admin have no file; they stand at the top, placed by their position
    among the fields of the first file there, so that a single file's page reads as before.
    """
    first = min((area.path for area in roots if area.path and not area.folder), default="")

    def place(area) -> tuple:
        return (area.folder.split("/"), area.path or first, area.position, area.pk)

    return sorted(roots, key=place)


def field_detail(request, slug):
    """One field: its roles, companies and demand over ``AreaTree.field`` (its sub-fields
    and the sections the notes file under it), and its own skill sets and notes."""
    area = get_object_or_404(ResearchArea, slug=slug)
    tree = AreaTree.load()
    in_field = tree.field(area.pk)
    roles = Role.objects.filter(area__in=in_field).select_related("company", "area")
    own_sets = SkillSet.objects.public().in_area(area)
    skill_sets = paginate(
        request,
        own_sets.select_related("role", "company").prefetch_related(
            Prefetch("skills", queryset=Skill.objects.public())
        ),
        per_page=SKILL_SETS_PER_PAGE,
        name="sets",
        default=_page_holding(own_sets, request.GET.get("set", "")),
    )
    headings = contents_of(area.notes_html)
    # Two subqueries, not two joins: joined, every role of a company would meet every one of
    # its skill sets before DISTINCT, and employers named in many postings have hundreds.
    companies = Company.objects.filter(
        Q(pk__in=Role.objects.filter(area__in=in_field).values("company"))
        | Q(pk__in=SkillSet.objects.public().filter(area__in=in_field).values("company"))
    )
    demand = technology_demand(areas=in_field, limit=TOP_TECHNOLOGIES)
    chart = bar_chart(
        [(d.technology.name, d.count, d.technology.get_absolute_url()) for d in demand]
    )
    return render(
        request,
        "taxonomy/field_detail.html",
        {
            "area": area,
            "ancestors": tree.ancestors(area.pk),
            "children": tree.children(area.pk),
            "filed": [tree.nodes[pk] for pk in tree.heads(area.pk)[1:]],
            "roles": paginate(request, roles),
            "skill_sets": skill_sets,
            "headings": headings,
            "show_contents": skill_sets.paginator.count + len(headings) >= CONTENTS_FROM,
            "companies": companies,
            "chart": chart,
            "compare_with": FIELDS.pick(""),
        },
    )


def field_demand_csv(request, slug):
    """Every technology the field asks for (``AreaTree.field``, as on its page), with the
    number of its public skill sets asking, most first, as a CSV download."""
    area = get_object_or_404(ResearchArea, slug=slug)
    demand = field_demand(area.pk, tree=AreaTree.load())
    rows = (
        (row.technology.name, row.technology.slug, row.technology.category, row.count)
        for row in demand
    )
    header = ("technology", "slug", "category", "skill sets asking")
    return csv_response(f"{area.slug}-technologies.csv", header, rows)


def _page_holding(skill_sets, asked: str) -> int:
    """The page of ``skill_sets`` (one field's, in their order) that holds the set whose pk
    is ``asked`` (``SkillSet.get_absolute_url`` links to it so); the first page when there
    is no such set. One query."""
    if not asked.isdecimal() or len(asked) > 18:
        return 1
    at = skill_sets.filter(pk=asked).values("position")[:1]
    before = skill_sets.filter(Q(position__lt=at) | Q(position=at, pk__lt=asked)).count()
    return before // SKILL_SETS_PER_PAGE + 1


@dataclass(frozen=True, slots=True)
class Category:
    value: str
    label: str
    asked: int  # its technologies that some skill set asks for
    unasked: int


def technology_list(request):
    """Technologies by demand (``Technology.demand``), each category by its label. Those no skill
    set asks for yet stand apart, behind ``?unasked=1``, so the list opens on what is asked.

    The technologies are the vocabulary's, hundreds however large the notes grow: their
    demand is read once, in order, and the facets and the page are cut from that."""
    category = request.GET.get("category", "")
    unasked = request.GET.get("unasked") == "1"
    rows = list(
        Technology.objects.order_by("-demand", "name").values_list("pk", "category", "demand")
    )
    counted: dict[str, list[int]] = {}
    for _, value, asked in rows:
        counted.setdefault(value, [0, 0])[0 if asked else 1] += 1
    labels = dict(Technology.Category.choices)
    categories = [
        Category(value, labels.get(value, value) or "Uncategorised", *counted[value])
        for value in sorted(counted, key=lambda value: (labels.get(value, value) or "~").casefold())
    ]
    listed = [
        (pk, demand)
        for pk, value, demand in rows
        if (demand == 0) == unasked and (not category or value == category)
    ]
    page = paginate(request, listed, per_page=50)
    shown = page.object_list
    found = Technology.objects.in_bulk([pk for pk, _ in shown])
    for pk, demand in shown:
        found[pk].demand = demand
    page.object_list = [found[pk] for pk, _ in shown]
    return render(
        request,
        "taxonomy/technology_list.html",
        {
            "categories": categories,
            "category": next((c for c in categories if c.value == category), None),
            "unasked": unasked,
            "unasked_total": sum(c.unasked for c in categories),
            "technologies": page,
        },
    )


def technology_detail(request, slug):
    technology = get_object_or_404(Technology, slug=slug)
    # Every list below is an IN-subquery, never a correlated one, so the plans stay simple
    # on both databases at any size.
    mentions = Skill.objects.public().filter(taggedskill__tag=technology)
    roles = (
        Role.objects.filter(pk__in=roles_asking_for(technology))
        .select_related("company", "area")
        .order_by("title", "pk")
    )
    # Newest first, along the index of its tags (ordered by the tag's column, which SQLite
    # does not know equals the line's pk), and not counted: the most asked-for technologies
    # are mentioned by tens of thousands of lines, and a page shows 25.
    lines = mentions.select_related("skill_set__role", "skill_set__area").order_by(
        F("taggedskill__content_object_id").desc()
    )
    fields, field_count = fields_asking(technology, limit=TOP_FIELDS)
    return render(
        request,
        "taxonomy/technology_detail.html",
        {
            "technology": technology,
            "fields": fields,
            "more_fields": field_count - len(fields),
            "roles": paginate(request, roles, name="roles"),
            "together": asked_with(technology, limit=TOP_TECHNOLOGIES),
            "lines": window(request, lines),
        },
    )


FIELD_PAIR, ROLE_PAIR = ("a", "b"), ("role_a", "role_b")


def _compared(query) -> tuple[str, dict[str, Pick]]:
    """The mode the query string asks for and what each of its two parameters picks: two
    fields (``?a=&b=``) or two roles (``?role_a=&role_b=``), each typed by name or slug."""
    if any(query.get(name, "").strip() for name in ROLE_PAIR):
        mode, picker, names = "roles", ROLES, ROLE_PAIR
    else:
        mode, picker, names = "fields", FIELDS, FIELD_PAIR
    return mode, {name: picker.pick(query.get(name, "")) for name in names}


def compare(request):
    """Two fields (each with its sub-fields and the sections the notes file under it) or two
    roles side by side: what both ask for and what only one does."""
    mode, picked = _compared(request.GET)
    pick_a, pick_b = picked.values()
    a, b = pick_a.found, pick_b.found
    blank = {"fields": FIELDS.pick(""), "roles": ROLES.pick("")}
    picks = {kind: (pick, pick) for kind, pick in blank.items()} | {mode: (pick_a, pick_b)}
    context = {
        "mode": mode,
        "a": a,
        "b": b,
        "picks": picks,
        # One chosen and the other box left empty: a prompt for the second, not an error.
        "alone": (a or b) if not (pick_a.text and pick_b.text) else None,
        "comparison": comparison(a, b) if a and b else None,
    }
    return render(request, "taxonomy/compare.html", context)


def compare_csv(request):
    """The comparison ``compare`` shows for the same query string, one technology a row
    with both counts (0 where one does not ask for it): what both ask for first."""
    _, picks = _compared(request.GET)
    if problems := complaints(picks, required=True):
        return HttpResponseBadRequest("\n".join(problems), content_type="text/plain")
    a, b = (pick.found for pick in picks.values())
    side_by_side = comparison(a, b)
    rows = [
        *side_by_side.both,
        *((d.technology, d.count, 0) for d in side_by_side.only_a),
        *((d.technology, 0, d.count) for d in side_by_side.only_b),
    ]
    header = ("technology", "slug", "category", side_name(a), side_name(b))
    return csv_response(
        f"compare-{a.slug}-{b.slug}.csv"[:200],
        header,
        ((t.name, t.slug, t.category, count_a, count_b) for t, count_a, count_b in rows),
    )


@require_GET
def suggest(request, kind):
    """A few names for a picker's type-ahead list (``js/pickers.js``): value and label."""
    picker = BY_PLURAL.get(kind)
    if picker is None:
        raise Http404("No such picker.")
    found = picker.suggest(request.GET.get("q", ""))
    return JsonResponse({"suggestions": [{"value": c.slug, "label": c.label} for c in found]})


def search_page(request):
    query = request.GET.get("q", "")
    results = search(
        query,
        kind=request.GET.get("kind", ""),
        field=request.GET.get("field", ""),
        page=request.GET.get("page", 1),
    )
    return render(
        request,
        "taxonomy/search.html",
        {
            "results": results,
            "q": results.query,
            "kind": request.GET.get("kind", ""),
            "field": request.GET.get("field", ""),
            "kinds": SearchDocument.Kind.choices,
            "export_limit": SEARCH_EXPORT,
        },
    )


def search_csv(request):
    """The best ``SEARCH_EXPORT`` results ``search_page`` finds for the same query string, in
    its order, as a CSV download: titles and snippets as plain text, links in full."""
    found = search(
        request.GET.get("q", ""),
        kind=request.GET.get("kind", ""),
        field=request.GET.get("field", ""),
        per_page=SEARCH_EXPORT,
    )
    rows = (
        (hit.kind_label, hit.label, hit.context, request.build_absolute_uri(hit.url),
         html.unescape(strip_tags(hit.snippet)), hit.more)
        for hit in found.hits
    )  # fmt: skip
    header = ("kind", "title", "context", "url", "snippet", "other places asking the same")
    return csv_response("search.csv", header, rows)
