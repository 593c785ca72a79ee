from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lib.textfile import InputError, read_text_file
from postings.importing import MAX_BYTES, Overrides, import_posting
from postings.importing.summary import summary_line, totals_line


class Command(BaseCommand):
    help = (
        "Import saved job postings (Markdown or plain text; English, Korean or Japanese) as "
        "a company, its roles, and their responsibilities, requirements and preferred skills. "
        "The same text imported again creates nothing. All files are imported, or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Posting files (UTF-8, ≤ 5 MB).")
        parser.add_argument("--company", default="", help="The company, instead of the one found.")
        parser.add_argument(
            "--title", default="", help="The job title, for a posting that holds one role."
        )
        parser.add_argument(
            "--area", default="", metavar="SLUG", help="The field's slug, instead of a guess."
        )
        parser.add_argument("--url", default="", help="Where the posting was published.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created; write nothing."
        )

    def handle(self, *args, paths, company, title, area, url, dry_run, **options):
        overrides = Overrides(company=company, title=title, area=area, url=url)
        try:
            texts = [(path, read_text_file(path, max_bytes=MAX_BYTES)) for path in paths]
            with transaction.atomic():
                reports = [
                    import_posting(
                        text=text, source_name=path.name, overrides=overrides, dry_run=dry_run
                    )
                    for path, text in texts
                ]
        except InputError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        for report in reports:
            line = summary_line(report)
            style = self.style.WARNING if report.already_imported else self.style.SUCCESS
            self.stdout.write(style(line))
        self.stdout.write(totals_line(reports, dry_run=dry_run))
