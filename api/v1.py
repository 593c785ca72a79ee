"""The read-only JSON API, version 1: what a person can browse, under ``/api/v1/``.

Built with django-ninja: the OpenAPI document (``/api/v1/openapi.json``) and the browsable
page (``/api/v1/docs``) come from the same type hints that check each query's parameters.
Lists are paged (``?page=``, 50 a page) in a stable order; every answer carries an ``ETag``
(``If-None-Match`` answers 304 while it holds): the browsable data's comes with
``Last-Modified`` from the data version, so revalidating costs one query. A bad parameter
answers 400, an unknown name 404, always as JSON ``{"detail": …}``.
"""

from collections import defaultdict
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, ValidationError
from ninja.pagination import PaginationBase, paginate
from ninja.security import HttpBearer, django_auth

from lib.pickers import Pick, Picker, complaints
from postings.models import Company, Role
from postings.views import filtered_roles
from roadmaps.export import export_data
from roadmaps.models import Roadmap, SkillProgress
from taxonomy.demand import DemandByField, comparison, field_demand, side_name
from taxonomy.models import ResearchArea, Skill, SkillSet, TaggedSkill, Technology
from taxonomy.pickers import FIELDS, ROLES
from taxonomy.search.query import search as site_search
from taxonomy.tree import AreaTree

PER_PAGE = 50
FIELDS_PER_PAGE = 10  # fields with every technology each asks for: a long answer each
MAX_PAGE = 100_000  # past any data's last page; beyond it an offset overflows the database
# The endpoints whose answer depends on who asks (by their names in the URL patterns).
PERSONAL = {"roadmaps", "roadmap", "progress"}

api = NinjaAPI(
    title="Fieldnotes API",
    version="1",
    description=__doc__.split("\n\n", 1)[1],
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


class ApiError(Exception):
    """A request the API understood but cannot answer: ``status`` and one line why."""

    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status, self.detail = status, detail


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return api.create_response(request, {"detail": exc.detail}, status=exc.status)


@api.exception_handler(ValidationError)
def _bad_parameters(request, exc: ValidationError):
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'][1:]) or 'request'}: {error['msg']}"
        for error in exc.errors
    )
    return api.create_response(request, {"detail": problems}, status=400)


@api.exception_handler(AuthenticationError)
def _signed_out(request, exc):
    return api.create_response(request, {"detail": "Sign in first, or send a token."}, status=401)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


