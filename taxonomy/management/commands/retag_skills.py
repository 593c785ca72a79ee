import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from taxonomy.retag import retag_skills


class Command(BaseCommand):
    help = (
        "Re-tag every stored skill line (notes and postings) with the vocabulary as it stands, "
        "without the files: after editing fixtures/technologies.json or technologies in the "
        "admin. Lines whose tags were edited by hand keep them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; write nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        bar = None
        if self.stdout.isatty():
            bar = tqdm(total=0, file=sys.stdout, unit="line", leave=False, dynamic_ncols=True)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        report = retag_skills(dry_run=dry_run, progress=progress if bar else None)
        if bar is not None:
            bar.close()
        verb = "Would re-tag" if dry_run else "Re-tagged"
        self.stdout.write(
            f"{verb} {report.changed:,} of {report.lines:,} lines: "
            f"{report.added:,} tags added, {report.removed:,} removed; "
            f"{report.kept:,} lines with hand-edited tags left alone; "
            f"{report.technologies_added:,} technologies added to the vocabulary."
        )
