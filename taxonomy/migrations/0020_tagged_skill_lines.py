"""A technology's lines, newest first, read along an index of its tags."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0019_technology_demand")]

    operations = [
        migrations.AddIndex(
            model_name="taggedskill",
            index=models.Index(fields=["tag", "content_object"], name="taxonomy_taggedskill_lines"),
        ),
    ]
