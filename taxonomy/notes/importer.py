"""Import notes files into the database: one transaction, only what changed is written.

Each file is a ``NotesSource`` (named by its path below the folder imported); importing it
touches its own rows only, never another file's, a posting's or a row made in the admin. A
file whose text, importer, vocabulary and known companies are all as at its last import is
skipped without being read further.

A row whose curated fields no longer match what the last import wrote was edited by someone
(in the admin, usually); this import then leaves its content alone and reports it as kept.
Its placement (order, source line) still follows the file, so exports stay in order.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path, PurePosixPath

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from lib.bulk import add_by_group, insert_rows, update_rows
from lib.import_lock import holds_the_import_lock
from lib.textfile import InputError
from postings.models import Company, Role
from taxonomy.models import (
    AskedTechnology,
    FieldCount,
    NotesSource,
    ResearchArea,
    SearchDocument,
    Skill,
    SkillSet,
    TaggedSkill,
    Technology,
)
from taxonomy.notes.markdown import render_inline, render_markdown
from taxonomy.notes.pairing import Pairing, pair, rematch
from taxonomy.notes.parser import NotesDocument, NotesSyntaxError, parse_notes
from taxonomy.notes.plan import (
    NotesPlan,
    NotesPlanner,
    SkillRecord,
    company_key,
    fingerprint,
    set_signature,
)
from taxonomy.provenance import SOURCE_FIELDS
from taxonomy.search.index import sync_index
from taxonomy.tree import AreaTree
from taxonomy.vocabulary import MATCHER_FIELDS, sync_vocabulary, technology_matcher

# The modules whose rules decide what rows a file's text becomes: how lines are read, tagged
# and kinded, which employer and title a set gets, how rows pair with the last import's.
# Their source is fingerprinted with the vocabulary, so that after any change to them a file
# whose text has not changed is still read again (tests/test_notes_rules_fingerprint.py
# checks that the list holds every module they import).
RULE_MODULES = (
    "postings.parsing.labels",
    "taxonomy.employers",
    "taxonomy.line_kinds",
    "taxonomy.matching",
    "taxonomy.notes.companies",
    "taxonomy.notes.headings",
    "taxonomy.notes.importer",
    "taxonomy.notes.markdown",
    "taxonomy.notes.pairing",
    "taxonomy.notes.parser",
    "taxonomy.notes.plan",
    "taxonomy.notes.roles",
    "taxonomy.organisations",
    "taxonomy.verbs",
)
Progress = Callable[[str, int, int], None]
STAGES = ("areas", "roles", "skill sets", "skills", "tags", "clean-up")
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
class NotesFile:
    """A file to import: ``path`` names it below ``root``, the folder it was imported from."""

    path: str
    text: str
    root: str = ""

    @property
    def preamble_name(self) -> str:
        """The field that text before the first heading files under: the file's name."""
        stem = PurePosixPath(self.path).stem.replace("-", " ").replace("_", " ").strip()
        return (stem[:1].upper() + stem[1:]) or "Notes"


@dataclass(slots=True)
class ImportReport:
    """What importing one file did."""

    source_name: str
    dry_run: bool
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    kept: list[str] = field(default_factory=list)
    placeholders: int = 0
    notes_lines: int = 0
    technologies_added: int = 0
    skipped: bool = False  # unchanged since its last import, so not read again
    is_new: bool = False

    @property
    def changed(self) -> bool:
        return self.technologies_added > 0 or any(t.writes for t in self.tallies.values())


@dataclass(slots=True)
class LibraryReport:
    """What one import command did, file by file."""

    dry_run: bool
    files: list[ImportReport] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # sources whose files are no longer there
    pruned: list[str] = field(default_factory=list)
    technologies_added: int = 0
    companies: Tally = field(default_factory=Tally)  # deleted: listed by no file any more

    @property
    def changed(self) -> bool:
        return (
            self.technologies_added > 0
            or bool(self.pruned)
            or self.companies.deleted > 0
            or any(f.changed for f in self.files)
        )

    def totals(self) -> dict[str, Tally]:
        totals: dict[str, Tally] = defaultdict(Tally)
        for report in self.files:
            for name, tally in report.tallies.items():
                total = totals[name]
                for column in Tally.__slots__:
                    setattr(total, column, getattr(total, column) + getattr(tally, column))
        totals["companies"].deleted += self.companies.deleted
        return totals


@dataclass(frozen=True, slots=True)
class _Kind:
    """How one model takes part in an import."""

    name: str
    model: type
    describe: str  # the row field that names it in the list of kept rows
    content: tuple[str, ...]  # curated fields: written unless the row was edited since
    placement: tuple[str, ...]  # where the row stands: always follows the file
    indexed: tuple[str, ...]  # what the search documents of skill lines read from the row


