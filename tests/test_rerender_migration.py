"""HTML stored before bare addresses became links and headings got ids is rendered again."""

import pytest

from tests.conftest import migrate_to, migrate_to_latest

BEFORE = [
    ("taxonomy", "0013_asked_technology"),
    ("postings", "0005_company_kind"),
    ("roadmaps", "0006_description_limit"),
]
AFTER = [
    ("taxonomy", "0014_render_addresses_and_heading_ids"),
    ("postings", "0006_render_addresses_and_heading_ids"),
    ("roadmaps", "0007_render_addresses_and_heading_ids"),
]
OLD = "<p>stored before</p>"


@pytest.mark.django_db(transaction=True)
def test_notes_lines_descriptions_with_an_address_or_a_heading_are_rendered_again():
    apps = migrate_to(BEFORE)
    model = apps.get_model
    area = model("taxonomy", "ResearchArea").objects.create(
        name="EDA", slug="eda", notes="## Jobs\nSee www.semi.org", notes_html=OLD
    )
    plain = model("taxonomy", "ResearchArea").objects.create(
        name="Plain", slug="plain", notes="no address", notes_html=OLD
    )
    skill_set = model("taxonomy", "SkillSet").objects.create(area=area)
    skill = model("taxonomy", "Skill").objects.create(
        skill_set=skill_set, text="Apply at https://x.org/jobs.", text_html=OLD
    )
    role = model("postings", "Role").objects.create(
        title="Engineer", slug="engineer", description="At https://x.org", description_html=OLD
    )
    user = model("auth", "User").objects.create(username="ana")
    roadmap = model("roadmaps", "Roadmap").objects.create(
        owner=user, title="Plan", slug="plan", description="Read www.x.org", description_html=OLD
    )

    apps = migrate_to(AFTER)
    model = apps.get_model
    area = model("taxonomy", "ResearchArea").objects.get(pk=area.pk)
    assert ' id="section-jobs">Jobs</h' in area.notes_html
    assert '<a href="http://www.semi.org">www.semi.org</a>' in area.notes_html
    assert model("taxonomy", "ResearchArea").objects.get(pk=plain.pk).notes_html == OLD
    assert model("taxonomy", "Skill").objects.get(pk=skill.pk).text_html == (
        'Apply at <a href="https://x.org/jobs">https://x.org/jobs</a>.'
    )
    assert (
        'href="https://x.org"' in model("postings", "Role").objects.get(pk=role.pk).description_html
    )
    assert 'href="http://www.x.org"' in (
        model("roadmaps", "Roadmap").objects.get(pk=roadmap.pk).description_html
    )
    migrate_to_latest()
