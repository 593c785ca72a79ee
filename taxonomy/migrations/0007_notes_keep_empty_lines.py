"""Notes made only of empty lines are stored with one newline per line (before, n lines
were stored as n - 1 newlines, so one empty line read back as none)."""

from django.db import migrations


def one_newline_per_empty_line(apps, schema_editor):
    ResearchArea = apps.get_model("taxonomy", "ResearchArea")
    for area in ResearchArea.objects.filter(notes__regex=r"^\n+$").only("notes"):
        area.notes += "\n"
        area.save(update_fields=["notes"])


def one_newline_between_empty_lines(apps, schema_editor):
    ResearchArea = apps.get_model("taxonomy", "ResearchArea")
    for area in ResearchArea.objects.filter(notes__regex=r"^\n+$").only("notes"):
        area.notes = area.notes[:-1]
        area.save(update_fields=["notes"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0006_skill_set_skills_digest")]

    operations = [
        migrations.RunPython(one_newline_per_empty_line, one_newline_between_empty_lines),
    ]
