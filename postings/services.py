"""Writes to companies and roles made by hand, keeping search in step."""

from django.db import transaction

from postings.models import Company, Role
from taxonomy.models import SearchDocument
from taxonomy.search.index import sync_index

Kind = SearchDocument.Kind


@transaction.atomic
def save_role(*, role: Role) -> Role:
    role.save()
    sync_index(kind=Kind.ROLE, ids=[role.pk])
    return role


@transaction.atomic
def save_company(*, company: Company) -> Company:
    """A company's name is also searched in its roles' documents."""
    company.save()
    sync_index(kind=Kind.COMPANY, ids=[company.pk])
    sync_index(kind=Kind.ROLE, ids=company.roles.values_list("pk", flat=True))
    return company
