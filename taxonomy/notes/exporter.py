"""Write a notes file back from the database, as ``import_notes`` reads it again.

A row whose content still matches the line it was imported from is written as that line, byte
for byte (indentation, marker or none, trailing spaces); an edited row is written with the
same indentation and marker and its new text; a row made in the admin gets the indentation and
marker of its depth, markers alternating ``+ - *`` as in the notes. Blank lines come back as
they were, and the file's BOM, line endings and final newline from its ``Layout``: a file
imported and not edited since comes back byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from taxonomy.models import NotesSource, ResearchArea, Skill, SkillSet
from taxonomy.notes.parser import (
    TAB_WIDTH,
    Layout,
    blank_lines_of,
    bullet_parts,
    column_of,
    heading_parts,
    line_parts,
    notes_lines,
    skill_set_label,
)

MARKERS = "+-*"


def bullet_prefix(depth: int) -> str:
    """Indentation and marker of a bullet written at ``depth`` (0 is the outermost)."""
    return "\t" * depth + MARKERS[depth % len(MARKERS)] + " "


def heading_line(area: dict) -> str:
    parts = heading_parts(area["source_text"]) if area["source_text"] else None
    if parts == (area["level"], area["name"]):
        return area["source_text"]
    return "#" * area["level"] + "\t" + area["name"]


def skill_line(text: str, source_text: str, depth: int) -> str:
    """The line for a skill whose text is now ``text`` (a line with no marker keeps none)."""
    if not source_text.strip():
        return bullet_prefix(depth) + text
    prefix, content = line_parts(source_text)
    return source_text if content == text else prefix + text


def label_line(label: str, source_text: str, depth: int) -> str:
    """The line that opens a skill set labelled ``label``."""
    parts = bullet_parts(source_text) if source_text else None
    if parts is None:
        return f"{bullet_prefix(depth)}{label}:"
    prefix, content = parts
    return source_text if skill_set_label(content) == label else f"{prefix}{label}:"


def _depth(source_text: str, fallback: int) -> int:
    """Nesting level of an imported bullet, from its indentation."""
    parts = bullet_parts(source_text) if source_text else None
    if parts is None:
        return fallback
    return column_of(parts[0][: len(parts[0]) - len(parts[0].lstrip(" \t"))]) // TAB_WIDTH


class _Exporter:
    def __init__(self, source: NotesSource):
        self.areas = list(
            ResearchArea.objects.filter(notes_source=source)
            .order_by("position", "pk")
            .values("id", "name", "level", "notes", "source_text")
        )
        self.sets: dict[int, list[dict]] = defaultdict(list)  # area id → top-level sets
        self.nested: dict[int, list[dict]] = defaultdict(list)  # set id → nested sets
        # Skill sets from saved postings are not notes; ``import_posting`` brings them back.
        notes_sets = SkillSet.objects.filter(area__notes_source=source, role__posting__isnull=True)
        for row in notes_sets.order_by("position", "pk").values(
            "id", "area_id", "parent_id", "anchor", "label", "source_text", "blank_before"
        ):
            (
                self.nested[row["parent_id"]] if row["parent_id"] else self.sets[row["area_id"]]
            ).append(row)
        self.skills: dict[int, list[dict]] = defaultdict(list)
        skills = Skill.objects.filter(skill_set__in=notes_sets)
        for row in skills.order_by("position", "pk").values(
            "id", "skill_set_id", "parent_id", "text", "source_text", "blank_before"
        ):
            self.skills[row["skill_set_id"]].append(row)

    def lines(self) -> Iterator[str]:
        for area in self.areas:
            if area["level"]:  # level 0: the text before the file's first heading
                yield heading_line(area)
            notes = notes_lines(area["notes"])
            waiting = self.sets[area["id"]]
            for index, line in enumerate(notes):
                while waiting and waiting[0]["anchor"] <= index:
                    yield from self._skill_set(waiting.pop(0), depth=0)
                yield line
            for skill_set in waiting:
                yield from self._skill_set(skill_set, depth=0)

    def _skill_set(self, skill_set: dict, depth: int) -> Iterator[str]:
        yield label_line(skill_set["label"], skill_set["source_text"], depth)
        set_depth = _depth(skill_set["source_text"], depth)
        depths: dict[int, int] = {}
        waiting = self.nested[skill_set["id"]]
        for index, skill in enumerate(self.skills[skill_set["id"]]):
            while waiting and waiting[0]["anchor"] <= index:
                inner = waiting.pop(0)
                yield from blank_lines_of(inner["blank_before"])
                yield from self._skill_set(inner, depth=set_depth + 1)
            yield from blank_lines_of(skill["blank_before"])
            depths[skill["id"]] = depths.get(skill["parent_id"], set_depth) + 1
            yield skill_line(skill["text"], skill["source_text"], depths[skill["id"]])
        for inner in waiting:
            yield from blank_lines_of(inner["blank_before"])
            yield from self._skill_set(inner, depth=set_depth + 1)


def export_source(source: NotesSource) -> str:
    """One notes file as the database holds it now."""
    return Layout.from_json(source.layout).join(list(_Exporter(source).lines()))


def export_notes(path: str | None = None) -> str:
    """The notes file ``path``; without one, the only file there is."""
    if path is None:
        sources = list(NotesSource.objects.all()[:2])
        if len(sources) != 1:
            raise NotesSource.DoesNotExist(
                f"there are {NotesSource.objects.count()} notes files; name one"
            )
        return export_source(sources[0])
    return export_source(NotesSource.objects.get(path=path))