AREAS = _Kind(
    "areas",
    ResearchArea,
    "name",
    ("name", "level", "aliases", "notes", "notes_html"),
    ("notes_source_id", "parent_id", "position"),
    ("name", "parent_id"),
)
COMPANIES = _Kind("companies", Company, "name", ("name", "website"), (), ("name",))
ROLES = _Kind(
    "roles",
    Role,
    "title",
    ("title", "company_id", "location"),
    ("notes_source_id", "area_id"),
    ("title",),
)
SKILL_SETS = _Kind(
    "skill sets",
    SkillSet,
    "label",
    ("label", "context", "is_placeholder", "role_id", "company_id"),
    (
        "notes_source_id",
        "area_id",
        "parent_id",
        "position",
        "anchor",
        "blank_before",
        "skills_digest",
    ),
    ("is_placeholder", "role_id", "company_id", "area_id"),
)
SKILLS = _Kind(
    "skills",
    Skill,
    "text",
    ("text", "text_html", "emphasized", "is_placeholder"),
    # A line's kind follows from where it stands among the set's lines, as its place does.
    ("skill_set_id", "parent_id", "position", "blank_before", "kind"),
    ("text", "is_placeholder", "skill_set_id"),
)
# How a skill line links to the rows of each kind: their search documents read them.
_SKILLS_BY = {
    "skill sets": "skill_set",
    "roles": "skill_set__role",
    "companies": "skill_set__company",
    "areas": "skill_set__area",
}


# The tables an import writes in bulk, then those the search index derives from them: each
# analysed in its transaction as soon as it is written, all vacuumed after it commits.
WRITTEN, DERIVED = (
    tuple(model._meta.db_table for model in models)
    for models in (
        (ResearchArea, Company, Role, SkillSet, Skill, TaggedSkill),
        (SearchDocument, AskedTechnology, FieldCount, Technology),
    )
)
BULK_WRITTEN = WRITTEN + DERIVED


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


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class _Shift:
    """Lines inserted or deleted above a field or a skill set move every line below them:
    the rows of a container (the skills of a set, the sets and roles of a field) move with
    it in one statement, instead of one update per row. ``by`` maps a container's pk to how
    far its own line moved; ``group`` links the rows to it, ``where`` narrows them to those
    the import wrote."""

    model: type
    group: str
    by: dict[int, int]
    where: str
    params: tuple = ()

    def shifted(self, row: dict) -> dict:
        """``row`` as it reads once its container's rows have been moved."""
        distance = self.by.get(row[self.group], 0)
        if not distance or row["source_line"] is None:
            return row
        return row | {"source_line": row["source_line"] + distance}

    def apply(self) -> None:
        add_by_group(
            self.model,
            field="source_line",
            group=self.group,
            amounts=self.by,
            where=self.where,
            params=self.params,
        )

    @staticmethod
    def distances(pairing: Pairing) -> dict[int, int]:
        return {
            row["id"]: record.source.line - row["source_line"]
            for row, record in pairing.pairs
            if row["source_line"] is not None
        }


