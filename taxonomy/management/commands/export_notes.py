from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taxonomy.models import NotesSource
from taxonomy.notes.exporter import export_source


class Command(BaseCommand):
    help = (
        "Write notes files back from the database, as import_notes reads them: a file not "
        "edited since its import comes back byte for byte. --output DIR writes every file to "
        "its path below DIR; --source NAME (or, when there is only one file, nothing) writes "
        "that file to stdout, or to --output FILE.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", metavar="NAME", help="The file to write, by its name in the library."
        )
        parser.add_argument(
            "--output",
            type=Path,
            help="A folder to write every file into; a path ending in .md: the one file.",
        )

    def handle(self, *args, source: str | None, output: Path | None, **options):
        sources = list(NotesSource.objects.order_by("path"))
        if source is not None:
            chosen = [s for s in sources if s.path == source]
            if not chosen:
                raise CommandError(f"{source}: no such notes file", returncode=1)
        elif (output is None or output.suffix == ".md") and len(sources) != 1:
            raise CommandError(
                f"there are {len(sources)} notes files; name one with --source, or write "
                "them all with --output DIR",
                returncode=1,
            )
        else:
            chosen = sources
        if output is None:
            self.stdout.write(export_source(chosen[0]), ending="")
            return
        one_file = output.suffix == ".md"
        targets = [(output, chosen[0])] if one_file else [(output / s.path, s) for s in chosen]
        for target, notes_source in targets:
            if not one_file and not target.resolve().is_relative_to(output.resolve()):
                raise CommandError(f"{notes_source.path}: not a path below {output}", returncode=1)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("w", encoding="utf-8", newline="") as handle:
                    handle.write(export_source(notes_source))
            except OSError as exc:
                raise CommandError(f"{target}: cannot write: {exc.strerror}", returncode=1) from exc
        self.stderr.write(f"Wrote {len(targets):,} notes file(s) to {output}.")
