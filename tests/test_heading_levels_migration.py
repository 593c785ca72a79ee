"""Stored notes, role descriptions and roadmap descriptions are rendered again so that their
headings start below the page's own and skip no level."""

import pytest

from tests.conftest import migrate_to, migrate_to_latest

BEFORE = [
    ("taxonomy", "0017_field_counts"),
    ("postings", "0006_render_addresses_and_heading_ids"),
    ("roadmaps", "0007_render_addresses_and_heading_ids"),
]
AFTER = [
    ("taxonomy", "0018_heading_levels"),
    ("postings", "0007_heading_levels"),
    ("roadmaps", "0008_heading_levels"),
]
STORED = '<h4 id="section-jobs">Jobs</h4>'


@pytest.mark.django_db(transaction=True)
def test_stored_headings_start_at_h3_under_a_section_and_h2_in_a_roadmap():
    apps = migrate_to(BEFORE)
    model = apps.get_model
    area = model("taxonomy", "ResearchArea").objects.create(
        name="EDA", slug="eda", notes="#### Jobs\n\n###### Where", notes_html=STORED
    )
    role = model("postings", "Role").objects.create(
        title="Engineer", slug="engineer", description="#### Jobs", description_html=STORED
    )
    user = model("auth", "User").objects.create(username="ana")
    roadmap = model("roadmaps", "Roadmap").objects.create(
        owner=user, title="Plan", slug="plan", description="#### Jobs", description_html=STORED
    )

    apps = migrate_to(AFTER)
    model = apps.get_model
    assert model("taxonomy", "ResearchArea").objects.get(pk=area.pk).notes_html == (
        '<h3 id="section-jobs">Jobs</h3>\n<h4 id="section-where">Where</h4>\n'
    )
    assert model("postings", "Role").objects.get(pk=role.pk).description_html == (
        '<h3 id="section-jobs">Jobs</h3>\n'
    )
    assert model("roadmaps", "Roadmap").objects.get(pk=roadmap.pk).description_html == (
        '<h2 id="section-jobs">Jobs</h2>\n'
    )
    migrate_to_latest()
