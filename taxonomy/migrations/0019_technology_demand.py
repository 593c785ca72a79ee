"""Each technology keeps its demand (how many public skill sets ask for it), counted from
``AskedTechnology`` at every write, so that lists by demand read one indexed column."""

from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_demand(apps, schema_editor):
    asked = (
        apps.get_model("taxonomy", "AskedTechnology")
        .objects.filter(technology=OuterRef("pk"))
        .order_by()
        .values("technology")
        .annotate(demand=Count("*"))
        .values("demand")
    )
    technologies = apps.get_model("taxonomy", "Technology").objects
    technologies.update(demand=Coalesce(Subquery(asked), 0))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0018_heading_levels")]

    operations = [
        migrations.AddField(
            model_name="technology",
            name="demand",
            field=models.PositiveIntegerField(
                default=0,
                db_default=0,
                editable=False,
                help_text="How many public skill sets ask for it: its AskedTechnology rows, "
                "counted again at every write (taxonomy.demand.refresh_asks).",
            ),
        ),
        migrations.AddIndex(
            model_name="technology",
            index=models.Index(fields=["-demand", "name"], name="taxonomy_technology_demand"),
        ),
        migrations.RunPython(count_demand, migrations.RunPython.noop),
    ]
