from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from lib.textfile import InputError, read_text_file
from taxonomy.models import ResearchArea
from taxonomy.notes.importer import MAX_BYTES, NotesFile, import_library
from taxonomy.notes.report import format_report


class Command(BaseCommand):
    help = (
        "Import Markdown notes files, or whole folders of them (every *.md below, in path "
        "order), into research areas, skill sets, skills, roles and companies. Each file is "
        "named by its path below the folder given (a file given alone, by its name, or by "
        "its path below --base). Safe to run again: only what changed is written, files "
        "unchanged since their last import are skipped, and rows edited in the admin are "
        "kept. All files are imported in one transaction, or none."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", type=Path, metavar="PATH", help="Notes files or folders."
        )
        parser.add_argument(
            "--base",
            type=Path,
            help="Name the files given by their path below this folder: re-imports one file "
            "of a folder imported before, as the folder import named it.",
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="For a folder: delete the rows of files imported from it before that are "
            "no longer there (rows edited since are kept). Without it they are only listed.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, updated, deleted and kept; write nothing.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Import only into a database that holds no research areas yet (make run).",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            help=f"Refuse files larger than this (default {MAX_BYTES:,}).",
        )

    def handle(self, *args, paths, base, prune, dry_run, if_empty, max_bytes, **options):
        if if_empty and ResearchArea.objects.exists():
            self.stdout.write("The database already holds notes; not importing.")
            return
        try:
            files, folders = self._read(paths, base, max_bytes)
            if prune and not folders:
                raise CommandError("--prune needs a folder: it removes files gone from one.")
            bar = self._progress_bar() if self.stdout.isatty() else None
            try:
                report = import_library(
                    files=files,
                    folders=folders,
                    prune=prune,
                    dry_run=dry_run,
                    progress=bar and self._show(bar),
                )
            finally:
                if bar is not None:
                    bar.close()
        except InputError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(format_report(report, style=self.style))

    def _read(self, paths: list[Path], base: Path | None, max_bytes: int):
        files: list[NotesFile] = []
        folders: list[str] = []
        for path in paths:
            if path.is_dir():
                root = path.resolve()
                folders.append(str(root))
                found = sorted(
                    p
                    for p in root.rglob("*.md")
                    if p.is_file() and not any(part.startswith(".") for part in p.parts)
                )
                if not found:
                    raise InputError(str(path), None, "holds no *.md files")
                for file in found:
                    files.append(self._file(file, root, max_bytes))
            else:
                root = (base or path.parent).resolve()
                files.append(self._file(path, root, max_bytes))
        return files, folders

    @staticmethod
    def _file(path: Path, root: Path, max_bytes: int) -> NotesFile:
        text = read_text_file(path, max_bytes=max_bytes, advice=" (see --max-bytes)", keep_bom=True)
        try:
            name = path.resolve().relative_to(root).as_posix()
        except ValueError:
            raise InputError(str(path), None, f"is not below --base {root}") from None
        return NotesFile(name, text, root=str(root))

    def _progress_bar(self):
        return tqdm(total=1, file=sys.stdout, unit="step", leave=False, dynamic_ncols=True)

    @staticmethod
    def _show(bar):
        def show(label: str, done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.set_description_str(label[-40:])
            bar.refresh()

        return show
