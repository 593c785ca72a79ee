"""Progress becomes a level: "pending" is now "none", and "done" is "working"."""

from django.db import migrations, models

RENAMED = {"pending": "none", "done": "working"}


def to_levels(apps, schema_editor):
    progress = apps.get_model("roadmaps", "SkillProgress").objects
    for old, new in RENAMED.items():
        progress.filter(status=old).update(status=new)


def from_levels(apps, schema_editor):
    progress = apps.get_model("roadmaps", "SkillProgress").objects
    progress.filter(status="none").update(status="pending")
    progress.filter(status__in=["working", "expert"]).update(status="done")


class Migration(migrations.Migration):
    dependencies = [
        ("roadmaps", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="skillprogress",
            name="status",
            field=models.CharField(
                choices=[
                    ("none", "Not started"),
                    ("learning", "Learning"),
                    ("working", "Working"),
                    ("expert", "Expert"),
                    ("skipped", "Skipped"),
                ],
                default="none",
                max_length=10,
            ),
        ),
        migrations.RunPython(to_levels, from_levels),
    ]
