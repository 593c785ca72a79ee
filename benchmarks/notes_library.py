"""The author's real library of notes files, their history, and bigger synthetic notes.

    make bench
    .venv/bin/python benchmarks/notes_library.py --scale 1,10      # shorter, while developing

Reads /work/shared (the repository's sibling folder "shared"): the seed notes, the 46 files of
corpus/skill-set/ and the eleven later versions of the seed in corpus/eda-ai-ml-history/.
Every measurement runs in its own process on its own SQLite database, a copy of one migrated
empty database, so that every "empty database" is really empty and the peak memory (max RSS)
is that measurement's own. Each process first imports an eight-line file as a dry run (rolled
back, so the database stays empty) so that no figure pays for Python's first imports.

Figures:
1. The seed (as notes.md) and the 46 files (named by their path below skill-set/) imported in
   one import_library(folders=[skill-set/]) call into an empty database; its ratio to
   markdown-it-py's bare parse of the same files (each file best of 3, summed); peak memory;
   then an unchanged folder re-import (best of 3), which must skip every file.
2. The history replayed: the seed, then each later version imported over it as notes.md, each
   step next to an import of the same version into an empty database; after each step the
   file exported back must equal its text byte for byte.
3. Scale: the first import of scale_notes(seed, N) into an empty database for N in --scale
   (default 1,10,100; or the NOTES_BENCH_SCALE variable), next to markdown-it-py's bare parse
   of the same text (in a process of its own, so both peaks are their own), cost per MB and
   how the cost grows from one size to the next.
"""

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import best_of, peak_mb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "notes.md"
SKILL_SET = SHARED / "corpus" / "skill-set"
HISTORY = SHARED / "corpus" / "eda-ai-ml-history"
ROUNDS = 3
REPEATS = 2  # processes per first import: each figure is the faster of two
WARM_UP = "# Warm up\n\nWarm-up notes.\n\n+ skill set:\n\t- Python\n\t- SQL\n+ BLAH.\n"
MB = 1024 * 1024


def row(label: str, value: str) -> None:
    print(f"{label + ':':<38}{value}", flush=True)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- the measurements, each in a process of its own ------------------------------------------


def setup_django(database: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def warm_up() -> None:
    from taxonomy.notes.importer import import_notes

    import_notes(text=WARM_UP, source_name="warm-up.md", dry_run=True)


def bare_parser():
    from markdown_it import MarkdownIt

    from taxonomy.notes.markdown import MAX_NESTING

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})


def library_files():
    from taxonomy.notes.importer import NotesFile

    paths = sorted(SKILL_SET.rglob("*.md"))
    named = [("notes.md", SEED), *((p.relative_to(SKILL_SET).as_posix(), p) for p in paths)]
    return [NotesFile(name, read(path), str(SKILL_SET)) for name, path in named]


def import_folder(files):
    from taxonomy.notes.importer import import_library

    return import_library(files=files, folders=[str(SKILL_SET)])


def measure_migrate(args) -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return {}


def measure_folder(args) -> dict:
    warm_up()
    files = library_files()
    start = time.perf_counter()
    first = import_folder(files)
    initial = time.perf_counter() - start
    peak = peak_mb()
    assert not any(f.skipped for f in first.files), "a file was skipped in an empty database"
    totals = first.totals()

    def reimport():
        again = import_folder(files)
        assert all(f.skipped for f in again.files), "an unchanged file was read again"

    reimport_took = best_of(ROUNDS, reimport)
    parser = bare_parser()
    bare = sum(best_of(ROUNDS, lambda f=f: parser.parse(f.text)) for f in files)
    return {
        "files": len(files),
        "bytes": sum(len(f.text.encode()) for f in files),
        "created": {name: tally.created for name, tally in totals.items()},
        "import": initial,
        "peak_mb": peak,
        "reimport": reimport_took,
        "bare": bare,
    }


def measure_fresh(args) -> dict:
    """One file imported into an empty database as notes.md (and, asked for, the names of
    the companies it made, for the synthetic notes)."""
    from postings.models import Company
    from taxonomy.notes.importer import import_notes

    warm_up()
    text = read(Path(args.input))
    start = time.perf_counter()
    report = import_notes(text=text, source_name="notes.md")
    took = time.perf_counter() - start
    assert report.is_new and report.tallies["skills"].created > 0
    if args.companies:
        names = sorted(Company.objects.values_list("name", flat=True))
        Path(args.companies).write_text(json.dumps(names), encoding="utf-8")
    return {
        "import": took,
        "peak_mb": peak_mb(),
        "created": {name: tally.created for name, tally in report.tallies.items()},
    }


