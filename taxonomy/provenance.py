"""What every imported row remembers about where it came from."""

from django.db import models

# Shown read-only in the admin; the import writes them (and ``import_key``) on every row.
SOURCE_FIELDS = ("source_file", "source_line", "source_text")


class ImportedRow(models.Model):
    """A row that an import created and may update again.

    ``import_key`` is the row's identity across re-imports (its heading path, its title, or
    the text it started with), so its primary key and URL survive lines moving in the file.
    ``import_digest`` fingerprints the curated fields as the import last wrote them: when the
    current values no longer match it, someone edited the row, and imports leave it alone.
    """

    source_file = models.CharField("source file", max_length=255, blank=True)
    source_line = models.PositiveIntegerField("source line", null=True, blank=True)
    source_text = models.TextField(
        "source text", blank=True, help_text="The line as it stood in the source file."
    )
    import_key = models.CharField(max_length=40, blank=True, editable=False)
    import_digest = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def source(self) -> str:
        if not self.source_file:
            return ""
        return f"{self.source_file}:{self.source_line}" if self.source_line else self.source_file


def notes_source_link(related_name: str) -> models.ForeignKey:
    """The notes file a row was imported from (``taxonomy.NotesSource``); none for rows made
    in the admin or imported from postings. Pruning a file leaves its curated rows unlinked."""
    return models.ForeignKey(
        "taxonomy.NotesSource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        editable=False,
        help_text="The notes file it was imported from.",
    )
