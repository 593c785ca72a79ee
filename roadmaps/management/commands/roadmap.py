from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from postings.models import Role
from roadmaps.export import export_text
from roadmaps.models import Roadmap, RoadmapStep
from roadmaps.services import create_roadmap, rerank_roadmap
from taxonomy.models import ResearchArea


class _DryRun(Exception):
    """Raised to roll back a dry run once its report is written."""


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=1)


def _by_slug(model, slugs: list[str], what: str) -> list:
    found = model.objects.in_bulk(slugs, field_name="slug")
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise _fail(f"No {what} with the slug {missing[0]!r}.")
    return [found[slug] for slug in dict.fromkeys(slugs)]


def _roadmap(roadmaps, slug: str) -> Roadmap:
    roadmap = roadmaps.filter(slug=slug).first()
    if roadmap is None:
        raise _fail(f"No roadmap with the slug {slug!r}.")
    return roadmap


class Command(BaseCommand):
    help = (
        "Create a learning roadmap for target fields and roles, ranked by what their skill "
        "sets ask for (create), rank one again after the notes changed (rerank), or write "
        "one out as Markdown or JSON (export)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="create|rerank|export"
        )
        create = actions.add_parser("create", help="Create a roadmap.")
        create.add_argument("--owner", required=True, metavar="USERNAME")
        create.add_argument("--title", required=True)
        create.add_argument(
            "--area",
            action="append",
            default=[],
            metavar="SLUG",
            help="A target field (with its sub-fields); repeat for more.",
        )
        create.add_argument(
            "--role", action="append", default=[], metavar="SLUG", help="A target role; repeat."
        )
        create.add_argument("--description", default="", help="Markdown.")
        create.add_argument("--public", action="store_true", help="Readable by anyone.")
        create.add_argument("--dry-run", action="store_true", help="Show the plan; write nothing.")
        rerank = actions.add_parser(
            "rerank",
            help="Rank a roadmap's targets again from the notes; the owner's order and notes "
            "are kept.",
        )
        rerank.add_argument("slug")
        rerank.add_argument(
            "--dry-run", action="store_true", help="Show what would change; write nothing."
        )
        export = actions.add_parser("export", help="Write a roadmap out.")
        export.add_argument("slug")
        export.add_argument("--format", choices=["md", "json"], default="md")
        export.add_argument(
            "--output", type=Path, help="Write to this file instead of standard output."
        )

    def handle(self, *args, action, **options):
        {"create": self._create, "rerank": self._rerank, "export": self._export}[action](**options)

    def _create(self, *, owner, title, area, role, description, public, dry_run, **options):
        if not area and not role:
            raise _fail("Give at least one --area or --role to plan for.")
        user = get_user_model().objects.filter(username=owner).first()
        if user is None:
            raise _fail(f"No user named {owner!r}.")
        areas = _by_slug(ResearchArea, area, "field")
        roles = _by_slug(Role, role, "role")
        try:
            with transaction.atomic():
                roadmap = create_roadmap(
                    owner=user,
                    title=title,
                    areas=areas,
                    roles=roles,
                    description=description,
                    is_public=public,
                )
                self._report(roadmap, dry_run=dry_run)
                if dry_run:
                    raise _DryRun
        except ValidationError as exc:
            raise _fail(" ".join(exc.messages)) from exc
        except _DryRun:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def _report(self, roadmap: Roadmap, *, dry_run: bool) -> None:
        steps = list(roadmap.steps.select_related("technology"))
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} roadmap {roadmap.title!r} ({roadmap.get_absolute_url()}), "
                f"{'public' if roadmap.is_public else 'private'}, {len(steps)} steps."
            )
        )
        for stage, label in RoadmapStep.Stage.choices:
            names = [step.technology.name for step in steps if step.stage == stage]
            self.stdout.write(f"  {label} ({len(names)}): {', '.join(names) or '-'}")

    def _rerank(self, *, slug, dry_run, **options):
        roadmap = _roadmap(Roadmap.objects.all(), slug)
        result = rerank_roadmap(roadmap=roadmap, dry_run=dry_run)
        self.stdout.write(
            self.style.SUCCESS(f"{roadmap.title} ({roadmap.slug}): {result.summary()}")
        )
        for technology, old, new in result.moved:
            self.stdout.write(f"  moved: {technology.name}, {old} → {new}")
        for technology, stage in result.added:
            self.stdout.write(f"  new: {technology.name}, in {stage}")
        for technology, why in result.dropped:
            self.stdout.write(f"  dropped: {technology.name}, {why}")
        for technology, why in result.kept:
            self.stdout.write(f"  kept: {technology.name}, {why}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def _export(self, *, slug, format, output, **options):
        roadmap = _roadmap(Roadmap.objects.for_reading(), slug)
        text = export_text(roadmap, format)
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _fail(f"{output}: {exc.strerror or exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}."))
