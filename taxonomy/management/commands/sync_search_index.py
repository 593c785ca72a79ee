from django.core.management.base import BaseCommand
from django.db import transaction

from taxonomy.search.index import rebuild_index, sync_index


class Command(BaseCommand):
    help = (
        "Bring the search index up to date with the database, writing only what differs. "
        "Imports and admin edits do this themselves; run it after loading data another way "
        "(with --rebuild if the documents themselves were loaded, as by loaddata)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be written; write nothing."
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Also index every stored document again in the search engine.",
        )

    def handle(self, *args, dry_run: bool = False, rebuild: bool = False, **options):
        with transaction.atomic():
            writes = rebuild_index() if rebuild else sync_index()
            if dry_run:
                transaction.set_rollback(True)
        verb = "would write" if dry_run else "wrote"
        rebuilt = "; the engine's index rebuilt" if rebuild and not dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(f"Search index: {verb} {writes:,} documents{rebuilt}.")
        )
