"""Public pages of the taxonomy: the field tree, one field, technologies, compare, search."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from lib.charts import bar_chart
from lib.paging import paginate
from postings.models import Company, Role
from taxonomy.demand import (
    asked_with,
    compare_demand,
    fields_asking,
    technology_demand,
    with_demand,
)
from taxonomy.models import ResearchArea, SearchDocument, Skill, SkillSet, Technology, folder_anchor
from taxonomy.search import search
from taxonomy.tree import AreaTree, Node

TOP_TECHNOLOGIES = 12
TOP_FIELDS = 20


def home(request):
    areas = list(
        ResearchArea.objects.with_counts().select_related("notes_source").order_by("position", "pk")
    )
    by_pk = {area.pk: area for area in areas}
    tree = AreaTree([Node(a.pk, a.parent_id, a.name, a.slug) for a in areas])
    for area in areas:
        subtree = [by_pk[pk] for pk in tree.subtree(area.pk)]
        area.total_roles = sum(a.role_count for a in subtree)
        area.total_skill_sets = sum(a.skill_set_count for a in subtree)

    def branch(parent):
        return [(by_pk[node.pk], branch(node.pk)) for node in tree.children(parent)]

    return render(
        request,
        "taxonomy/home.html",
        {
            "folders": _by_folder(branch(None)),
            "demand": technology_demand(limit=TOP_TECHNOLOGIES),
        },
    )


@dataclass(frozen=True, slots=True)
class Folder:
    """The top-level fields of the notes files in one folder, for the home page."""

    path: str  # "" for files at the top, and for fields made in the admin
    tree: list

    @property
    def anchor(self) -> str:
        """As ``NotesSource.get_absolute_url`` links to it."""
        return folder_anchor(self.path)

    @property
    def label(self) -> str:
        return self.path.replace("/", " / ") + "/" if self.path else ""


def _by_folder(tree: list) -> list[Folder]:
    """Top-level fields grouped by their file's folder: folders in path order (the top
    first, a sub-folder right after its folder), files in path order within a folder, and
    each file's fields in the file's order.

    Fields made in the admin have no file; they stand at the top, placed by their position
    among the fields of the first file there, so that a single file's page reads as before.
    """
    top_files = [
        area.notes_source.path
        for area, _ in tree
        if area.notes_source and not area.notes_source.folder
    ]
    first = min(top_files, default="")

    def folder(area) -> str:
        return area.notes_source.folder if area.notes_source else ""

    def place(entry) -> tuple:
        area, _ = entry
        path = area.notes_source.path if area.notes_source else first
        return (folder(area).split("/"), path, area.position, area.pk)

    folders: dict[str, list] = {}
    for entry in sorted(tree, key=place):
        folders.setdefault(folder(entry[0]), []).append(entry)
    return [Folder(path, entries) for path, entries in folders.items()] or [Folder("", [])]


def field_detail(request, slug):
    area = get_object_or_404(ResearchArea, slug=slug)
    tree = AreaTree.load()
    subtree = tree.subtree(area.pk)
    roles = Role.objects.filter(area__in=subtree).select_related("company", "area")
    skill_sets = (
        SkillSet.objects.public()
        .in_area(area)
        .select_related("role", "company")
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.public()))
    )
    # Two subqueries, not two joins: joined, every role of a company would meet every one of
    # its skill sets before DISTINCT, and employers named in many postings have hundreds.
    companies = Company.objects.filter(
        Q(pk__in=Role.objects.filter(area__in=subtree).values("company"))
        | Q(pk__in=SkillSet.objects.public().filter(area__in=subtree).values("company"))
    )
    demand = technology_demand(areas=subtree, limit=TOP_TECHNOLOGIES)
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
            "roles": paginate(request, roles),
            "skill_sets": skill_sets,
            "companies": companies,
            "chart": chart,
            "others": [node for node in tree.nodes.values() if node.pk != area.pk],
        },
    )


def technology_list(request):
    category = request.GET.get("category", "")
    categories = (
        Technology.objects.order_by("category")
        .values("category")
        .annotate(technologies=Count("id"))
        .values_list("category", "technologies")
    )
    listed = with_demand(Technology.objects).order_by("-demand", "name")
    if category:
        listed = listed.filter(category=category)
    return render(
        request,
        "taxonomy/technology_list.html",
        {
            "categories": list(categories),
            "category": category,
            "technologies": paginate(request, listed, per_page=50),
        },
    )


def technology_detail(request, slug):
    technology = get_object_or_404(Technology, slug=slug)
    # Every list below is an IN-subquery of these lines, never a correlated one, so the
    # plans stay simple on both databases at any size.
    mentions = Skill.objects.public().filter(taggedskill__tag=technology)
    roles = (
        Role.objects.filter(pk__in=mentions.values("skill_set__role_id"))
        .select_related("company", "area")
        .order_by("title", "pk")
    )
    lines = mentions.select_related("skill_set__role", "skill_set__area").order_by(
        "skill_set__area__position", "skill_set__position", "position"
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
            "lines": paginate(request, lines),
        },
    )


def compare(request):
    """Two fields (``?a=&b=``, each with its sub-fields) or two roles (``?role_a=&role_b=``)."""
    tree = AreaTree.load()
    role_slugs = (request.GET.get("role_a", ""), request.GET.get("role_b", ""))
    context = {"fields": list(tree.nodes.values()), "a": None, "b": None, "comparison": None}
    if any(role_slugs):
        roles = {
            r.slug: r for r in Role.objects.filter(slug__in=role_slugs).select_related("company")
        }
        a, b = roles.get(role_slugs[0]), roles.get(role_slugs[1])
        context |= {"mode": "roles", "a": a, "b": b, "role_slugs": role_slugs}
        if a and b:
            context["comparison"] = compare_demand(
                technology_demand(roles=[a.pk]), technology_demand(roles=[b.pk])
            )
    else:
        a, b = tree.find(request.GET.get("a", "")), tree.find(request.GET.get("b", ""))
        context |= {"mode": "fields", "a": a, "b": b}
        if a and b:
            context["comparison"] = compare_demand(
                technology_demand(areas=tree.subtree(a.pk)),
                technology_demand(areas=tree.subtree(b.pk)),
            )
    return render(request, "taxonomy/compare.html", context)


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
        },
    )
