"""Writes to companies and roles made by hand, keeping search in step."""

from django.db import transaction

from postings.models import Company, Role
from taxonomy.models import NotesSource, SearchDocument, Skill
from taxonomy.notes.markdown import render_markdown
from taxonomy.search.index import sync_index

Kind = SearchDocument.Kind


@transaction.atomic
def save_role(*, role: Role) -> Role:
    """A role's title also labels the skill lines of its postings in search results.

    Its description is Markdown, rendered once, here, to safe HTML.
    """
    role.description_html = render_markdown(role.description)
    role.save()
    NotesSource.objects.mark_edited(role.notes_source_id)
    sync_index(kind=Kind.ROLE, ids=[role.pk])
    sync_index(
        kind=Kind.SKILL, ids=Skill.objects.filter(skill_set__role=role).values_list("pk", flat=True)
    )
    return role


@transaction.atomic
def save_company(*, company: Company) -> Company:
    """A company's name is also searched in its roles' documents and labels skill lines."""
    company.save()
    sync_index(kind=Kind.COMPANY, ids=[company.pk])
    sync_index(kind=Kind.ROLE, ids=company.roles.values_list("pk", flat=True))
    sync_index(
        kind=Kind.SKILL,
        ids=Skill.objects.filter(skill_set__company=company).values_list("pk", flat=True),
    )
    return company
