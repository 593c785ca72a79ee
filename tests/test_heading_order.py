"""Pages that show stored Markdown (a field's notes, a role's description) keep one outline:
no heading more than one level below the one before it, on the real notes and folder."""

from itertools import pairwise

import pytest

from postings.models import Role
from taxonomy.models import ResearchArea
from tests.conftest import heading_levels

pytestmark = pytest.mark.django_db


def levels_in_main(html: str) -> list[int]:
    return heading_levels(html[html.index("<main") : html.index("</main>")])


def test_no_field_or_role_page_of_the_real_notes_skips_a_heading_level(client, real_library):
    urls = [
        area.get_absolute_url() for area in ResearchArea.objects.filter(notes_html__contains="<h")
    ]
    urls += [
        role.get_absolute_url() for role in Role.objects.filter(description_html__contains="<h")
    ]
    assert len(urls) > 10  # the notes of EDA, STCO, … hold headings of their own
    for url in urls:
        levels = levels_in_main(client.get(url).content.decode())
        assert levels[0] == 1, url
        for before, level in pairwise(levels):
            assert level <= before + 1, (url, levels)