class _Writer:
    """Writes one file's plan over the rows its source holds, and no others."""

    def __init__(
        self,
        plan: NotesPlan,
        source: NotesSource,
        report: ImportReport,
        *,
        as_imported: bool = False,
        reuse_tags: bool = False,
        index_all: bool = False,
    ):
        """``as_imported``: the source's rows are as its last import wrote them (nobody has
        edited or deleted any since), so a skill set whose lines are unchanged keeps its
        skill rows without their being read. ``reuse_tags``: the vocabulary is unchanged,
        so a line as imported keeps its technologies without being searched again.
        ``index_all``: the whole search index is built afresh after this import, so which
        lines it changed need not be worked out."""
        self.plan = plan
        self.index_all = index_all
        self.as_imported = as_imported
        self.reuse_tags = reuse_tags
        self.existing = _ExistingSkills()
        self.source = source
        self.source_name = source.path
        self.report = report
        self.pk: dict[str, dict[str, int]] = defaultdict(dict)  # kind → record key → pk
        self.kept: dict[str, set[int]] = defaultdict(set)  # kind → pks of edited rows
        self.gone: dict[str, list[dict]] = {}  # kind → rows no record paired with
        self.current: dict[str, Callable[[dict], tuple]] = {}
        self.listed: set[int] = set()  # pks of the companies the file lists
        # Per kind, pks of rows created, deleted or changed in what search documents show.
        self.indexed: dict[str, set[int]] = defaultdict(set)

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
        shift: _Shift | None = None,
    ) -> None:
        """Write ``pairing``: create the new records, then update the paired rows that differ.

        ``current(row)`` is comparable with ``record.content()``. ``batches`` orders the
        creation (parents first); ``on_create`` adds fields only new rows get (a slug).
        ``shift`` moves the source lines of rows whose container moved as a whole.
        """
        tally = self.report.tallies[kind.name]
        self.current[kind.name] = current
        pks = self.pk[kind.name]
        for row, record in pairing.pairs:
            pks[record.uid] = row["id"]
        if shift is not None:
            # First, so that the rows created and updated below get their own lines.
            shift.apply()
        for batch in (batches or (lambda new: [new]))(pairing.new):
            rows = [
                values(record)
                | placement(record)
                | self._provenance(record)
                | (on_create(record) if on_create else {})
                | {"import_digest": fingerprint(*record.content())}
                for record in batch
            ]
            created = insert_rows(kind.model, rows)
            for record, pk in zip(batch, created, strict=True):
                pks[record.uid] = pk
            tally.created += len(created)
            self.indexed[kind.name].update(created)

        content_updates, placement_updates = [], []

        def update(updates: list[dict], row: dict, fields: dict) -> None:
            updates.append({"id": row["id"], **fields})
            if any(row[f] != fields[f] for f in kind.indexed if f in fields):
                self.indexed[kind.name].add(row["id"])

        for row, record in pairing.pairs:
            content, found = record.content(), current(row)
            digest = fingerprint(*content)
            now = digest if found == content else fingerprint(*found)
            where = placement(record) | self._provenance(record)
            if shift is not None:
                row = shift.shifted(row)
            # The file's name alone is no change: an export re-imported as backup.md is the same.
            moved = any(row[k] != v for k, v in where.items() if k != "source_file")
            if now != digest and now != row["import_digest"]:
                self.kept[kind.name].add(row["id"])
                self.report.kept.append(f"{kind.name}: {str(row[kind.describe])[:70]}")
                tally.kept += 1
                if moved:
                    update(placement_updates, row, where)
            elif now != digest or row["import_digest"] != digest:
                update(content_updates, row, values(record) | where | {"import_digest": digest})
                tally.updated += now != digest
                tally.moved += now == digest
            elif moved:
                update(placement_updates, row, where)
                tally.moved += 1
            else:
                tally.unchanged += 1
        where_fields = [*kind.placement, *PROVENANCE]
        update_rows(kind.model, content_updates, [*kind.content, *where_fields, "import_digest"])
        update_rows(kind.model, placement_updates, where_fields)
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
            ResearchArea.objects.filter(notes_source=self.source).values(
                "id", *AREAS.content, *AREAS.placement, *PROVENANCE, "import_digest"
            )
        )
        # A field is its heading path: pairing leftovers by order would hand one field's URL
        # to another.
        pairing = pair(
            rows, self.plan.areas, row_group=_one_group, record_group=_one_group, in_order=False
        )
        self.field_moves = _Shift.distances(pairing)  # how far each field's heading moved
        html = {record.key: row["notes_html"] for row, record in pairing.pairs}
        for row, record in pairing.pairs:
            if row["notes"] != record.notes:
                html[record.key] = render_markdown(record.notes)
        for record in pairing.new:
            html[record.key] = render_markdown(record.notes)
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
                "notes_source_id": self.source.pk,
                "parent_id": self.pk["areas"].get(r.parent_key),
                "position": r.position,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_key),
            on_create=lambda r: {"slug": unique_slug(r.name, taken, "field")},
        )

    def companies(self, rows: list[dict]) -> None:
        """Create the companies this file lists; ``rows`` are every company, shared by the
        files of one import (each file's new companies join them for the next file).

        A company belongs to the file that first listed it: only that file updates it.
        """
        listed = [c for c in self.plan.companies if c.source is not None]
        pairing = pair(rows, listed, row_group=_one_group, record_group=_one_group, in_order=False)
        pks = self.pk["companies"]
        for row, record in pairing.pairs:
            pks[record.uid] = row["id"]
        owned = Pairing(
            pairs=[
                (row, record)
                for row, record in pairing.pairs
                if row["imported"] and row["source_file"] == self.source_name
            ],
            new=pairing.new,
        )
        taken = {row["slug"] for row in rows}
        slugs: dict[str, str] = {}  # the next file must not hand out these slugs again

        def new_slug(record) -> dict:
            slugs[record.key] = unique_slug(record.name, taken, "company")
            return {"slug": slugs[record.key], "kind": record.kind}

        self.apply(
            COMPANIES,
            owned,
            current=lambda row: (row["name"], row["website"]),
            values=lambda r: {"name": r.name, "website": r.website},
            placement=lambda r: {},
            on_create=new_slug,
        )
        for record in pairing.new:
            rows.append(
                {
                    "id": pks[record.uid],
                    "name": record.name,
                    "slug": slugs[record.key],
                    "website": record.website,
                    "source_file": self.source_name,
                    "imported": True,
                    "import_key": record.key,
                    "import_digest": fingerprint(*record.content()),
                }
            )
        self.listed = {pks[record.uid] for record in listed}

    def mentioned_companies(self, rows: list[dict]) -> None:
        """Resolve by name the companies the file only mentions (listed by another file, or
        made elsewhere), once every file of the import has made its own: a later file's
        "Modular" is this file's too."""
        pks = self.pk["companies"]
        for row in rows:
            pks.setdefault(row["import_key"], row["id"])

    def roles(self) -> None:
        self._pair_skill_sets()
        rows = list(
            Role.objects.filter(notes_source=self.source).values(
                "id", *ROLES.content, *ROLES.placement, *PROVENANCE, "import_digest"
            )
        )
        # The keys the roles had before this import re-keys any: a skill set that names a role
        # moved or retitled here was not edited by anyone.
        self.role_keys_before = {row["id"]: row["import_key"] for row in rows}
        companies = {pk: key for key, pk in self.pk["companies"].items()}
        pairing = pair(
            rows, self.plan.roles, row_group=_one_group, record_group=_one_group, in_order=False
        )
        self._pair_retitled_roles(pairing)
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
            placement=lambda r: {
                "notes_source_id": self.source.pk,
                "area_id": self.pk["areas"][r.area_key],
            },
            on_create=lambda r: {"slug": unique_slug(r.title, taken, "role")},
            shift=self._in_fields(Role),
        )

    def _pair_retitled_roles(self, pairing: Pairing) -> None:
        """A role whose title line was edited is the role its skill set had: same pk, URL
        and roadmap targets, instead of a new role and a deleted one."""
        had = {r.role_key: row["role_id"] for row, r in self.set_pairing.pairs if r.role_key}
        rematch(pairing, row_key=lambda row: row["id"], record_key=lambda r: had.get(r.key))

    def _pair_skill_sets(self) -> None:
        """Pair skill sets before roles are written: a role follows its skill set."""
        self.set_rows = list(
            SkillSet.objects.filter(notes_source=self.source).values(
                "id", *SKILL_SETS.content, *SKILL_SETS.placement, *PROVENANCE, "import_digest"
            )
        )
        area_pks = self.pk["areas"]

        def pair_sets(rows, records, in_order: bool) -> Pairing:
            return pair(
                rows,
                records,
                row_group=lambda row: row["area_id"],
                record_group=lambda r: area_pks.get(r.area_key),
                in_order=in_order,
            )

        # By key (same field, same text); then a set moved to another field, by its text;
        # then, in order within a field, sets whose text was edited.
        found = pair_sets(self.set_rows, self.plan.skill_sets, in_order=False)
        self.untouched = {
            record.uid: row["id"]
            for row, record in found.pairs
            if self.as_imported and row["skills_digest"] == record.skills_digest
        }
        # The skill rows of every other set: to pair with its lines, to tell a moved set by
        # its lines, or to delete.
        untouched_rows = set(self.untouched.values())
        self.existing = _ExistingSkills.of(
            [row["id"] for row in self.set_rows if row["id"] not in untouched_rows]
        )
        if self.reuse_tags:
            self.plan.known_tags.update(self.existing.known_tags())
        self._pair_moved_sets(found)
        edited = pair_sets(found.gone, found.new, in_order=True)
        self.set_pairing = Pairing([*found.pairs, *edited.pairs], edited.new, edited.gone)

    def _pair_moved_sets(self, pairing: Pairing) -> None:
        """A skill set the author moved under another field keeps its row (and so its
        skills', and its role's): told by its label and lines, read from its skill rows."""
        lines: dict[int, list[tuple[int, str]]] = {row["id"]: [] for row in pairing.gone}
        for skill in self.existing.rows:
            if skill["skill_set_id"] in lines:
                lines[skill["skill_set_id"]].append((skill["position"], skill["text"]))

        def signature(row: dict) -> str:
            return set_signature(row["label"], [text for _, text in sorted(lines[row["id"]])])

        rematch(pairing, row_key=signature, record_key=lambda r: r.signature)

    def skill_sets(self) -> None:
        # A row was edited when it no longer matches what the last import wrote, roles named
        # by the keys they had then (not those this import gave them).
        roles = self.role_keys_before
        companies = {pk: key for key, pk in self.pk["companies"].items()}
        area_pks = self.pk["areas"]
        self.apply(
            SKILL_SETS,
            self.set_pairing,
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
                "notes_source_id": self.source.pk,
                "area_id": area_pks[r.area_key],
                "parent_id": self.pk["skill sets"].get(r.parent_key),
                "position": r.position,
                "anchor": r.anchor,
                "blank_before": r.blank_before,
                "skills_digest": r.skills_digest,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_key),
            shift=self._in_fields(SkillSet),
        )

    def _skill_records(self) -> Iterator[SkillRecord]:
        """The lines of every skill set but those whose lines are as at the last import."""
        for record in self.plan.skill_sets:
            if record.uid not in self.untouched:
                yield from record.skills

    def skills(self) -> None:
        rows, tags = self.existing.rows, self.existing.tags
        set_pks, skill_pks = self.pk["skill sets"], self.pk["skills"]
        self.report.tallies["skills"].unchanged += sum(
            record.skill_count for record in self.plan.skill_sets if record.uid in self.untouched
        )
        pairing = pair(
            rows,
            list(self._skill_records()),
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
                "blank_before": r.blank_before,
                "kind": r.kind,
            },
            batches=lambda new: parents_first(new, parent_of=lambda r: r.parent_uid),
            shift=_Shift(
                Skill, "skill_set_id", _Shift.distances(self.set_pairing), "import_key <> ''"
            ),
        )

    def _in_fields(self, model) -> _Shift:
        """This file's rows (a field may also hold rows of postings or made in the admin)."""
        return _Shift(model, "area_id", self.field_moves, "notes_source_id = %s", (self.source.pk,))

    def tags(self) -> None:
        """Tag each skill with the technologies its text names, except edited skills."""
        technology_pk = dict(Technology.objects.values_list("slug", "id"))
        kept = self.kept["skills"]
        # (skill pk, technology pk) → whether the line names it only as optional
        wanted: dict[tuple[int, int], bool] = {}
        for record in self._skill_records():
            skill_pk = self.pk["skills"][record.uid]
            if skill_pk not in kept:
                for slug in record.technologies:
                    wanted[(skill_pk, technology_pk[slug])] = slug in record.optional
        optional = self.existing.optional
        present = {
            (skill_pk, technology_pk[slug]): (skill_pk, slug) in optional
            for skill_pk, slugs in self.existing.tags.items()
            if skill_pk not in kept
            for slug in slugs
        }
        tally = self.report.tallies["technology tags"]
        stale = present.keys() - wanted.keys()
        flipped = {pair for pair in present.keys() & wanted.keys() if present[pair] != wanted[pair]}
        if stale or flipped:
            ids = {
                (skill_pk, tag_pk): pk
                for pk, skill_pk, tag_pk in TaggedSkill.objects.filter(
                    content_object_id__in={skill_pk for skill_pk, _ in stale | flipped}
                ).values_list("id", "content_object_id", "tag_id")
            }
            gone = [ids[pair] for pair in stale]
            for start in range(0, len(gone), 500):
                TaggedSkill.objects.filter(id__in=gone[start : start + 500]).delete()
            tally.deleted += len(gone)
            update_rows(
                TaggedSkill,
                [{"id": ids[pair], "optional": wanted[pair]} for pair in sorted(flipped)],
                ["optional"],
            )
        missing = sorted(wanted.keys() - present.keys())
        insert_rows(
            TaggedSkill,
            [{"content_object_id": s, "tag_id": t, "optional": wanted[(s, t)]} for s, t in missing],
        )
        tally.created += len(missing)
        tally.updated += len(flipped)
        tally.unchanged += len(wanted.keys() & present.keys()) - len(flipped)

    def clean_up(self) -> None:
        """Delete what the notes no longer hold, sparing edited rows and what they stand in."""
        spared: dict[str, set[int]] = {
            kind.name: {r["id"] for r in self.gone[kind.name] if self._edited(kind, r)}
            for kind in (SKILLS, SKILL_SETS, ROLES, AREAS)
        }
        set_parent = {row["id"]: row["parent_id"] for row in self.set_rows}
        spared["skill sets"] |= {
            r["skill_set_id"] for r in self.gone["skills"] if r["id"] in spared["skills"]
        }
        spared["skill sets"] |= _ancestors(spared["skill sets"], set_parent)
        gone_set_rows = [r for r in self.gone["skill sets"] if r["id"] in spared["skill sets"]]
        spared["roles"] |= {r["role_id"] for r in gone_set_rows if r["role_id"]}
        spared["areas"] |= {r["area_id"] for r in gone_set_rows}
        spared["areas"] |= {r["area_id"] for r in self.gone["roles"] if r["id"] in spared["roles"]}
        gone_areas = [r["id"] for r in self.gone["areas"]]
        if gone_areas:
            # Rows this file never held (made in the admin, imported from postings or from
            # another file) keep the field they stand in; deleting it would take them along.
            theirs = Q(area__in=gone_areas) & ~Q(notes_source=self.source)
            spared["areas"] |= set(SkillSet.objects.filter(theirs).values_list("area", flat=True))
            spared["areas"] |= set(Role.objects.filter(theirs).values_list("area", flat=True))
            spared["areas"] |= set(
                ResearchArea.objects.filter(parent__in=gone_areas)
                .exclude(notes_source=self.source)
                .values_list("parent", flat=True)
            )
        spared["areas"] |= _ancestors(
            spared["areas"],
            dict(
                ResearchArea.objects.filter(notes_source=self.source).values_list("id", "parent_id")
            ),
        )
        kinds = (SKILLS, SKILL_SETS, ROLES, AREAS)
        gone = {
            kind.name: [r["id"] for r in self.gone[kind.name] if r["id"] not in spared[kind.name]]
            for kind in kinds
        }
        for kind in kinds:
            self.indexed[kind.name].update(gone[kind.name])
        # Read before the deletions: a deleted role leaves the lines of its set without a title.
        self.skills_to_index = set() if self.index_all else self._skills_to_index()
        for kind in kinds:
            tally = self.report.tallies[kind.name]
            ids = gone[kind.name]
            for start in range(0, len(ids), 500):
                kind.model.objects.filter(id__in=ids[start : start + 500]).delete()
            tally.deleted += len(ids)
            for row in self.gone[kind.name]:
                if row["id"] in spared[kind.name]:
                    tally.kept += 1
                    self.report.kept.append(
                        f"{kind.name}: {str(row[kind.describe])[:70]} (no longer in the notes)"
                    )

    def _skills_to_index(self) -> set[int]:
        """Skill lines whose search documents this import may have changed: their own rows,
        or the set, role, company or field (or a field above it) that the documents show."""
        found = set(self.indexed["skills"])
        areas = self.indexed["areas"]
        if areas:
            tree = AreaTree.load()
            areas = {pk for area in areas for pk in tree.subtree(area)}
        for name, link in _SKILLS_BY.items():
            pks = sorted(areas if name == "areas" else self.indexed[name])
            for start in range(0, len(pks), 500):
                lines = Skill.objects.filter(**{f"{link}__in": pks[start : start + 500]})
                found.update(lines.values_list("pk", flat=True))
        return found

    def _edited(self, kind: _Kind, row: dict) -> bool:
        return fingerprint(*self.current[kind.name](row)) != row["import_digest"]

    def write(self, step: Callable[[str, int], None] = lambda stage, done: None) -> None:
        """Everything after the companies, which every file of an import writes first."""
        runs = (self.areas, self.roles, self.skill_sets, self.skills, self.tags, self.clean_up)
        for done, (stage, run) in enumerate(zip(STAGES, runs, strict=True)):
            step(stage, done)
            run()


