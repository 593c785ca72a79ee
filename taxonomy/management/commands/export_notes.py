from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taxonomy.notes.exporter import export_notes


class Command(BaseCommand):
    help = (
        "Write the research areas, skill sets and skills back as a Markdown notes file that "
        "import_notes accepts. Prints to stdout unless --output is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Write to this file instead of stdout.")

    def handle(self, *args, output: Path | None, **options):
        text = export_notes()
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{output}: cannot write: {exc.strerror}", returncode=1) from exc
        self.stderr.write(f"Wrote {output} ({len(text.splitlines()):,} lines).")
