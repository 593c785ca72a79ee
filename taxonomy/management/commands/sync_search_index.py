from django.core.management.base import BaseCommand
from django.db import transaction

from taxonomy.search.index import sync_index


class Command(BaseCommand):
    help = (
        "Bring the search index up to date with the database, writing only what differs. "
        "Imports and admin edits do this themselves; run it after loading data another way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be written; write nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        with transaction.atomic():
            writes = sync_index()
            if dry_run:
                transaction.set_rollback(True)
        verb = "would write" if dry_run else "wrote"
        self.stdout.write(self.style.SUCCESS(f"Search index: {verb} {writes:,} documents."))
