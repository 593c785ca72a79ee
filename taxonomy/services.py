"""Writes that the admin makes outside an import: render Markdown once, keep search in step."""

from django.db import transaction

from taxonomy.models import NotesSource, ResearchArea, SearchDocument, Skill, SkillSet, Technology
from taxonomy.notes.markdown import render_inline, render_markdown
from taxonomy.search.index import sync_index

Kind = SearchDocument.Kind


@transaction.atomic
def save_area(*, area: ResearchArea) -> ResearchArea:
    """Save an area edited by hand, rendering its notes once, here, to safe HTML.

    Its name shows in its roles' documents and its place decides their top-level field,
    so the whole index is brought up to date (only what differs is written).
    """
    area.notes_html = render_markdown(area.notes)
    area.save()
    NotesSource.objects.mark_edited(area.notes_source_id)
    sync_index()
    return area


@transaction.atomic
def save_skill_set(*, skill_set: SkillSet) -> SkillSet:
    """Marking a set as a placeholder hides its lines from search, and moving it moves them."""
    skill_set.save()
    NotesSource.objects.mark_edited(skill_set.notes_source_id, skill_set.area.notes_source_id)
    sync_index(kind=Kind.SKILL, ids=skill_set.skills.values_list("pk", flat=True))
    return skill_set


@transaction.atomic
def save_skills(*, skills: list[Skill], deleted: list[Skill] = (), save_tags=None) -> None:
    """Save edited lines (and delete ``deleted``); ``save_tags``, if given, writes their
    technologies once the lines have ids, before the demand for their sets is counted."""
    for skill in skills:
        skill.text_html = render_inline(skill.text)
        skill.save()
    if save_tags is not None:
        save_tags()
    set_ids = {s.skill_set_id for s in [*skills, *deleted]}
    sets = SkillSet.objects.filter(pk__in=set_ids)
    NotesSource.objects.mark_edited(*sets.values_list("notes_source_id", flat=True))
    gone = [skill.pk for skill in deleted]
    for skill in deleted:
        skill.delete()
    sync_index(kind=Kind.SKILL, ids=[s.pk for s in skills] + gone, skill_sets=set_ids)


@transaction.atomic
def save_technology(*, technology: Technology) -> Technology:
    technology.save()
    sync_index(kind=Kind.TECHNOLOGY, ids=[technology.pk])
    return technology


@transaction.atomic
def delete_curated(*, queryset) -> None:
    """Deleting cascades (an area takes its skill sets and skills), so re-check everything."""
    queryset.delete()
    sync_index()
