from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taxonomy.backup import BackupError, row_counts, write_backup


class Command(BaseCommand):
    help = (
        "Write everything in the database (notes, postings, curation, accounts, roadmaps) to "
        "one .json.gz file that `manage.py restore` loads into an empty SQLite or PostgreSQL "
        "database. The search index is made again on restore."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to write, ending in .json.gz.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the rows it would hold; write nothing."
        )

    def handle(self, *args, path: Path, dry_run: bool = False, **options):
        try:
            counts = row_counts() if dry_run else write_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(counts.values())
        if dry_run:
            self.stdout.write(f"Would write {rows:,} rows of {len(counts)} models to {path}.")
        else:
            size = path.stat().st_size
            self.stdout.write(
                self.style.SUCCESS(f"Wrote {rows:,} rows to {path} ({size / 1e6:,.1f} MB).")
            )
