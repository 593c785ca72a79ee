"""What importing one posting would create. Reads the database; writes nothing."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from lib.textfile import InputError
from postings.area_guess import AreaGuess, AreaProfiles
from postings.models import Company, Posting, Role
from postings.parsing import Item, PostingSyntaxError, SectionKind, parse_posting
from postings.parsing.description import description_markdown
from postings.parsing.facts import Fact
from taxonomy.line_kinds import SECTION_KINDS, LineKind, kind_under, optional_technologies
from taxonomy.matching import TechnologyMatcher
from taxonomy.models import ResearchArea, SkillSet, Technology
from taxonomy.notes.parser import MAX_NOTES_LENGTH

KIND_OF_SECTION = {
    SectionKind.RESPONSIBILITIES: SkillSet.Kind.RESPONSIBILITIES,
    SectionKind.REQUIREMENTS: SkillSet.Kind.REQUIREMENTS,
    SectionKind.PREFERRED: SkillSet.Kind.PREFERRED,
    SectionKind.STACK: SkillSet.Kind.STACK,
}
TEXT_LIMIT = 255  # the CharFields a posting fills: title, label, salary, location
URL_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the person says instead of what the parser found."""

    company: str = ""
    title: str = ""
    area: str = ""  # a research area's slug
    url: str = ""


NO_OVERRIDES = Overrides()


@dataclass(slots=True)
class SkillPlan:
    text: str
    line: int
    raw: str
    technologies: list[str]
    kind: str
    children: list[SkillPlan] = field(default_factory=list)
    optional: frozenset[str] = frozenset()  # technologies named only in optional clauses


@dataclass(slots=True)
class SetPlan:
    kind: str
    label: str
    context: str
    line: int
    raw: str
    skills: list[SkillPlan]

    def walk(self):
        """(skill, parent) pairs, parents before their children."""
        waiting = [(skill, None) for skill in self.skills]
        while waiting:
            skill, parent = waiting.pop(0)
            yield skill, parent
            waiting.extend((child, skill) for child in skill.children)


@dataclass(slots=True)
class RolePlan:
    title: str
    line: int | None
    raw: str
    salary: str
    location: str
    employment_type: str
    description: str
    sets: list[SetPlan]
    titled_from_file: bool = False  # the text names no title: the file's name is one

    @property
    def technologies(self) -> list[str]:
        found: dict[str, None] = {}
        for skill_set in self.sets:
            for skill, _ in skill_set.walk():
                found.update(dict.fromkeys(skill.technologies))
        return list(found)


@dataclass(slots=True)
class PostingPlan:
    source_name: str
    text: str
    checksum: str
    url: str = ""
    company_name: str = ""
    company: Company | None = None  # an existing company of that name
    roles: list[RolePlan] = field(default_factory=list)
    area: ResearchArea | None = None
    guesses: list[AreaGuess] = field(default_factory=list)  # empty when the area was given
    existing: Posting | None = None  # the same text, imported before
    existing_roles: list[Role] = field(default_factory=list)
    # slug → name of each technology the skills are tagged with, read while planning: a dry
    # run rolls back the technologies the import synced from the vocabulary, names and all.
    technology_names: dict[str, str] = field(default_factory=dict)

    @property
    def technologies(self) -> list[str]:
        found: dict[str, None] = {}
        for role in self.roles:
            found.update(dict.fromkeys(role.technologies))
        return list(found)