class Paged(PaginationBase):
    """``?page=N`` (from 1), ``per_page`` items a page; the answer says how many in all and
    how many pages. Two queries: the count and the page."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        pages: int

    def __init__(self, *, per_page: int = PER_PAGE, **kwargs):
        super().__init__(**kwargs)
        self.per_page = per_page

    def paginate_queryset(self, queryset, pagination: Input, **params):
        count = self._items_count(queryset)
        start = (pagination.page - 1) * self.per_page
        return {
            "items": queryset[start : start + self.per_page],
            "count": count,
            "page": pagination.page,
            "pages": max(1, -(-count // self.per_page)),
        }


# -- schemas ---------------------------------------------------------------------------------


class Problem(Schema):
    detail: str  # one line: what was wrong


def answers(schema) -> dict:
    """What an endpoint answers: ``schema`` with 200, a ``Problem`` with 400, 401 or 404."""
    return {200: schema, 400: Problem, 401: Problem, 404: Problem}


class Named(Schema):
    name: str
    slug: str


class Linked(Schema):
    """A row with a page of its own on the site: ``url`` is its path."""

    url: str

    @staticmethod
    def resolve_url(row) -> str:
        return row.get_absolute_url()


class FieldOut(Linked):
    name: str
    slug: str
    parent: str | None  # the parent field's slug
    level: int
    aliases: list[str]
    roles: int  # over the field, its sub-fields and the sections the notes file under it
    skill_sets: int

    @staticmethod
    def resolve_parent(area) -> str | None:
        return area.parent.slug if area.parent_id else None

    @staticmethod
    def resolve_roles(area) -> int:
        return getattr(getattr(area, "counted", None), "roles", 0)

    @staticmethod
    def resolve_skill_sets(area) -> int:
        return getattr(getattr(area, "counted", None), "skill_sets", 0)


class FieldDetail(FieldOut):
    notes: str  # Markdown source
    notes_html: str
    sub_fields: list[Named]


class CompanyOut(Linked):
    name: str
    slug: str
    kind: str
    website: str


class RoleOut(Linked):
    title: str
    slug: str
    company: Named | None
    field: Named | None

    @staticmethod
    def resolve_field(role):
        return role.area


class Tag(Schema):
    slug: str
    name: str
    optional: bool  # named in a clause marked optional ("Go is a plus")


class SkillOut(Schema):
    id: int
    parent: int | None
    text: str  # Markdown source
    kind: str  # requirement, preference, duty, about, other…
    emphasized: bool
    technologies: list[Tag]


class SkillSetOut(Schema):
    id: int
    kind: str
    label: str
    field: Named
    skills: list[SkillOut]


class RoleDetail(RoleOut):
    location: str
    salary: str
    employment_type: str
    source_url: str
    description: str
    description_html: str
    skill_sets: list[SkillSetOut]

    @staticmethod
    def resolve_skill_sets(role) -> list:
        return role.public_sets


class TechnologyOut(Linked):
    name: str
    slug: str
    category: str
    aliases: list[str]
    demand: int  # public skill sets asking for it (in the field, with ``?field=``)


class Hit(Schema):
    kind: str
    title: str
    title_html: str  # the title with the words found in <mark>
    url: str
    snippet_html: str
    context: str
    more: int  # other places that ask the same skill line


class FacetOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchOut(Schema):
    query: str
    corrected: str
    total: int
    page: int
    pages: int
    results: list[Hit]
    kinds: list[FacetOut]
    fields: list[FacetOut]


# -- fields ----------------------------------------------------------------------------------


def _fields():
    return ResearchArea.objects.select_related("parent", "counted").order_by("position", "pk")


@api.get("/fields", response=answers(list[FieldOut]), tags=["fields"])
@paginate(Paged)
def fields(request):
    """Every field, in the notes' order (a parent before its sub-fields), with its counts."""
    return _fields().defer("notes", "notes_html", "parent__notes", "parent__notes_html")


@api.get("/fields/{slug}", response=answers(FieldDetail), tags=["fields"])
def field(request, slug: str):
    """One field: its notes (source and HTML), counts and sub-fields."""
    area = get_object_or_404(_fields(), slug=slug)
    area.sub_fields = list(area.children.order_by("position", "pk").only("name", "slug"))
    return area


# -- roles and companies ---------------------------------------------------------------------


def _check(picks: dict[str, Pick], *, required: bool = False) -> None:
    """A 400 when the text of a parameter picks no single row (or none was given, when one
    is ``required``), saying why for the first such parameter."""
    if problems := complaints(picks, required=required):
        raise ApiError(400, problems[0])


class RoleFilters(Schema):
    q: str = ""  # text in the title
    field: str = ""  # a field's slug or name, with its sub-fields
    company: str = ""
    technology: str = ""


@api.get("/roles", response=answers(list[RoleOut]), tags=["roles"])
@paginate(Paged)
def roles(request, filters: Query[RoleFilters]):
    """Roles by title, filtered as on /roles/: each filter takes a slug, a name in any case,
    or a unique start or part of one; a name that picks no single row answers 400."""
    found, _, picks = filtered_roles(filters.dict())
    _check(picks)
    return found