def measure_replay(args) -> dict:
    from taxonomy.notes.exporter import export_notes
    from taxonomy.notes.importer import import_notes

    warm_up()
    steps = []
    for path in [SEED, *sorted(HISTORY.glob("*.md"))]:
        text = read(path)
        start = time.perf_counter()
        report = import_notes(text=text, source_name="notes.md")
        took = time.perf_counter() - start
        assert not report.skipped, path.name
        exported = export_notes("notes.md")
        if exported != text:
            raise AssertionError(f"{path.name}: exported notes.md differs from the file imported")
        tallies = report.tallies.values()
        steps.append(
            {
                "name": path.name,
                "import": took,
                "writes": sum(t.writes for t in tallies),
                "moved": sum(t.moved for t in tallies),
                "exact": True,
            }
        )
    return {"steps": steps, "peak_mb": peak_mb()}


def measure_generate(args) -> dict:
    from taxonomy.notes.synthetic import scale_notes

    companies = json.loads(read(Path(args.companies)))
    text = scale_notes(read(SEED), args.copies, companies)
    Path(args.output).write_text(text, encoding="utf-8")
    return {"bytes": len(text.encode())}


def measure_parse(args) -> dict:
    text = read(Path(args.input))
    parser = bare_parser()
    parser.parse(WARM_UP)
    rounds = ROUNDS if len(text) < 5 * MB else 1
    took = best_of(rounds, lambda: parser.parse(text))
    return {"bare": took, "rounds": rounds, "peak_mb": peak_mb()}


MEASUREMENTS = {
    "migrate": measure_migrate,
    "folder": measure_folder,
    "fresh": measure_fresh,
    "replay": measure_replay,
    "generate": measure_generate,
    "parse": measure_parse,
}


def worker(args) -> None:
    setup_django(args.database)
    result = MEASUREMENTS[args.measure](args)
    print(json.dumps(result))


# -- the run: one process per measurement -----------------------------------------------------


class Runner:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.template = workdir / "empty.sqlite3"
        self.count = 0
        self.run("migrate", database=self.template)

    def run(self, measure: str, database: Path | None = None, **options) -> dict:
        """Run ``measure`` in a new process on a new copy of the migrated empty database."""
        if database is None:
            self.count += 1
            database = self.workdir / f"db{self.count}.sqlite3"
            shutil.copyfile(self.template, database)
        command = [sys.executable, __file__, "--measure", measure, "--database", str(database)]
        for name, value in options.items():
            command += [f"--{name}", str(value)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"{measure} failed (exit status {done.returncode})")
        if database != self.template:
            database.unlink()
        return json.loads(done.stdout.strip().splitlines()[-1])

    def best(self, measure: str, **options) -> dict:
        """The fastest of REPEATS runs, each in its own process on its own empty database."""
        runs = [self.run(measure, **options) for _ in range(REPEATS)]
        result = dict(runs[0])
        for key, value in result.items():
            if key == "peak_mb":
                result[key] = max(r[key] for r in runs)
            elif isinstance(value, float):
                result[key] = min(r[key] for r in runs)
        if "steps" in result:
            result["steps"] = [
                {**steps[0], "import": min(s["import"] for s in steps)}
                for steps in zip(*(r["steps"] for r in runs), strict=True)
            ]
        return result