def _tags_of(skill_ids: list[int]) -> tuple[dict[int, list[str]], set[tuple[int, str]]]:
    """Technology slugs of these skills, and the (skill, slug) pairs tagged optional; read by
    id in chunks: a plan that cannot go wrong when the table statistics lag behind a bulk
    load (an ``IN (subquery)`` then took minutes on PostgreSQL)."""
    tags: dict[int, list[str]] = defaultdict(list)
    optional: set[tuple[int, str]] = set()
    for start in range(0, len(skill_ids), 900):
        chunk = skill_ids[start : start + 900]
        for skill_id, slug, is_optional in TaggedSkill.objects.filter(
            content_object_id__in=chunk
        ).values_list("content_object_id", "tag__slug", "optional"):
            tags[skill_id].append(slug)
            if is_optional:
                optional.add((skill_id, slug))
    return tags, optional


def _ancestors(ids: set[int], parent_of: dict[int, int | None]) -> set[int]:
    found: set[int] = set()
    for pk in ids:
        parent = parent_of.get(pk)
        while parent is not None and parent not in found:
            found.add(parent)
            parent = parent_of.get(parent)
    return found


def _refresh_search(changed: bool, skills: set[int], sources: list[NotesSource]) -> None:
    """Bring the index up to date: the documents of skill lines for ``skills`` only (there
    are thousands, and an import changes few), every document of the other kinds, and what
    the skill sets of the files written (``sources``) ask for. An unchanged import leaves
    the index alone, unless it was never built."""
    if not SearchDocument.objects.exists():
        sync_index()
    elif changed:
        written = Q(notes_source__in=sources) | Q(area__notes_source__in=sources)
        sync_index(
            scope={**dict.fromkeys(SearchDocument.Kind), SearchDocument.Kind.SKILL: skills},
            skill_sets=SkillSet.objects.filter(written).values_list("pk", flat=True),
        )
    if changed:
        _analyse(DERIVED)
        if connection.vendor == "postgresql":
            # The first reads of each new row pay for settling its visibility: vacuumed as
            # soon as the import commits (VACUUM cannot run inside a transaction), the public
            # pages are as fast at once as they will be (1.6 s at 100x the real notes).
            transaction.on_commit(_vacuum, robust=True)