def _public_sets(role: Role) -> list[dict]:
    """The role's public skill sets as ``SkillSetOut`` answers them: the sets and their field,
    their public lines and each line's tags, in three queries and in the order of
    ``public_skill_sets`` (its role page's). Read as rows, not models: a model for every line
    and tag, and a prefetch queryset for every line, were most of the biggest role's time
    at 10x the notes (~19 of ~27 ms; ~4 ms as rows)."""
    sets = list(SkillSet.objects.shown_for(role).only("kind", "label", "area__name", "area__slug"))
    lines, by_set = {}, defaultdict(list)  # a line's answer by its pk, and each set's
    public = Skill.objects.public().filter(skill_set__in=sets)
    for pk, skill_set, parent, text, kind, emphasized in public.values_list(
        "pk", "skill_set", "parent", "text", "kind", "emphasized"
    ):
        lines[pk] = {
            "id": pk,
            "parent": parent,
            "text": text,
            "kind": kind,
            "emphasized": emphasized,
            "technologies": [],
        }
        by_set[skill_set].append(lines[pk])
    tagged = TaggedSkill.objects.filter(content_object__in=list(lines)).order_by("pk")
    for line, slug, name, optional in tagged.values_list(
        "content_object", "tag__slug", "tag__name", "optional"
    ):
        lines[line]["technologies"].append({"slug": slug, "name": name, "optional": optional})
    return [
        {
            "id": skill_set.pk,
            "kind": skill_set.kind,
            "label": skill_set.label,
            "field": skill_set.area,
            "skills": by_set[skill_set.pk],
        }
        for skill_set in sets
    ]


@api.get("/roles/{slug}", response=answers(RoleDetail), tags=["roles"])
def role(request, slug: str):
    """One role with its public skill sets, each line's kind and technologies."""
    role = get_object_or_404(Role.objects.select_related("company", "area"), slug=slug)
    role.public_sets = _public_sets(role)
    return role


@api.get("/companies", response=answers(list[CompanyOut]), tags=["companies"])
@paginate(Paged)
def companies(request):
    """Every organisation the notes and postings name, by name: employers, associations,
    job boards and universities (``kind``)."""
    return Company.objects.order_by("name", "pk").only("name", "slug", "kind", "website")


# -- technologies ----------------------------------------------------------------------------


@api.get("/technologies", response=answers(list[TechnologyOut]), tags=["technologies"])
@paginate(Paged)
def technologies(request, field: str = ""):
    """The vocabulary, most asked for first. With ``field`` (picked as on /roles/), the
    demand is counted in that field's skill sets (sub-fields included) and only what it asks
    for is listed."""
    pick = FIELDS.pick(field)
    _check({"field": pick})
    if pick.found is None:  # no field named (blank text)
        rows = Technology.objects.only("name", "slug", "category", "aliases", "demand")
        return rows.order_by("-demand", "name", "pk")
    demand = field_demand(pick.found.pk, tree=AreaTree.load())
    for row in demand:
        row.technology.demand = row.count
    return [row.technology for row in demand]


# -- compare ---------------------------------------------------------------------------------


class Side(Linked):
    name: str  # a field's name or a role's title
    slug: str

    @staticmethod
    def resolve_name(side) -> str:
        return side_name(side)


class BothAsk(Schema):
    technology: Named
    a: int  # skill sets of ``a`` asking for it
    b: int


class OneAsks(Schema):
    technology: Named
    count: int


class ComparisonOut(Schema):
    a: Side
    b: Side
    both: list[BothAsk]  # most asked for by the two together first
    only_a: list[OneAsks]  # most asked for first
    only_b: list[OneAsks]


def _compare(picker: Picker, a: str, b: str) -> dict:
    pick_a, pick_b = picker.pick(a), picker.pick(b)
    _check({"a": pick_a, "b": pick_b}, required=True)
    side_by_side = comparison(pick_a.found, pick_b.found)
    return {
        "a": pick_a.found,
        "b": pick_b.found,
        "both": [
            {"technology": technology, "a": count_a, "b": count_b}
            for technology, count_a, count_b in side_by_side.both
        ],
        "only_a": [{"technology": d.technology, "count": d.count} for d in side_by_side.only_a],
        "only_b": [{"technology": d.technology, "count": d.count} for d in side_by_side.only_b],
    }


@api.get("/compare/fields", response=answers(ComparisonOut), tags=["compare"])
def compare_fields(request, a: str, b: str):
    """Two fields as /compare/ shows them, each with its sub-fields and the sections the
    notes file under it: what both ask for and what only one does, counted in skill sets.
    Each is picked as the roles' filters are."""
    return _compare(FIELDS, a, b)


@api.get("/compare/roles", response=answers(ComparisonOut), tags=["compare"])
def compare_roles(request, a: str, b: str):
    """Two roles as /compare/ shows them, each picked by slug or title."""
    return _compare(ROLES, a, b)


