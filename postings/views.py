"""Public pages of roles and companies."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from lib.csv_download import csv_response
from lib.paging import paginate
from lib.pickers import Pick, complaints, typed
from lib.tree_rows import tree_rows
from postings.models import Company, Posting, Role
from roadmaps.fit import Fit, role_fits
from taxonomy.demand import roles_asking_for
from taxonomy.models import ResearchArea, Skill, SkillSet, TaggedSkill
from taxonomy.pickers import COMPANIES, FIELDS, TECHNOLOGIES
from taxonomy.tree import AreaTree, subtree_ids

# The role list's filters, each a name picker (``lib.pickers``): the query parameter, its
# label and the picker.
ROLE_FILTERS = (
    ("field", "Field", FIELDS),
    ("company", "Company", COMPANIES),
    ("technology", "Technology", TECHNOLOGIES),
)

ROLE_ROW = ("title", "slug", "company__name", "company__slug", "area__name", "area__slug")


def filtered_roles(params) -> tuple[QuerySet, str, dict[str, Pick]]:
    """Roles filtered as ``params`` (a query dict) ask: by text in the title and by a field
    (with its sub-fields and the sections the notes file under it, as on its page), a
    company and a technology, each typed by name or slug. A filter naming nothing matches no
    role, rather than being dropped. Returns the roles (title order), the title text and the
    pick of each filter. The role list and the API's both read it."""
    title = typed(params.get("q", ""))
    picks = {param: picker.pick(params.get(param, "")) for param, _, picker in ROLE_FILTERS}
    # Only the columns the table shows: sorting whole rows (descriptions, a field's notes) for
    # a page deep in the list took 180 ms at 100x the notes.
    roles = Role.objects.select_related("company", "area").only(*ROLE_ROW)
    if any(pick.problem for pick in picks.values()):
        roles = roles.none()
    if title:
        roles = roles.filter(title__icontains=title)
    if field := picks["field"].found:
        roles = roles.filter(area__in=subtree_ids(AreaTree.load().heads(field.pk)))
    if company := picks["company"].found:
        roles = roles.filter(company=company)
    if technology := picks["technology"].found:
        # The roles asking for it, as its own page lists them, not every tagged line.
        roles = roles.filter(pk__in=roles_asking_for(technology))
    return roles, title, picks


def role_list(request):
    """Roles, filtered as ``filtered_roles`` reads the query string."""
    roles, title, picks = filtered_roles(request.GET)
    filters = [(param, label, picks[param]) for param, label, _ in ROLE_FILTERS]
    return render(
        request,
        "postings/role_list.html",
        {"title": title, "filters": filters, "roles": paginate(request, roles)},
    )


def role_list_csv(request):
    """The roles ``role_list`` shows for the same query string, all of them, as a CSV
    download; a filter that picks no single row is a 400, not an empty file."""
    roles, _, picks = filtered_roles(request.GET)
    if problems := complaints(picks):
        return HttpResponseBadRequest("\n".join(problems), content_type="text/plain")
    rows = (
        (role.plain_title, role.company.name if role.company_id else "",
         role.area.name if role.area_id else "",
         request.build_absolute_uri(role.get_absolute_url()))
        for role in roles.iterator(chunk_size=2000)
    )  # fmt: skip
    return csv_response("roles.csv", ("title", "company", "field", "url"), rows)


def public_skill_sets(role: Role) -> QuerySet:
    """The role's public skill sets with their field, public lines and each line's tags:
    three queries, however many lines. Its page reads them; the API reads the same rows as
    values (``api.v1._public_sets``)."""
    tagged = TaggedSkill.objects.select_related("tag").order_by("pk")
    skills = Skill.objects.public().prefetch_related(Prefetch("taggedskill_set", queryset=tagged))
    return SkillSet.objects.shown_for(role).prefetch_related(Prefetch("skills", queryset=skills))


def role_detail(request, slug):
    role = get_object_or_404(Role.objects.select_related("company", "area", "posting"), slug=slug)
    sections = [
        (skill_set, tree_rows(skill_set.skills.all())) for skill_set in public_skill_sets(role)
    ]
    fit = None
    if request.user.is_authenticated:
        fits = role_fits(user=request.user, roles=Role.objects.filter(pk=role.pk))
        fit = fits.get(role.pk) or Fit(role.pk)
    return render(
        request, "postings/role_detail.html", {"role": role, "sections": sections, "fit": fit}
    )


# Industry bodies, job boards and universities the notes list: few, shown on one page.
OTHER_ORGANISATIONS_SHOWN = 200


def company_list(request):
    """Employers, with their roles and skill sets; then the other organisations the notes
    list (member directories, job boards), which hire nobody themselves."""
    page = paginate(request, Company.objects.employers().order_by("name"), per_page=50)
    # Counted for the page's companies only, one GROUP BY each: counting both in one query
    # joined every company's roles with its skill sets (20 s at 100x the notes).
    page.object_list = list(page.object_list)
    ids = [company.pk for company in page.object_list]
    roles = _count_by_company(Role.objects, ids)
    sets = _count_by_company(SkillSet.objects.filter(is_placeholder=False), ids)
    for company in page.object_list:
        company.role_total, company.posting_total = (
            roles.get(company.pk, 0),
            sets.get(company.pk, 0),
        )
    others = Company.objects.exclude(kind=Company.Kind.COMPANY).order_by("kind", "name")
    return render(
        request,
        "postings/company_list.html",
        {"companies": page, "others": others[:OTHER_ORGANISATIONS_SHOWN]},
    )


def _count_by_company(rows, ids: list[int]) -> dict[int, int]:
    counted = rows.filter(company__in=ids).order_by().values_list("company").annotate(Count("pk"))
    return dict(counted)


def company_detail(request, slug):
    company = get_object_or_404(Company, slug=slug)
    roles = company.roles.select_related("area")
    # Two IN-subqueries, not two joins: joined, DISTINCT sorted every role and skill set of
    # the company's fields (230 ms for an association named in 100x the notes).
    fields = ResearchArea.objects.filter(
        Q(pk__in=company.roles.values("area"))
        | Q(pk__in=SkillSet.objects.public().filter(company=company).values("area"))
    ).order_by("position", "pk")
    return render(
        request,
        "postings/company_detail.html",
        {
            "company": company,
            "roles": paginate(request, roles),
            "fields": fields,
        },
    )


def posting_detail(request, pk):
    """A saved posting as the person saved it, with the roles it became."""
    posting = get_object_or_404(Posting.objects.select_related("company"), pk=pk)
    roles = posting.roles.select_related("area").order_by("pk")
    return render(request, "postings/posting_detail.html", {"posting": posting, "roles": roles})
