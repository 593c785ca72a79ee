"""The data the benchmarks time: the real notes file, scaled."""

from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "fixtures" / "notes.md"


def import_scaled(scale: int) -> None:
    """Import fixtures/notes.md as notes.md, then, above 1x, taxonomy.notes.synthetic's
    ``scale`` copies of it over the same file (the biggest field keeps its skill sets at
    every size). Needs Django set up."""
    from postings.models import Company
    from taxonomy.notes.importer import import_notes
    from taxonomy.notes.synthetic import scale_notes

    text = NOTES.read_text(encoding="utf-8")
    import_notes(text=text, source_name="notes.md")
    if scale > 1:
        companies = list(Company.objects.values_list("name", flat=True))
        import_notes(text=scale_notes(text, scale, companies), source_name="notes.md")
