"""Public pages of roles and companies."""

from __future__ import annotations

from django import forms
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from lib.paging import paginate
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
    sections = [(skill_set, _nested(skill_set.skills.all())) for skill_set in skill_sets]
    fit = None
    if request.user.is_authenticated:
        fits = role_fits(user=request.user, roles=Role.objects.filter(pk=role.pk))
        fit = fits.get(role.pk) or Fit(role.pk)
    return render(
        request, "postings/role_detail.html", {"role": role, "sections": sections, "fit": fit}
    )


def _nested(skills) -> list[tuple[Skill, list]]:
    """Skills as a tree of (skill, children), in their order, from their parent links."""
    children: dict[int | None, list[Skill]] = {}
    present = {skill.pk for skill in skills}
    for skill in skills:
        parent = skill.parent_id if skill.parent_id in present else None
        children.setdefault(parent, []).append(skill)

    def branch(parent):
        return [(skill, branch(skill.pk)) for skill in children.get(parent, [])]

    return branch(None)


# Industry bodies, job boards and universities the notes list: few, shown on one page.
OTHER_ORGANISATIONS_SHOWN = 200


def company_list(request):
    """Employers, with their roles and skill sets; then the other organisations the notes
    list (member directories, job boards), which hire nobody themselves."""
    companies = (
        Company.objects.employers()
        .annotate(
            role_total=Count("roles", distinct=True),
            posting_total=Count(
                "skill_sets", filter=Q(skill_sets__is_placeholder=False), distinct=True
            ),
        )
        .order_by("name")  # Meta.ordering does not apply to aggregated queries
    )
    others = Company.objects.exclude(kind=Company.Kind.COMPANY).order_by("kind", "name")
    return render(
        request,
        "postings/company_list.html",
        {
            "companies": paginate(request, companies, per_page=50),
            "others": others[:OTHER_ORGANISATIONS_SHOWN],
        },
    )


def company_detail(request, slug):
    company = get_object_or_404(Company, slug=slug)
    roles = company.roles.select_related("area")
    fields = (
        ResearchArea.objects.filter(
            Q(roles__company=company)
            | Q(skill_sets__company=company, skill_sets__is_placeholder=False)
        )
        .distinct()
        .order_by("position")
    )
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