class AskedOut(Schema):
    slug: str
    name: str
    demand: int  # the field's public skill sets asking for it, sub-fields included


class FieldDemandOut(Schema):
    field: Named
    technologies: list[AskedOut]  # most asked for first

    @staticmethod
    def resolve_technologies(row) -> list[dict]:
        return [
            {"slug": d.technology.slug, "name": d.technology.name, "demand": d.count}
            for d in row.demand
        ]


@api.get("/technologies/by-field", response=answers(list[FieldDemandOut]), tags=["technologies"])
@paginate(Paged, per_page=FIELDS_PER_PAGE)
def technologies_by_field(request):
    """Every field's demand in one list: fields in the notes' order, ten a page, each with
    every technology it asks for, counted as ``/technologies?field=`` counts it (sub-fields
    included, so a parent's figures hold its sub-fields' skill sets too)."""
    return DemandByField(AreaTree.load())


@api.get("/search", response=answers(SearchOut), tags=["search"])
def search(
    request, q: str, kind: str = "", field: str = "", page: int = Query(1, ge=1, le=MAX_PAGE)
):
    """The site's search: ranked results (20 a page), with facets by kind and by field."""
    found = site_search(q, kind=kind, field=field, page=page)
    return {
        "query": found.query,
        "corrected": found.corrected,
        "total": found.total,
        "page": found.page.number if found.page else 1,
        "pages": found.page.paginator.num_pages if found.page else 0,
        "results": [
            {
                "kind": hit.kind,
                "title": hit.label,
                "title_html": str(hit.title),
                "url": hit.url,
                "snippet_html": str(hit.snippet),
                "context": hit.context,
                "more": hit.more,
            }
            for hit in found.hits
        ],
        "kinds": found.kinds,
        "fields": found.fields,
    }


# -- roadmaps and progress (the signed-in person's, by the site's session) -------------------


class RoadmapOut(Linked):
    title: str
    slug: str
    owner: str
    public: bool
    updated: str

    @staticmethod
    def resolve_owner(roadmap) -> str:
        return roadmap.owner.get_username()

    @staticmethod
    def resolve_public(roadmap) -> bool:
        return roadmap.is_public

    @staticmethod
    def resolve_updated(roadmap) -> str:
        return roadmap.updated.isoformat()


class Level(Schema):
    technology: Named
    level: str  # none, learning, working, expert or skipped
    updated: str

    @staticmethod
    def resolve_level(progress) -> str:
        return progress.status

    @staticmethod
    def resolve_updated(progress) -> str:
        return progress.updated.isoformat()


class Token(HttpBearer):
    """``Authorization: Bearer <key>``, a key made at /accounts/tokens/. ``api.urls`` reads
    it before any endpoint runs (the roadmaps too answer as its person); here it is named
    for the OpenAPI document and stands for the person already found."""

    def authenticate(self, request, token):
        return request.user if request.user.is_authenticated else None


SIGNED_IN = [django_auth, Token()]  # the site's session, or a token


@api.get("/roadmaps", response=answers(list[RoadmapOut]), tags=["roadmaps"])
@paginate(Paged)
def roadmaps(request):
    """The roadmaps the caller may read: their own (signed in, or by a token) and everyone's
    public ones, most recently changed first."""
    readable = Roadmap.objects.visible_to(request.user).select_related("owner")
    return readable.order_by("-updated", "pk")


@api.get("/roadmaps/{slug}", response=answers(dict[str, Any]), tags=["roadmaps"])
def roadmap(request, slug: str):
    """One roadmap as its JSON export holds it: targets, steps with the owner's levels and
    notes, progress over time and fit to the target roles. Someone else's private roadmap
    is not found."""
    found = get_object_or_404(Roadmap.objects.visible_to(request.user).for_reading(), slug=slug)
    return export_data(found)


@api.get("/progress", response=answers(list[Level]), tags=["roadmaps"], auth=SIGNED_IN)
@paginate(Paged)
def progress(request):
    """The signed-in person's level in each technology they recorded: by the site's session
    or a token (401 with neither)."""
    mine = SkillProgress.objects.filter(user=request.user).select_related("technology")
    return mine.order_by("technology__name", "pk")
