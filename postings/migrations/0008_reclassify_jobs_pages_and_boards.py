import re

from django.db import migrations

from taxonomy.organisations import COMPANY, JOB_BOARD, organisation_kind

# What the rules at 0005 got wrong, frozen here as they were: a link to a jobs page made a
# job board ("[opentrons](https://opentrons.com/jobs)", an employer's own page), and these
# boards and communities were taken for employers.
_JOBS_PAGE = re.compile(r"/jobs?/?$", re.IGNORECASE)
_NOT_KNOWN_THEN = re.compile(
    r"wellfound|angellist|angel\.co\b|ventureloop|workatastartup|weworkremotely|remoteok|"
    r"\bwomen in\b",
    re.IGNORECASE,
)


def reclassify(apps, schema_editor):
    """Companies whose kind those rules gave: their kind from the rules now. A kind someone
    chose in the admin stays, unless it is the one those rules would have given."""
    Company = apps.get_model("postings", "Company")
    changed = []
    for row in Company.objects.filter(kind__in=[COMPANY, JOB_BOARD]).iterator():
        misread = (
            _JOBS_PAGE.search(row.website)
            if row.kind == JOB_BOARD
            else _NOT_KNOWN_THEN.search(row.name)
        )
        kind = organisation_kind(row.name, row.website)
        if misread and kind != row.kind:
            row.kind = kind
            changed.append(row)
    Company.objects.bulk_update(changed, ["kind"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("postings", "0007_heading_levels"),
    ]

    operations = [
        migrations.RunPython(reclassify, migrations.RunPython.noop),
    ]