def _analyse(tables: tuple[str, ...]) -> None:
    """After a bulk load PostgreSQL plans with the old row counts until autovacuum comes
    round: fresh statistics keep the plans sound at once, for the rest of this transaction
    too. Without them the counts that follow the writes took 50 s instead of 1 s on the
    real notes and folder, and a re-import in one transaction took minutes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")


def _vacuum() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {', '.join(BULK_WRITTEN)}")


def _one_group(_item) -> str:
    return "all"


# -- the library: which files to read, and what the rows depend on besides their text ------


@cache
def rules_fingerprint() -> str:
    """Fingerprint of the source of ``RULE_MODULES``."""
    digest = hashlib.sha1()
    for name in RULE_MODULES:
        digest.update(Path(import_module(name).__file__).read_bytes())
    return digest.hexdigest()


def _vocabulary() -> str:
    """Fingerprint of the technologies lines are tagged with and of the rules reading them."""
    rows = Technology.objects.order_by("slug").values_list(*MATCHER_FIELDS)
    return fingerprint(rules_fingerprint(), list(rows))


def _employers() -> tuple[list[str], dict[str, str]]:
    """Every employer's name, and the websites of those that have one: "Achronix" stated in
    one file is the "Achronix Semiconductor Corporation" of achronix.com another lists."""
    names, websites = [], {}
    for name, website in Company.objects.employers().values_list("name", "website"):
        names.append(name)
        if website:
            websites[name] = website
    return names, websites


def _context(vocabulary: str, company_names: Iterable[str], websites: dict[str, str]) -> str:
    """Fingerprint of what a file's rows depend on besides its text (the vocabulary's
    fingerprint covers the rules reading it): the companies' names and websites."""
    companies = sorted({name.strip().casefold() for name in company_names})
    return fingerprint(vocabulary, companies, sorted(websites.items()))


