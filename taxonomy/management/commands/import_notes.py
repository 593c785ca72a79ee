import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taxonomy.models import ResearchArea
from taxonomy.notes.importer import MAX_BYTES, import_notes
from taxonomy.notes.report import format_report
from taxonomy.textfile import InputError, read_text_file


class Command(BaseCommand):
    help = (
        "Import a Markdown notes file into research areas, skill sets, skills, roles and "
        "companies. Safe to run again: only what changed is written, and rows edited in the "
        "admin since the last import are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The notes file (Markdown, UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, updated, deleted and kept; write nothing.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Import only into a database that holds no research areas yet (make run).",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            help=f"Refuse files larger than this (default {MAX_BYTES:,}).",
        )

    def handle(self, *args, path: Path, dry_run: bool, if_empty: bool, max_bytes: int, **options):
        if if_empty and ResearchArea.objects.exists():
            self.stdout.write("The database already holds notes; not importing.")
            return
        try:
            text = read_text_file(path, max_bytes=max_bytes, advice=" (see --max-bytes)")
            report = import_notes(
                text=text,
                source_name=path.name,
                dry_run=dry_run,
                progress=self._progress_bar() if self.stdout.isatty() else None,
            )
        except InputError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(format_report(report, style=self.style))

    def _progress_bar(self):
        width = 30

        def show(stage: str, done: int, total: int) -> None:
            filled = width * done // total
            bar = "#" * filled + "-" * (width - filled)
            self.stdout.write(f"\r[{bar}] {stage:<14}", ending="")
            if done == total:
                self.stdout.write("\r" + " " * (width + 20) + "\r", ending="")
            sys.stdout.flush()

        return show
