"""Re-tag every skill line with the vocabulary as it stands, without the files it came from.

The notes importer re-tags on its own when the vocabulary changes (its fingerprint of the
vocabulary changes), but only for the files it is given; postings are never read again.
``retag_skills`` reads each line's stored text instead:

- a notes line whose tags are as its import wrote them (its digest says so) gets exactly the
  technologies the matcher now finds; one whose tags were edited by hand is left alone;
- a posting's line keeps every tag it has (its digest does not cover tags, so hand-added ones
  cannot be told apart) and gains what the matcher now finds;
- a line made in the admin is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from lib.bulk import update_rows
from lib.import_lock import holds_the_import_lock
from postings.importing.curation import skill_digest
from taxonomy.line_kinds import optional_technologies
from taxonomy.models import SearchDocument, Skill, TaggedSkill, Technology
from taxonomy.notes.plan import fingerprint
from taxonomy.search.index import sync_index
from taxonomy.vocabulary import sync_vocabulary, technology_matcher

BATCH = 2000


@dataclass(slots=True)
class RetagReport:
    lines: int = 0  # lines read
    changed: int = 0  # lines whose tags changed
    added: int = 0
    removed: int = 0
    kept: int = 0  # notes lines whose tags were edited by hand, left alone
    technologies_added: int = 0


@holds_the_import_lock
@transaction.atomic
def retag_skills(
    *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None
) -> RetagReport:
    """Re-tag the stored skill lines; ``progress(done, total)`` is told as batches finish."""
    report = RetagReport(technologies_added=sync_vocabulary())
    matcher = technology_matcher()
    pk_of = dict(Technology.objects.values_list("slug", "id"))
    slug_of = {pk: slug for slug, pk in pk_of.items()}
    ids = list(
        Skill.objects.filter(is_placeholder=False).order_by("pk").values_list("pk", flat=True)
    )
    changed_ids: list[int] = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = Skill.objects.filter(pk__in=batch).only(
            "id", "text", "emphasized", "is_placeholder", "parent_id", "import_key", "import_digest"
        )
        tags: dict[int, set[str]] = {pk: set() for pk in batch}
        link: dict[tuple[int, str], TaggedSkill] = {}  # (skill, slug) → its row
        for tag in TaggedSkill.objects.filter(content_object__in=batch).only(
            "id", "content_object_id", "tag_id", "optional"
        ):
            tags[tag.content_object_id].add(slug_of[tag.tag_id])
            link[(tag.content_object_id, slug_of[tag.tag_id])] = tag
        add, remove, flipped, digests = [], [], [], []
        for row in rows:
            report.lines += 1
            now = tags[row.pk]
            found_in_order = matcher.find(row.text)
            found = set(found_in_order)
            optional = optional_technologies(row.text, found_in_order, matcher.find)
            if row.import_key:  # a notes line
                as_imported = fingerprint(
                    row.text, row.emphasized, row.is_placeholder, tuple(sorted(now))
                )
                if as_imported != row.import_digest:
                    report.kept += 1
                    continue
                wanted = found
                row.import_digest = fingerprint(
                    row.text, row.emphasized, row.is_placeholder, tuple(sorted(found))
                )
                digests.append(row)
            elif row.import_digest and row.import_digest == skill_digest(row):  # a posting's
                wanted = now | found
            else:
                continue  # made or edited in the admin
            flips = [
                link[(row.pk, s)]
                for s in now & found
                if link[(row.pk, s)].optional != (s in optional)
            ]
            for tag in flips:
                tag.optional = not tag.optional
            flipped += flips
            if wanted == now and not flips:
                continue
            report.changed += 1
            changed_ids.append(row.pk)
            add += [
                TaggedSkill(content_object_id=row.pk, tag_id=pk_of[s], optional=s in optional)
                for s in wanted - now
            ]
            remove += [link[(row.pk, s)].pk for s in now - wanted]
        report.added += len(add)
        report.removed += len(remove)
        TaggedSkill.objects.bulk_create(add, batch_size=1000)
        TaggedSkill.objects.filter(pk__in=remove).delete()
        update_rows(
            TaggedSkill, [{"id": t.pk, "optional": t.optional} for t in flipped], ["optional"]
        )
        update_rows(
            Skill,
            [{"id": r.pk, "import_digest": r.import_digest} for r in digests],
            ["import_digest"],
        )
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    sync_index(kind=SearchDocument.Kind.SKILL, ids=changed_ids)
    sync_index(kind=SearchDocument.Kind.TECHNOLOGY)
    if dry_run:
        transaction.set_rollback(True)
    return report