@dataclass(slots=True)
class _ExistingSkills:
    """The imported skill rows of some skill sets and their technologies, read once per
    import: for the planner (the tags it need not look for again) and for the writer (what
    to pair with)."""

    rows: list[dict] = field(default_factory=list)
    tags: dict[int, list[str]] = field(default_factory=dict)
    optional: set[tuple[int, str]] = field(default_factory=set)  # (skill pk, slug)

    @classmethod
    def of(cls, set_ids: list[int]) -> _ExistingSkills:
        rows: list[dict] = []
        fields = ("id", *SKILLS.content, *SKILLS.placement, *PROVENANCE, "import_digest")
        for start in range(0, len(set_ids), 500):
            chunk = set_ids[start : start + 500]
            imported = Skill.objects.filter(skill_set__in=chunk).exclude(import_key="")
            rows.extend(imported.values(*fields))
        return cls(rows, *_tags_of([row["id"] for row in rows]))

    def known_tags(self) -> dict[str, tuple[str, ...]]:
        """The technologies of the file's lines as its last import found them.

        Only lines whose row is as that import wrote it (tags included: the digest covers
        them) count; a line whose tags were curated is looked for again.
        """
        known: dict[str, tuple[str, ...]] = {}
        for row in self.rows:
            found = tuple(sorted(self.tags.get(row["id"], ())))
            content = (row["text"], row["emphasized"], row["is_placeholder"], found)
            if fingerprint(*content) == row["import_digest"]:
                known[row["text"]] = found
        return known


