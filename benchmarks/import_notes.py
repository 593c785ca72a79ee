"""Import the real notes into an empty SQLite database and print the figures.

    make bench

Figures: the first import, an unchanged re-import, markdown-it-py's bare parse of the same
file (with the nesting limit raised so that it parses the whole file, as the importer's
renderer does; the default limit stops 60% of the way), their ratios, peak memory, and the
import of each saved posting in fixtures/postings/ into the imported notes (a dry run, so
every round imports it afresh, search index included, and rolls back).
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from timing import best_of, peak_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOTES = ROOT / "fixtures" / "notes.md"
POSTINGS = sorted((ROOT / "fixtures" / "postings").iterdir())
ROUNDS = 3


def main() -> None:
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from markdown_it import MarkdownIt

    from postings.importing import import_posting
    from taxonomy.notes.importer import import_notes
    from taxonomy.notes.markdown import MAX_NESTING

    call_command("migrate", verbosity=0)
    text = NOTES.read_text(encoding="utf-8")

    full_parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    default_parser = MarkdownIt("commonmark")
    bare = best_of(ROUNDS, lambda: full_parser.parse(text))
    bare_default = best_of(ROUNDS, lambda: default_parser.parse(text))

    start = time.perf_counter()
    first = import_notes(text=text, source_name=NOTES.name)
    initial = time.perf_counter() - start
    assert first.tallies["skills"].created > 0
    reimport = best_of(ROUNDS, lambda: import_notes(text=text, source_name=NOTES.name))
    peak = peak_mb()
    postings = [
        (
            path.name,
            best_of(
                ROUNDS,
                lambda path=path: import_posting(
                    text=path.read_text(encoding="utf-8"), source_name=path.name, dry_run=True
                ),
            ),
        )
        for path in POSTINGS
    ]

    rows = [
        ("notes file", f"{NOTES.name}, {len(text.encode()):,} bytes"),
        ("markdown-it-py bare parse", f"{bare * 1000:.1f} ms (maxNesting={MAX_NESTING})"),
        ("  at its default nesting limit", f"{bare_default * 1000:.1f} ms (drops 60% of the file)"),
        ("import into an empty database", f"{initial * 1000:.1f} ms"),
        ("  ratio to the bare parse", f"{initial / bare:.2f}x (target <= 3x)"),
        (f"unchanged re-import, best of {ROUNDS}", f"{reimport * 1000:.1f} ms"),
        ("  ratio to the bare parse", f"{reimport / bare:.2f}x (target <= 1.5x)"),
        ("peak memory (max RSS)", f"{peak:.1f} MB (target <= 300 MB)"),
        (f"import_posting (dry run), best of {ROUNDS}", ""),
        *((f"  {name[:33]}", f"{took * 1000:.1f} ms") for name, took in postings),
    ]
    for label, value in rows:
        print(f"{label + ':':<38}{value}")


if __name__ == "__main__":
    main()
