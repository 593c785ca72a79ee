"""The summary an import prints: one table, then the rows it kept."""

from taxonomy.notes.importer import ImportReport

COLUMNS = ("created", "updated", "moved", "deleted", "kept", "unchanged")
ROWS = ("areas", "skill sets", "skills", "roles", "companies", "technology tags")


def format_report(report: ImportReport, *, style=None) -> str:
    width = max(len(r) for r in ROWS) + 2
    header = "".join(f"{c:>11}" for c in COLUMNS)
    lines = [f"{'':<{width}}{header}"]
    for name in ROWS:
        tally = report.tallies[name]
        cells = "".join(f"{getattr(tally, c):>11,}" for c in COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    lines.append("")
    lines.append(f"placeholder skill sets: {report.placeholders:,}")
    lines.append(f"notes lines: {report.notes_lines:,}")
    if report.technologies_added:
        lines.append(f"technologies added to the vocabulary: {report.technologies_added:,}")
    if report.kept:
        lines.append(f"kept, because they were edited after the last import ({len(report.kept)}):")
        lines.extend(f"  - {entry}" for entry in report.kept)
    if report.dry_run:
        verdict = "Dry run: nothing was written."
    elif report.changed:
        verdict = f"Imported {report.source_name}."
    else:
        verdict = f"{report.source_name} is unchanged since the last import; nothing was written."
    lines.append(style.SUCCESS(verdict) if style else verdict)
    return "\n".join(lines)