def _row_counts(source_ids) -> dict[int, dict[str, int]]:
    """How many rows each source holds now: a file deleted from in the admin is read again."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for name, queryset, link in (
        ("areas", ResearchArea.objects, "notes_source"),
        ("roles", Role.objects, "notes_source"),
        ("skill sets", SkillSet.objects, "notes_source"),
        ("skills", Skill.objects.exclude(import_key=""), "skill_set__notes_source"),
    ):
        rows = (
            queryset.filter(**{f"{link}__in": source_ids})
            .values(link)
            .annotate(n=Count("pk"))
            .values_list(link, "n")
        )
        for source_id, n in rows:
            counts[source_id][name] = n
    return counts


def _parse(file: NotesFile) -> NotesDocument:
    try:
        return parse_notes(file.text, preamble_name=file.preamble_name)
    except NotesSyntaxError as exc:
        raise InputError(file.path, exc.line, exc.message) from exc


def _company_rows() -> list[dict]:
    rows = list(
        Company.objects.values("id", "name", "slug", "website", *PROVENANCE, "import_digest")
    )
    for row in rows:
        row["imported"] = bool(row["import_key"])
        row["import_key"] = company_key(row["name"])
    return rows


def _delete_unlisted_companies(candidates: set[int]) -> int:
    """Delete imported companies no file lists any more and nothing refers to."""
    if not candidates:
        return 0
    unused = (
        Company.objects.filter(pk__in=candidates)
        .exclude(import_key="")
        .filter(
            notes_sources__isnull=True,
            roles__isnull=True,
            skill_sets__isnull=True,
            postings__isnull=True,
        )
        .values_list("id", "name", "website", "import_digest")
    )
    # An edited company (name or website changed in the admin) is kept.
    ids = [pk for pk, name, website, digest in unused if fingerprint(name, website) == digest]
    Company.objects.filter(pk__in=ids).delete()
    return len(ids)


@holds_the_import_lock
@transaction.atomic
def import_library(
    *,
    files: list[NotesFile],
    folders: Iterable[str] = (),
    prune: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> LibraryReport:
    """Import ``files`` in one transaction.

    ``folders`` are the roots of whole folders imported: sources imported from one of them
    before whose files are not among ``files`` are listed as gone, and with ``prune`` their
    rows are deleted (rows edited since are kept, as for any line removed from a file). With
    ``dry_run`` everything runs, the report is complete, and the transaction is rolled back.
    Raises ``InputError`` for a file that cannot be imported; nothing is written then.
    """
    step = progress or (lambda label, done, total: None)
    report = LibraryReport(dry_run=dry_run)
    paths = [file.path for file in files]
    if len(set(paths)) != len(paths):
        repeated = next(p for p in paths if paths.count(p) > 1)
        raise InputError(repeated, None, "is named twice in one import")
    report.technologies_added = sync_vocabulary()
    index_all = not SearchDocument.objects.exists()
    matcher = technology_matcher()
    sources = {s.path: s for s in NotesSource.objects.filter(path__in=paths)}

    # Files whose text changed are read first: the companies they name join the context of
    # every file, so that an unchanged file that mentions a new company is read again.
    sums = {f.path: checksum(f.text) for f in files}
    changed = [
        f for f in files if f.path not in sources or sources[f.path].checksum != sums[f.path]
    ]
    planners = {f.path: NotesPlanner(_parse(f), matcher) for f in changed}
    names, websites = _employers()

    def read_companies(planner: NotesPlanner) -> None:
        names.extend(planner.named_companies())
        websites.update(planner.websites())

    for planner in planners.values():
        read_companies(planner)
    vocabulary = _vocabulary()
    context = _context(vocabulary, names, websites)
    counts = _row_counts([s.pk for s in sources.values()])
    to_write: list[NotesFile] = []
    for file in files:
        source = sources.get(file.path)
        if (
            file.path not in planners
            and source.context == context
            and counts.get(source.pk, {}) == source.row_counts
        ):
            report.files.append(ImportReport(file.path, dry_run, skipped=True))
            continue
        if file.path not in planners:
            planners[file.path] = NotesPlanner(_parse(file), matcher)
            read_companies(planners[file.path])
        to_write.append(file)

    writers: list[tuple[NotesFile, _Writer]] = []
    for file in to_write:
        planner = planners[file.path]
        source = sources.get(file.path) or NotesSource(path=file.path)
        reuse = source.pk is not None and source.vocabulary == vocabulary
        # Marking a source edited clears its checksum; the counts tell of rows deleted.
        as_imported = reuse and bool(source.checksum) and counts.get(source.pk) == source.row_counts
        plan = planner.plan(names, websites)
        file_report = ImportReport(file.path, dry_run, is_new=source.pk is None)
        file_report.placeholders = sum(1 for s in plan.skill_sets if s.is_placeholder)
        file_report.notes_lines = plan.notes_lines
        source.root = file.root
        source.layout = planner.document.layout.as_json()
        source.save()
        writer = _Writer(
            plan,
            source,
            file_report,
            as_imported=as_imported,
            reuse_tags=reuse,
            index_all=index_all,
        )
        writers.append((file, writer))
        report.files.append(file_report)

    dropped: set[int] = set()
    to_index: set[int] = set()  # skill lines whose search documents may have changed
    company_rows = _company_rows()
    for _file, writer in writers:
        writer.companies(company_rows)
    for _file, writer in writers:
        writer.mentioned_companies(company_rows)
    total = len(writers) * len(STAGES)
    for done, (file, writer) in enumerate(writers):
        writer.write(
            lambda stage, n, path=file.path, done=done: step(
                f"{path}: {stage}", done * len(STAGES) + n, total
            )
        )
        to_index |= writer.skills_to_index
        before = set(writer.source.companies.values_list("id", flat=True))
        writer.source.companies.set(writer.listed)
        dropped |= before - writer.listed
    step("done", total, total)

    for root in dict.fromkeys(folders):
        gone = NotesSource.objects.under(root).exclude(path__in=paths)
        for source in gone:
            if not prune:
                report.gone.append(source.path)
                continue
            empty = NotesPlan([], [], [], [], 0)
            writer = _Writer(empty, source, ImportReport(source.path, dry_run), index_all=index_all)
            writer.write()
            to_index |= writer.skills_to_index
            dropped |= set(source.companies.values_list("id", flat=True))
            source.delete()
            report.pruned.append(source.path)
            report.files.append(writer.report)
    report.companies.deleted = _delete_unlisted_companies(dropped)
    if report.changed:
        _analyse(WRITTEN)  # before the counts and the index read what was written

    if writers:
        context_after = _context(vocabulary, *_employers())
        counts = _row_counts([writer.source.pk for _file, writer in writers])
        now = timezone.now()
        for file, writer in writers:
            source = writer.source
            source.checksum = sums[file.path]
            source.context = context_after
            source.vocabulary = vocabulary
            source.row_counts = counts.get(source.pk, {})
            source.imported_at = now
            source.save(
                update_fields=["checksum", "context", "vocabulary", "row_counts", "imported_at"]
            )
    _refresh_search(report.changed, to_index, [writer.source for _file, writer in writers])
    if dry_run:
        transaction.set_rollback(True)
    return report


def import_notes(
    *, text: str, source_name: str, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import one file named ``source_name`` (its path in the library); see ``import_library``."""
    library = import_library(
        files=[NotesFile(source_name, text)], dry_run=dry_run, progress=progress
    )
    (report,) = library.files
    report.technologies_added = library.technologies_added
    return report
