"""Import a saved posting, and delete one, each in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from lib.import_lock import holds_the_import_lock
from postings.importing.curation import (
    company_digest,
    edited,
    role_digest,
    skill_digest,
    skill_set_digest,
)
from postings.importing.plan import NO_OVERRIDES, Overrides, PostingPlan, plan_posting
from postings.models import Company, Posting, Role
from taxonomy.models import Skill, SkillSet, TaggedSkill, Technology
from taxonomy.notes.importer import parents_first, unique_slug
from taxonomy.notes.markdown import render_inline, render_markdown
from taxonomy.organisations import organisation_kind
from taxonomy.search.index import sync_index
from taxonomy.vocabulary import sync_vocabulary, technology_matcher

MAX_BYTES = 5 * 1024 * 1024


@dataclass(slots=True)
class PostingReport:
    plan: PostingPlan
    dry_run: bool
    posting: Posting | None = None
    roles: list[Role] = field(default_factory=list)
    created_company: bool = False

    @property
    def already_imported(self) -> bool:
        return self.plan.existing is not None


@holds_the_import_lock
@transaction.atomic
def import_posting(
    *, text: str, source_name: str, overrides: Overrides = NO_OVERRIDES, dry_run: bool = False
) -> PostingReport:
    """Create the posting's company (if new), roles, skill sets, skills and their tags.

    The same text imported again creates nothing (the report says where it went). With
    ``dry_run`` everything runs and is rolled back. Raises ``InputError`` for a posting that
    cannot be filed.
    """
    sync_vocabulary()
    plan = plan_posting(
        text=text, source_name=source_name, matcher=technology_matcher(), overrides=overrides
    )
    report = PostingReport(plan=plan, dry_run=dry_run)
    if plan.existing is not None:
        report.posting, report.roles = plan.existing, plan.existing_roles
        return report
    _Writer(plan, report).write()
    sync_index()
    if dry_run:
        transaction.set_rollback(True)
    return report


class _Writer:
    def __init__(self, plan: PostingPlan, report: PostingReport):
        self.plan = plan
        self.report = report
        self.provenance = {"source_file": plan.source_name[:255], "import_key": ""}

    def write(self) -> None:
        plan = self.plan
        company = plan.company or self._new_company()
        posting = Posting.objects.create(
            source_name=plan.source_name[:255],
            text=plan.text,
            checksum=plan.checksum,
            source_url=plan.url,
            company=company,
            created_company=self.report.created_company,
        )
        self.report.posting = posting
        roles = self._roles(posting, company)
        self._skills(self._skill_sets(roles))

    def _new_company(self) -> Company | None:
        if not self.plan.company_name:
            return None
        name = self.plan.company_name
        taken = set(Company.objects.values_list("slug", flat=True))
        company = Company(
            name=name,
            slug=unique_slug(name, taken, "company"),
            kind=organisation_kind(name),
            **self.provenance,
        )
        company.import_digest = company_digest(company)
        company.save()
        self.report.created_company = True
        return company

    def _roles(self, posting: Posting, company: Company | None) -> list[Role]:
        taken = set(Role.objects.values_list("slug", flat=True))
        roles = []
        for role_plan in self.plan.roles:
            role = Role(
                title=role_plan.title,
                slug=unique_slug(role_plan.title, taken, "role"),
                company=company,
                area=self.plan.area,
                location=role_plan.location,
                salary=role_plan.salary,
                employment_type=role_plan.employment_type,
                source_url=self.plan.url,
                description=role_plan.description,
                description_html=render_markdown(role_plan.description),
                posting=posting,
                source_line=role_plan.line,
                source_text=role_plan.raw,
                **self.provenance,
            )
            role.import_digest = role_digest(role)
            roles.append(role)
        self.report.roles = Role.objects.bulk_create(roles)
        return self.report.roles

    def _skill_sets(self, roles: list[Role]) -> list[tuple[SkillSet, object]]:
        area = self.plan.area
        last = SkillSet.objects.filter(area=area).aggregate(last=Max("position"))["last"]
        position = (last or 0) + 1
        made = []
        for role, role_plan in zip(roles, self.plan.roles, strict=True):
            for set_plan in role_plan.sets:
                skill_set = SkillSet(
                    area=area,
                    role=role,
                    company=role.company,
                    kind=set_plan.kind,
                    label=set_plan.label,
                    context=set_plan.context,
                    position=position,
                    source_line=set_plan.line,
                    source_text=set_plan.raw,
                    **self.provenance,
                )
                skill_set.import_digest = skill_set_digest(skill_set)
                made.append((skill_set, set_plan))
                position += 1
        SkillSet.objects.bulk_create([skill_set for skill_set, _ in made])
        return made

    def _skills(self, sets) -> None:
        """Skills level by level, so every parent has its key before its children."""
        pk_of: dict[int, int] = {}  # id() of a skill plan → its row's key
        planned = [
            (skill_set, position, skill, parent)
            for skill_set, set_plan in sets
            for position, (skill, parent) in enumerate(set_plan.walk())
        ]
        levels = parents_first(
            planned, key=lambda row: id(row[2]), parent_of=lambda row: id(row[3])
        )
        technology_pk = dict(Technology.objects.values_list("slug", "id"))
        tags = []
        for ready in levels:
            rows = []
            for skill_set, position, skill, parent in ready:
                row = Skill(
                    skill_set=skill_set,
                    parent_id=pk_of.get(id(parent)) if parent else None,
                    position=position,
                    text=skill.text,
                    text_html=render_inline(skill.text),
                    kind=skill.kind,
                    source_line=skill.line,
                    source_text=skill.raw,
                    **self.provenance,
                )
                row.import_digest = skill_digest(row)
                rows.append(row)
            for (_, _, skill, _), row in zip(ready, Skill.objects.bulk_create(rows), strict=True):
                pk_of[id(skill)] = row.pk
                tags += [
                    TaggedSkill(
                        content_object_id=row.pk,
                        tag_id=technology_pk[slug],
                        optional=slug in skill.optional,
                    )
                    for slug in skill.technologies
                ]
        TaggedSkill.objects.bulk_create(tags, batch_size=1000)


@dataclass(slots=True)
class DeletionReport:
    deleted_roles: list[str] = field(default_factory=list)
    kept_roles: list[str] = field(default_factory=list)  # edited since the import
    deleted_company: str = ""


@transaction.atomic
def delete_posting(*, posting: Posting) -> DeletionReport:
    """Delete a posting and what it created, except roles edited since (with their sets).

    A role counts as edited when it, one of its skill sets or one of their skills differs
    from what the import wrote. Kept roles stay, no longer linked to the posting.
    """
    report = DeletionReport()
    roles = list(posting.roles.all())
    sets = list(SkillSet.objects.filter(role__in=roles))
    set_role = {skill_set.pk: skill_set.role_id for skill_set in sets}
    changed = {role.pk for role in roles if edited(role, role_digest)}
    changed |= {s.role_id for s in sets if edited(s, skill_set_digest)}
    changed |= {
        set_role[skill.skill_set_id]
        for skill in Skill.objects.filter(skill_set__in=sets)
        if edited(skill, skill_digest)
    }
    gone = [role for role in roles if role.pk not in changed]
    SkillSet.objects.filter(role__in=gone).delete()
    Role.objects.filter(pk__in=[role.pk for role in gone]).delete()
    report.deleted_roles = [role.title for role in gone]
    report.kept_roles = [role.title for role in roles if role.pk in changed]
    company = posting.company
    posting.delete()
    if company is not None and posting.created_company and _unused(company):
        report.deleted_company = company.name
        company.delete()
    sync_index()
    return report


def _unused(company: Company) -> bool:
    """An import's company that nobody edited or used since."""
    return (
        not company.import_key
        and not edited(company, company_digest)
        and not company.roles.exists()
        and not company.skill_sets.exists()
        and not company.postings.exists()
    )