def scale_list(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"--scale takes a comma-separated list of copies, not {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise SystemExit("--scale needs at least one size, each at least 1")
    return sizes


def main(args) -> None:
    missing = [p for p in (SEED, SKILL_SET, HISTORY) if not p.exists()]
    if missing:
        raise SystemExit(
            f"The shared notes corpus is missing ({', '.join(map(str, missing))}); "
            f"this benchmark reads it from {SHARED}, the repository's sibling folder."
        )
    sizes = scale_list(args.scale)
    workdir = Path(tempfile.mkdtemp(prefix="notes-bench-"))
    row("load average at the start", "{:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    try:
        runner = Runner(workdir)
        companies = workdir / "companies.json"
        print_folder(runner)
        print_replay(runner, companies)
        print_scale(runner, companies, sizes)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    row("load average at the end", "{:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))


def print_folder(runner: Runner) -> None:
    folder = runner.best("folder")
    row(
        "library folder",
        f"seed + {folder['files'] - 1} files of skill-set/, {folder['bytes']:,} bytes",
    )
    created = folder["created"]
    row(
        "  rows created",
        ", ".join(f"{created.get(k, 0):,} {k}" for k in ("areas", "skill sets", "skills")),
    )
    row("markdown-it-py bare parse, per file", f"{folder['bare'] * 1000:.1f} ms (summed)")
    row("folder import into an empty database", f"{folder['import'] * 1000:.1f} ms")
    row("  ratio to the bare parse", f"{folder['import'] / folder['bare']:.2f}x (target <= 3x)")
    row("  peak memory (max RSS)", f"{folder['peak_mb']:.1f} MB")
    row(f"unchanged re-import, best of {ROUNDS}", f"{folder['reimport'] * 1000:.1f} ms")
    row(
        "  ratio to the first import",
        f"{folder['reimport'] / folder['import']:.3f}x (target <= 0.25x)",
    )


def print_replay(runner: Runner, companies: Path) -> None:
    replay = runner.best("replay")
    paths = [SEED, *sorted(HISTORY.glob("*.md"))]
    fresh = [
        runner.best("fresh", input=path, **({"companies": companies} if index == 0 else {}))
        for index, path in enumerate(paths)
    ]
    print("\nHistory: the seed, then each later version imported over it as notes.md")
    print(
        f"{'':<24}{'MB':>5}{'import':>8}{'empty db':>9}  {'ratio':<19}{'rows written':>23}  export"
    )
    for path, step, empty in zip(paths, replay["steps"], fresh, strict=True):
        name = "seed notes.md" if path == SEED else path.name
        ratio = step["import"] / empty["import"]
        target = "(target <= 0.5x)" if path != SEED else "(the same import)"
        writes = f"{step['writes']:,} ({step['moved']:,} moved)"
        print(
            f"  {name:<22}{path.stat().st_size / MB:5.2f}{step['import']:7.2f}s"
            f"{empty['import']:8.2f}s  {ratio:5.2f}x {target:<17}{writes:>23}"
            f"  {'exact' if step['exact'] else 'DIFFERS'}",
            flush=True,
        )
    row("  replay peak memory (max RSS)", f"{replay['peak_mb']:.1f} MB")


def print_scale(runner: Runner, companies: Path, sizes: list[int]) -> None:
    print("\nScale: scale_notes(seed, N) imported into an empty database")
    print(
        f"{'':<6}{'MB':>6}{'import':>9}{'bare parse':>12}  {'ratio':<20}"
        f"{'import s/MB':>12}{'bare s/MB':>11}{'import RSS':>12}{'bare RSS':>10}"
    )
    results = []
    for size in sizes:
        notes = runner.workdir / f"notes-{size}x.md"
        generated = runner.run("generate", copies=size, companies=companies, output=notes)
        imported = runner.run("fresh", input=notes)
        parsed = runner.run("parse", input=notes)
        notes.unlink()
        megabytes = generated["bytes"] / MB
        ratio = imported["import"] / parsed["bare"]
        target = "(target <= 3x)" if size >= 10 else ""
        once = "" if parsed["rounds"] > 1 else "  (bare parse: one run)"
        print(
            f"  {f'{size}x':<4}{megabytes:6.1f}{imported['import']:8.2f}s{parsed['bare']:11.2f}s"
            f"  {ratio:5.2f}x {target:<14}{imported['import'] / megabytes:12.2f}"
            f"{parsed['bare'] / megabytes:11.2f}{imported['peak_mb']:9.0f} MB"
            f"{parsed['peak_mb']:7.0f} MB{once}",
            flush=True,
        )
        results.append((size, megabytes, imported["import"], parsed["bare"]))
    for (small, mb1, import1, bare1), (big, mb2, import2, bare2) in itertools.pairwise(results):
        row(
            f"  growth {small}x -> {big}x",
            f"import {import2 / import1:.1f}x, bare parse {bare2 / bare1:.1f}x "
            f"(bytes {mb2 / mb1:.1f}x: linear = {mb2 / mb1:.1f})",
        )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale",
        default=os.environ.get("NOTES_BENCH_SCALE", "1,10,100"),
        help="copies of the seed to import, comma-separated (default 1,10,100)",
    )
    # A measurement run in a process of its own (used by the run itself).
    parser.add_argument("--measure", choices=MEASUREMENTS, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    parser.add_argument("--companies", help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.measure:
        worker(arguments)
    else:
        main(arguments)
