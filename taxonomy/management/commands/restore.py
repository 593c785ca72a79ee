from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from taxonomy.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load a backup written by `manage.py backup` into this database, which must be new "
        "and migrated, and build the search index from it. All of it or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup file (.json.gz).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Load it and count the rows, then undo it all.",
        )

    def handle(self, *args, path: Path, dry_run: bool = False, **options):
        try:
            with transaction.atomic():
                counts = restore_backup(path)
                if dry_run:
                    transaction.set_rollback(True)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(counts.values())
        verb = "Would restore" if dry_run else "Restored"
        self.stdout.write(self.style.SUCCESS(f"{verb} {rows:,} rows from {path}."))
