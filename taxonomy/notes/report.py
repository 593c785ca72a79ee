"""The summary an import prints: one table of totals, the files, then the rows it kept."""

from taxonomy.notes.importer import ImportReport, LibraryReport

COLUMNS = ("created", "updated", "moved", "deleted", "kept", "unchanged")
ROWS = ("areas", "skill sets", "skills", "roles", "companies", "technology tags")


def format_report(report: ImportReport | LibraryReport, *, style=None) -> str:
    if isinstance(report, ImportReport):
        library = LibraryReport(dry_run=report.dry_run, files=[report])
        library.technologies_added = report.technologies_added
        report = library
    totals = report.totals()
    width = max(len(r) for r in ROWS) + 2
    lines = [f"{'':<{width}}" + "".join(f"{c:>11}" for c in COLUMNS)]
    for name in ROWS:
        cells = "".join(f"{getattr(totals[name], c):>11,}" for c in COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    lines.append("")
    read = [f for f in report.files if not f.skipped and f.source_name not in report.pruned]
    lines.append(f"placeholder skill sets: {sum(f.placeholders for f in read):,}")
    lines.append(f"notes lines: {sum(f.notes_lines for f in read):,}")
    if report.technologies_added:
        lines.append(f"technologies added to the vocabulary: {report.technologies_added:,}")
    if len(report.files) > 1:
        lines.extend(_files(report, read))
    kept = [entry for f in report.files for entry in f.kept]
    if kept:
        lines.append(f"kept, because they were edited after the last import ({len(kept)}):")
        lines.extend(f"  - {entry}" for entry in kept)
    verdict = _verdict(report)
    lines.append(style.SUCCESS(verdict) if style else verdict)
    return "\n".join(lines)


def _files(report: LibraryReport, read) -> list[str]:
    new = sum(f.is_new for f in read)
    skipped = len(report.files) - len(read) - len(report.pruned)
    lines = [
        f"files: {len(read):,} read ({new:,} new), {skipped:,} unchanged since their last "
        "import and skipped"
    ]
    for report_file in read:
        if report_file.changed:
            writes = sum(t.writes for t in report_file.tallies.values())
            state = "new" if report_file.is_new else "changed"
            lines.append(f"  {report_file.source_name}: {state}, {writes:,} rows written")
    if report.gone:
        lines.append(
            f"gone from the folder ({len(report.gone)}; --prune deletes their rows, "
            "keeping rows edited since):"
        )
        lines.extend(f"  - {path}" for path in report.gone)
    if report.pruned:
        lines.append(f"pruned, their files being gone ({len(report.pruned)}):")
        lines.extend(f"  - {path}" for path in report.pruned)
    return lines


def _verdict(report: LibraryReport) -> str:
    if report.dry_run:
        return "Dry run: nothing was written."
    if len(report.files) == 1:
        (only,) = report.files
        if report.changed:
            return f"Imported {only.source_name}."
        return f"{only.source_name} is unchanged since the last import; nothing was written."
    if report.changed:
        return f"Imported {len(report.files):,} files."
    return "No file changed since the last import; nothing was written."
