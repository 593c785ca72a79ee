"""Whether a row made from a posting was edited since (in the admin, usually).

Each row stores the fingerprint of its curated fields as the import wrote them; when the
fingerprint of its current fields differs, someone changed it, and deleting the posting
keeps it.
"""

from __future__ import annotations

from postings.models import Company, Role
from taxonomy.models import Skill, SkillSet
from taxonomy.notes.plan import fingerprint


def company_digest(company: Company) -> str:
    return fingerprint(company.name, company.website, company.description)


def role_digest(role: Role) -> str:
    return fingerprint(
        role.title,
        role.company_id,
        role.area_id,
        role.location,
        role.salary,
        role.employment_type,
        role.description,
    )


def skill_set_digest(skill_set: SkillSet) -> str:
    return fingerprint(
        skill_set.label,
        skill_set.kind,
        skill_set.context,
        skill_set.area_id,
        skill_set.role_id,
        skill_set.is_placeholder,
    )


def skill_digest(skill: Skill) -> str:
    return fingerprint(skill.text, skill.parent_id, skill.is_placeholder)


def edited(row, digest) -> bool:
    return digest(row) != row.import_digest
