"""Import a notes file into the database: one transaction, only what changed is written.

A row whose curated fields no longer match what the last import wrote was edited by someone
(in the admin, usually); this import then leaves its content alone and reports it as kept.
Its placement (order, source line) still follows the file, so exports stay in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.text import slugify

from postings.models import Company, Posting, Role
from taxonomy.models import (
    ResearchArea,
    SearchDocument,
    Skill,
    SkillSet,
    TaggedSkill,
    Technology,
)
from taxonomy.notes.markdown import MarkdownCoverageError, render_inline, render_markdown
from taxonomy.notes.pairing import Pairing, pair
from taxonomy.notes.parser import NotesSyntaxError, parse_notes
from taxonomy.notes.plan import AreaRecord, NotesPlan, company_key, fingerprint, plan_notes
from taxonomy.provenance import SOURCE_FIELDS
from taxonomy.search.index import sync_index
from taxonomy.textfile import InputError
from taxonomy.vocabulary import sync_vocabulary, technology_matcher

Progress = Callable[[str, int, int], None]
STAGES = (
    "parse",
    "areas",
    "companies",
    "roles",
    "skill sets",
    "skills",
    "tags",
    "clean-up",
    "search index",
)
SLUG_LENGTH = 80
MAX_BYTES = 50 * 1024 * 1024  # the real notes are 0.5 MB; a hundredfold still fits
PROVENANCE = (*SOURCE_FIELDS, "import_key")


@dataclass(slots=True)
class Tally:
    created: int = 0
    updated: int = 0
    moved: int = 0
    deleted: int = 0
    kept: int = 0
    unchanged: int = 0

    @property
    def writes(self) -> int:
        return self.created + self.updated + self.moved + self.deleted


@dataclass(slots=True)
class ImportReport:
    source_name: str
    dry_run: bool
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    kept: list[str] = field(default_factory=list)
    placeholders: int = 0
    notes_lines: int = 0
    technologies_added: int = 0

    @property
    def changed(self) -> bool:
        return self.technologies_added > 0 or any(t.writes for t in self.tallies.values())


@dataclass(frozen=True, slots=True)
class _Kind:
    """How one model takes part in an import."""

    name: str
    model: type
    describe: str  # the row field that names it in the list of kept rows
    content: tuple[str, ...]  # curated fields: written unless the row was edited since
    placement: tuple[str, ...]  # where the row stands: always follows the file


AREAS = _Kind(
    "areas",
    ResearchArea,
    "name",
    ("name", "level", "aliases", "notes", "notes_html"),
    ("parent_id", "position"),
)
COMPANIES = _Kind("companies", Company, "name", ("name", "website"), ())
ROLES = _Kind("roles", Role, "title", ("title", "company_id", "location"), ("area_id",))
SKILL_SETS = _Kind(
    "skill sets",
    SkillSet,
    "label",
    ("label", "context", "is_placeholder", "role_id", "company_id"),
    ("area_id", "parent_id", "position", "anchor"),
)
SKILLS = _Kind(
    "skills",
    Skill,
    "text",
    ("text", "text_html", "emphasized", "is_placeholder"),
    ("skill_set_id", "parent_id", "position"),
)


ANALYZED = tuple(
    model._meta.db_table
    for model in (ResearchArea, Company, Role, SkillSet, Skill, TaggedSkill, SearchDocument)
)


def parents_first(
    records: list, *, parent_of: Callable[[object], object], key=lambda r: r.uid
) -> Iterator[list]:
    """Batches of new records in which every parent comes in an earlier batch.

    ``key(record)`` identifies a record; ``parent_of(record)`` is its parent's key, or
    anything that is no record's key when the parent exists already (or there is none).
    """
    waiting = {key(r) for r in records}
    remaining = list(records)
    while remaining:
        batch = [r for r in remaining if parent_of(r) not in waiting]
        waiting.difference_update(key(r) for r in batch)
        remaining = [r for r in remaining if key(r) in waiting]
        yield batch


def unique_slug(text: str, taken: set[str], fallback: str) -> str:
    base = slugify(text)[:SLUG_LENGTH].strip("-") or fallback
    slug, suffix = base, 2
    while slug in taken:
        slug = f"{base[: SLUG_LENGTH - 6]}-{suffix}"
        suffix += 1
    taken.add(slug)
    return slug


def _render(record: AreaRecord, source_name: str) -> str:
    try:
        return render_markdown(record.notes)
    except MarkdownCoverageError as exc:
        raise InputError(
            source_name,
            record.source.line,
            f"the notes of '{record.name}' would lose text when rendered "
            f"(from their line {exc.offset + 1})",
        ) from exc


class _Writer:
    def __init__(self, plan: NotesPlan, source_name: str, report: ImportReport):
        self.plan = plan
        self.source_name = source_name
        self.report = report
        self.pk: dict[str, dict[str, int]] = defaultdict(dict)  # kind → record key → pk
        self.kept: dict[str, set[int]] = defaultdict(set)  # kind → pks of edited rows
        self.gone: dict[str, list[dict]] = {}  # kind → rows no record paired with
        self.current: dict[str, Callable[[dict], tuple]] = {}

    # -- the generic step ------------------------------------------------------------------

    def apply(
        self,
        kind: _Kind,
        pairing: Pairing,
        *,
        current: Callable[[dict], tuple],
        values: Callable[[object], dict],
        placement: Callable[[object], dict],
        batches: Callable[[list], Iterable[list]] | None = None,
        on_create: Callable[[object], dict] | None = None,
    ) -> None:
        """Write ``pairing``: create the new records, then update the paired rows that differ.

        ``current(row)`` is comparable with ``record.content()``. ``batches`` orders the
        creation (parents first); ``on_create`` adds fields only new rows get (a slug).
        """
        tally = self.report.tallies[kind.name]
        self.current[kind.name] = current
        pks = self.pk[kind.name]
        for row, record in pairing.pairs:
            pks[record.uid] = row["id"]
        for batch in (batches or (lambda new: [new]))(pairing.new):
            objects = [
                kind.model(
                    **values(record),
                    **placement(record),
                    **self._provenance(record),
                    **(on_create(record) if on_create else {}),
                    import_digest=fingerprint(*record.content()),
                )
                for record in batch
            ]
            created = kind.model.objects.bulk_create(objects, batch_size=500)
            for record, obj in zip(batch, created, strict=True):
                pks[record.uid] = obj.pk
            tally.created += len(created)

        content_updates, placement_updates = [], []
        for row, record in pairing.pairs:
            digest = fingerprint(*record.content())
            now = fingerprint(*current(row))
            where = placement(record) | self._provenance(record)
            # The file's name alone is no change: an export re-imported as backup.md is the same.
            moved = any(row[k] != v for k, v in where.items() if k != "source_file")
            if now != digest and now != row["import_digest"]:
                self.kept[kind.name].add(row["id"])
                self.report.kept.append(f"{kind.name}: {str(row[kind.describe])[:70]}")
                tally.kept += 1
                if moved:
                    placement_updates.append(kind.model(pk=row["id"], **where))
            elif now != digest or row["import_digest"] != digest:
                fields = values(record) | where | {"import_digest": digest}
                content_updates.append(kind.model(pk=row["id"], **fields))
                tally.updated += now != digest
                tally.moved += now == digest
            elif moved:
                placement_updates.append(kind.model(pk=row["id"], **where))
                tally.moved += 1
            else:
                tally.unchanged += 1
        where_fields = [*kind.placement, *PROVENANCE]
        if content_updates:
            kind.model.objects.bulk_update(
                content_updates, [*kind.content, *where_fields, "import_digest"], batch_size=500
            )
        if placement_updates:
            kind.model.objects.bulk_update(placement_updates, where_fields, batch_size=500)
        self.gone[kind.name] = pairing.gone

    def _provenance(self, record) -> dict:
        source = record.source
        return {
            "source_file": self.source_name,
            "source_line": source.line,
            "source_text": source.text,
            "import_key": record.key,
        }

    # -- the steps, in dependency order ------------------------------------------------------

    def areas(self) -> None:
        rows = list(
            ResearchArea.objects.values(
                "id", *AREAS.content, *AREAS.placement, *PROVENANCE, "import_digest"
            )
        )
        # A field is its heading path: pairing leftovers by order would hand one field's URL
        # to another.
        pairing = pair(
            rows, self.plan.areas, row_group=_one_group, record_group=_one_group, in_order=False
        )
        html = {record.key: row["notes_html"] for row, record in pairing.pairs}
        for row, record in pairing.pairs:
            if row["notes"] != record.notes:
                html[record.key] = _render(record, self.source_name)
        for record in pairing.new:
            html[record.key] = _render(record, self.source_name)
        taken = set(ResearchArea.objects.values_list("slug", flat=True))
        self.apply(
            AREAS,
            pairing,
            current=lambda row: (row["name"], row["level"], row["aliases"], row["notes"]),
            values=lambda r: {
                "name": r.name,
                "level": r.level,
                "aliases": r.aliases,
                "notes": r.notes,
                "notes_html": html[r.key],
            },
            placement=lambda r: {
                "parent_id": self.pk["areas"].get(r.parent_key),
                "position": r.position,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_key),
            on_create=lambda r: {"slug": unique_slug(r.name, taken, "field")},
        )

    def companies(self) -> None:
        rows = list(Company.objects.values("id", *COMPANIES.content, *PROVENANCE, "import_digest"))
        for row in rows:
            row["imported"] = bool(row["import_key"])
            row["import_key"] = company_key(row["name"])
        listed = [c for c in self.plan.companies if c.source is not None]
        pairing = pair(rows, listed, row_group=_one_group, record_group=_one_group, in_order=False)
        taken = set(Company.objects.values_list("slug", flat=True))
        self.apply(
            COMPANIES,
            pairing,
            current=lambda row: (row["name"], row["website"]),
            values=lambda r: {"name": r.name, "website": r.website},
            placement=lambda r: {},
            on_create=lambda r: {"slug": unique_slug(r.name, taken, "company")},
        )
        # Companies only mentioned (known from the database) resolve by name.
        for row in rows:
            self.pk["companies"].setdefault(row["import_key"], row["id"])
        # Companies made in the admin (no import key) are never an import's to delete.
        self.gone["companies"] = [row for row in pairing.gone if row["imported"]]

    def roles(self) -> None:
        rows = list(
            Role.objects.exclude(import_key="").values(
                "id", *ROLES.content, *ROLES.placement, *PROVENANCE, "import_digest"
            )
        )
        companies = {pk: key for key, pk in self.pk["companies"].items()}
        pairing = pair(
            rows, self.plan.roles, row_group=_one_group, record_group=_one_group, in_order=False
        )
        taken = set(Role.objects.values_list("slug", flat=True))
        self.apply(
            ROLES,
            pairing,
            current=lambda row: (row["title"], companies.get(row["company_id"]), row["location"]),
            values=lambda r: {
                "title": r.title,
                "company_id": self.pk["companies"].get(r.company_key),
                "location": r.location,
            },
            placement=lambda r: {"area_id": self.pk["areas"][r.area_key]},
            on_create=lambda r: {"slug": unique_slug(r.title, taken, "role")},
        )

    def skill_sets(self) -> None:
        rows = list(
            SkillSet.objects.exclude(import_key="").values(
                "id", *SKILL_SETS.content, *SKILL_SETS.placement, *PROVENANCE, "import_digest"
            )
        )
        # Rows about to be deleted name roles the notes no longer hold; their keys come from
        # the database, or such a row would look edited and be kept.
        roles = dict(Role.objects.exclude(import_key="").values_list("id", "import_key"))
        roles.update({pk: key for key, pk in self.pk["roles"].items()})
        companies = {pk: key for key, pk in self.pk["companies"].items()}
        area_pks = self.pk["areas"]
        pairing = pair(
            rows,
            self.plan.skill_sets,
            row_group=lambda row: row["area_id"],
            record_group=lambda r: area_pks.get(r.area_key),
        )
        self.apply(
            SKILL_SETS,
            pairing,
            current=lambda row: (
                row["label"],
                row["context"],
                row["is_placeholder"],
                roles.get(row["role_id"]),
                companies.get(row["company_id"]),
            ),
            values=lambda r: {
                "label": r.label,
                "context": r.context,
                "is_placeholder": r.is_placeholder,
                "role_id": self.pk["roles"].get(r.role_key),
                "company_id": self.pk["companies"].get(r.company_key),
            },
            placement=lambda r: {
                "area_id": area_pks[r.area_key],
                "parent_id": self.pk["skill sets"].get(r.parent_key),
                "position": r.position,
                "anchor": r.anchor,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_key),
        )

    def skills(self) -> None:
        rows = list(
            Skill.objects.exclude(import_key="").values(
                "id", *SKILLS.content, *SKILLS.placement, *PROVENANCE, "import_digest"
            )
        )
        tags: dict[int, list[str]] = defaultdict(list)
        for skill_id, slug in TaggedSkill.objects.values_list("content_object_id", "tag__slug"):
            tags[skill_id].append(slug)
        self.tags_now = tags
        set_pks, skill_pks = self.pk["skill sets"], self.pk["skills"]
        pairing = pair(
            rows,
            list(self.plan.skills),
            row_group=lambda row: row["skill_set_id"],
            record_group=lambda r: set_pks[r.set_key],
        )
        self.apply(
            SKILLS,
            pairing,
            current=lambda row: (
                row["text"],
                row["emphasized"],
                row["is_placeholder"],
                tuple(sorted(tags.get(row["id"], ()))),
            ),
            values=lambda r: {
                "text": r.text,
                "text_html": render_inline(r.text),
                "emphasized": r.emphasized,
                "is_placeholder": r.is_placeholder,
            },
            placement=lambda r: {
                "skill_set_id": set_pks[r.set_key],
                "parent_id": skill_pks.get(r.parent_uid),
                "position": r.position,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_uid),
        )

    def tags(self) -> None:
        """Tag each skill with the technologies its text names, except edited skills."""
        technology_pk = dict(Technology.objects.values_list("slug", "id"))
        kept = self.kept["skills"]
        wanted: set[tuple[int, int]] = set()
        for record in self.plan.skills:
            skill_pk = self.pk["skills"][record.uid]
            if skill_pk not in kept:
                wanted.update((skill_pk, technology_pk[slug]) for slug in record.technologies)
        present = {
            (skill_pk, technology_pk[slug])
            for skill_pk, slugs in self.tags_now.items()
            if skill_pk not in kept
            for slug in slugs
        }
        tally = self.report.tallies["technology tags"]
        stale = present - wanted
        if stale:
            stale_skills = {skill_pk for skill_pk, _ in stale}
            ids = [
                pk
                for pk, skill_pk, tag_pk in TaggedSkill.objects.filter(
                    content_object_id__in=stale_skills
                ).values_list("id", "content_object_id", "tag_id")
                if (skill_pk, tag_pk) in stale
            ]
            TaggedSkill.objects.filter(id__in=ids).delete()
            tally.deleted += len(ids)
        missing = wanted - present
        TaggedSkill.objects.bulk_create(
            [TaggedSkill(content_object_id=s, tag_id=t) for s, t in sorted(missing)],
            batch_size=1000,
        )
        tally.created += len(missing)
        tally.unchanged += len(wanted & present)

    def clean_up(self) -> None:
        """Delete what the notes no longer hold, sparing edited rows and what they stand in."""
        spared: dict[str, set[int]] = {
            kind.name: {r["id"] for r in self.gone[kind.name] if self._edited(kind, r)}
            for kind in (SKILLS, SKILL_SETS, ROLES, AREAS, COMPANIES)
        }
        set_parent = dict(SkillSet.objects.values_list("id", "parent_id"))
        spared["skill sets"] |= {
            r["skill_set_id"] for r in self.gone["skills"] if r["id"] in spared["skills"]
        }
        spared["skill sets"] |= _ancestors(spared["skill sets"], set_parent)
        gone_set_rows = [r for r in self.gone["skill sets"] if r["id"] in spared["skill sets"]]
        spared["roles"] |= {r["role_id"] for r in gone_set_rows if r["role_id"]}
        spared["areas"] |= {r["area_id"] for r in gone_set_rows}
        spared["areas"] |= {r["area_id"] for r in self.gone["roles"] if r["id"] in spared["roles"]}
        # Rows the notes never held (made in the admin, imported from postings) keep the
        # area and company they belong to; deleting those would take them along.
        foreign_sets = SkillSet.objects.filter(import_key="")
        foreign_roles = Role.objects.filter(import_key="")
        spared["areas"] |= set(foreign_sets.values_list("area_id", flat=True))
        spared["areas"] |= set(foreign_roles.values_list("area_id", flat=True))
        spared["companies"] |= set(foreign_roles.values_list("company_id", flat=True))
        spared["companies"] |= set(Posting.objects.values_list("company_id", flat=True))
        spared["areas"] |= _ancestors(
            spared["areas"], dict(ResearchArea.objects.values_list("id", "parent_id"))
        )
        for kind in (SKILLS, SKILL_SETS, ROLES, AREAS, COMPANIES):
            tally = self.report.tallies[kind.name]
            gone = [r["id"] for r in self.gone[kind.name] if r["id"] not in spared[kind.name]]
            for start in range(0, len(gone), 500):
                kind.model.objects.filter(id__in=gone[start : start + 500]).delete()
            tally.deleted += len(gone)
            for row in self.gone[kind.name]:
                if row["id"] in spared[kind.name]:
                    tally.kept += 1
                    self.report.kept.append(
                        f"{kind.name}: {str(row[kind.describe])[:70]} (no longer in the notes)"
                    )

    def _edited(self, kind: _Kind, row: dict) -> bool:
        return fingerprint(*self.current[kind.name](row)) != row["import_digest"]


def _ancestors(ids: set[int], parent_of: dict[int, int | None]) -> set[int]:
    found: set[int] = set()
    for pk in ids:
        parent = parent_of.get(pk)
        while parent is not None and parent not in found:
            found.add(parent)
            parent = parent_of.get(parent)
    return found


def _refresh_search(report: ImportReport) -> None:
    """An unchanged import leaves the index alone, unless it was never built."""
    if report.changed or not SearchDocument.objects.exists():
        sync_index()
    if report.changed and connection.vendor == "postgresql":
        # After a bulk load PostgreSQL plans with the old row counts until autovacuum
        # comes round; fresh statistics keep the public pages' plans sound at once.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(ANALYZED)}")


def _one_group(_item) -> str:
    return "all"


@transaction.atomic
def import_notes(
    *, text: str, source_name: str, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import ``text`` (named ``source_name`` in messages and provenance) in one transaction.

    With ``dry_run`` everything runs, the report is complete, and the transaction is rolled
    back. Raises ``InputError`` for notes that cannot be filed.
    """
    step = progress or (lambda stage, done, total: None)
    report = ImportReport(source_name=source_name, dry_run=dry_run)
    step(STAGES[0], 0, len(STAGES))
    try:
        document = parse_notes(text)
    except NotesSyntaxError as exc:
        raise InputError(source_name, exc.line, exc.message) from exc
    report.technologies_added = sync_vocabulary()
    known_companies = Company.objects.values_list("name", flat=True)
    plan = plan_notes(document, technology_matcher(), known_companies)
    report.placeholders = sum(1 for s in plan.skill_sets if s.is_placeholder)
    report.notes_lines = plan.notes_lines
    writer = _Writer(plan, source_name, report)
    steps = (
        writer.areas,
        writer.companies,
        writer.roles,
        writer.skill_sets,
        writer.skills,
        writer.tags,
        writer.clean_up,
        lambda: _refresh_search(report),
    )
    for done, run in enumerate(steps, start=1):
        step(STAGES[done], done, len(STAGES))
        run()
    step("done", len(STAGES), len(STAGES))
    if dry_run:
        transaction.set_rollback(True)
    return report