def posting_checksum(text: str) -> str:
    """The same posting saved again (other line endings, trailing blanks) is the same."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def plan_posting(
    *, text: str, source_name: str, matcher: TechnologyMatcher, overrides: Overrides = NO_OVERRIDES
) -> PostingPlan:
    """Raises ``InputError`` naming ``source_name`` when the posting cannot be filed."""
    plan = PostingPlan(source_name=source_name, text=text, checksum=posting_checksum(text))
    plan.existing = Posting.objects.filter(checksum=plan.checksum).first()
    if plan.existing is not None:
        plan.existing_roles = list(plan.existing.roles.order_by("pk"))
        return plan
    try:
        parsed = parse_posting(text, file_name=source_name)
    except PostingSyntaxError as exc:
        raise InputError(source_name, exc.line, exc.message) from exc
    plan.roles = _roles(parsed.roles, parsed.has_sections, text, source_name, matcher, overrides)
    plan.technology_names = dict(
        Technology.objects.filter(slug__in=plan.technologies).values_list("slug", "name")
    )
    plan.url = _url(overrides.url or parsed.url, source_name, given=bool(overrides.url))
    plan.company_name = (overrides.company or parsed.company).strip()[:TEXT_LIMIT]
    if plan.company_name:
        plan.company = Company.objects.named(plan.company_name).first()
    plan.area, plan.guesses = _area(plan, overrides.area)
    return plan


def _roles(parsed_roles, has_sections, text, source_name, matcher, overrides) -> list[RolePlan]:
    title = overrides.title.strip()
    if len(title) > TEXT_LIMIT:
        raise InputError(source_name, None, f"the title is longer than {TEXT_LIMIT} characters")
    if not has_sections:
        if not title:
            raise InputError(
                source_name,
                None,
                "no section of a job posting found (responsibilities, requirements, "
                "preferred …); give a title (--title) to import it as one role described "
                "by its text",
            )
        facts = parsed_roles[0].facts
        description = _checked(text.strip(), title, source_name)
        return [_role_plan(title, None, "", facts, description, [])]
    if title and len(parsed_roles) > 1:
        names = ", ".join(role.title for role in parsed_roles)
        raise InputError(
            source_name,
            None,
            f"a title names one role, but this posting holds {len(parsed_roles)}: {names}",
        )
    plans = []
    for role in parsed_roles:
        role_title = title or role.title
        from_file = not role_title
        if from_file:
            role_title = _title_from_file(source_name)
        if not role_title:
            raise InputError(
                source_name, None, "no job title found in the text; give one (--title)"
            )
        sets = [_set_plan(section, matcher) for section in role.skill_sections]
        description = _checked(description_markdown(role), role_title, source_name)
        plan = _role_plan(role_title, role.line, role.raw, role.facts, description, sets)
        plan.titled_from_file = from_file
        plans.append(plan)
    return plans


def _checked(description: str, title: str, source_name: str) -> str:
    """A role's description is rendered as one Markdown document: at most as long as a
    field's notes (``MAX_NOTES_LENGTH``)."""
    if len(description) > MAX_NOTES_LENGTH:
        raise InputError(
            source_name,
            None,
            f"the description of the role '{title}' is {len(description):,} characters long; "
            f"at most {MAX_NOTES_LENGTH:,} are allowed",
        )
    return description


def _title_from_file(source_name: str) -> str:
    """ "nvidia-math-libraries-engineer.md" → "Nvidia math libraries engineer"."""
    words = " ".join(re.split(r"[-_\s]+", PurePath(source_name).stem)).strip()
    return (words[:1].upper() + words[1:])[:TEXT_LIMIT]


def _role_plan(title, line, raw, facts, description, sets) -> RolePlan:
    return RolePlan(
        title=title[:TEXT_LIMIT],
        line=line,
        raw=raw,
        salary=facts.get(Fact.SALARY, "")[:TEXT_LIMIT],
        location=facts.get(Fact.LOCATION, "")[:TEXT_LIMIT],
        employment_type=facts.get(Fact.EMPLOYMENT_TYPE, "")[:100],
        description=description,
        sets=sets,
    )


def _set_plan(section, matcher: TechnologyMatcher) -> SetPlan:
    label = section.label
    if section.shared_by:
        label = f"{label} ({section.shared_by[:1].lower()}{section.shared_by[1:]})"
    return SetPlan(
        kind=KIND_OF_SECTION[section.kind],
        label=label[:TEXT_LIMIT],
        context="\n".join(item.text for item in section.intro),
        line=section.line,
        raw=section.raw,
        skills=[_skill_plan(item, matcher, SECTION_KINDS[section.kind]) for item in section.items],
    )


def _skill_plan(item: Item, matcher: TechnologyMatcher, section: LineKind) -> SkillPlan:
    kind = kind_under(section, item.text)
    technologies = matcher.find(item.text)
    return SkillPlan(
        text=item.text,
        line=item.line,
        raw=item.raw,
        technologies=technologies,
        optional=optional_technologies(item.text, technologies, matcher.find),
        kind=kind.value,
        # A line nested in a preference is one too ("Nice to have:" > "Kubernetes").
        children=[
            _skill_plan(child, matcher, kind if kind is LineKind.PREFERENCE else section)
            for child in item.children
        ],
    )


def _url(url: str, source_name: str, *, given: bool) -> str:
    url = url.strip()
    if not url:
        return ""
    if not url.startswith(("http://", "https://")) or len(url) > URL_LIMIT or " " in url:
        if given:
            raise InputError(
                source_name,
                None,
                f"the URL must be an http(s) address of at most {URL_LIMIT} characters",
            )
        return ""  # a malformed URL in the text is left in the text, not linked
    return url


def _area(plan: PostingPlan, slug: str) -> tuple[ResearchArea, list[AreaGuess]]:
    if slug:
        area = ResearchArea.objects.filter(slug=slug).first()
        if area is None:
            raise InputError(plan.source_name, None, f"no field has the slug '{slug}'")
        return area, []
    guesses = AreaProfiles().guess(plan.technologies, plan.text)
    if not guesses:
        raise InputError(
            plan.source_name,
            None,
            "no field shares a technology with this posting, so its field cannot be "
            "guessed; give one (--area SLUG)",
        )
    return guesses[0].area, guesses
