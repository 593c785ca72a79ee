"""Public pages of roles and companies."""

from __future__ import annotations

from django import forms
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from lib.paging import paginate
from lib.tree_rows import tree_rows
from postings.models import Company, Posting, Role
from roadmaps.fit import Fit, role_fits
from taxonomy.models import ResearchArea, Skill, SkillSet, TaggedSkill, Technology
from taxonomy.tree import AreaTree


class RoleFilter(forms.Form):
    q = forms.CharField(label="Title contains", required=False, max_length=200)
    field = forms.ChoiceField(label="Field", required=False)
    company = forms.ChoiceField(label="Company", required=False)
    technology = forms.ChoiceField(label="Technology", required=False)

    def __init__(self, data, *, tree: AreaTree):
        super().__init__(data)
        self.tree = tree
        fields = [(node.slug, node.name) for node in tree.nodes.values()]
        companies = Company.objects.filter(roles__isnull=False).distinct()
        technologies = Technology.objects.filter(tagged_skills__isnull=False).distinct()
        self.fields["field"].choices = [("", "Any field"), *fields]
        self.fields["company"].choices = [
            ("", "Any company"),
            *companies.values_list("slug", "name"),
        ]
        self.fields["technology"].choices = [
            ("", "Any technology"),
            *technologies.order_by("name").values_list("slug", "name"),
        ]

    def filter(self, roles):
        if not self.is_valid():
            return roles
        data = self.cleaned_data
        if data["q"]:
            roles = roles.filter(title__icontains=data["q"])
        if data["field"]:
            node = self.tree.find(data["field"])
            roles = roles.filter(area__in=self.tree.subtree(node.pk))
        if data["company"]:
            roles = roles.filter(company__slug=data["company"])
        if data["technology"]:
            asks = Skill.objects.public().filter(tags__slug=data["technology"])
            roles = roles.filter(pk__in=asks.values("skill_set__role_id"))
        return roles


def role_list(request):
    form = RoleFilter(request.GET or None, tree=AreaTree.load())
    roles = form.filter(Role.objects.select_related("company", "area"))
    return render(
        request,
        "postings/role_list.html",
        {"form": form, "roles": paginate(request, roles)},
    )


def role_detail(request, slug):
    role = get_object_or_404(Role.objects.select_related("company", "area", "posting"), slug=slug)
    tagged = TaggedSkill.objects.select_related("tag").order_by("pk")
    skills = Skill.objects.public().prefetch_related(Prefetch("taggedskill_set", queryset=tagged))
    skill_sets = (
        SkillSet.objects.public()
        .filter(role=role)
        .select_related("area")
        .prefetch_related(Prefetch("skills", queryset=skills))
    )
    sections = [(skill_set, tree_rows(skill_set.skills.all())) for skill_set in skill_sets]
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
