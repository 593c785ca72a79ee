"""The data the benchmarks time: the real notes file, scaled."""

import gc
import time
from contextlib import contextmanager
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


def as_a_served_worker() -> None:
    """Collect what an import left in this process and freeze the rest, as a served site's
    worker starts: it never ran the import, and `make serve` freezes the loaded app before
    forking it (config/gunicorn.py), so collections pass over all that; without this, a
    collection of it lands in some request's timing. What an earlier scale froze is thawed
    first, so that its garbage goes too."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@contextmanager
def scaled_database(scale: int):
    """A fresh test database holding ``import_scaled(scale)``, dropped on leaving; yields
    the import's time in seconds. Needs Django set up and the test environment."""
    from django.db import connection

    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        import_scaled(scale)
        took = time.perf_counter() - start
        as_a_served_worker()
        yield took
    finally:
        gc.unfreeze()
        connection.creation.destroy_test_db(name, verbosity=0)
