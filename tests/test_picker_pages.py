"""The pages with pickers (/roles/, /compare/, a field page) weigh and cost the same however
many fields, companies and technologies there are: no page lists them all."""

import pytest
from django.db.models import Count

from postings.models import Company
from taxonomy.models import ResearchArea, Technology
from taxonomy.notes.synthetic import scale_notes
from tests.conftest import query_counts

pytestmark = pytest.mark.django_db

ROLE_A, ROLE_B = "senior-julia-machine-learning-engineer", "video-processing-algorithm-engineer"
# Each URL's queries: the data version (lib.page_cache; suggestions are not kept), one per
# typed name, the field tree where a field is picked (for the sections filed under it), then
# the listing or the comparison. The names keep what they pick at three times the data
# (copies of a field are named "Computer Vision 2").
QUERIES = {
    "/roles/": 1 + 2,
    "/roles/?field=COMPUTER+VISION&q=engineer": 1 + 4,
    "/roles/?technology=PyTorch": 1 + 3,
    "/roles/?technology=pyt": 1 + 1,  # several: candidates, no listing
    "/roles/?field=nonexistent&technology=zzz&company=nope": 1 + 3,
    "/compare/": 1 + 0,
    "/compare/?a=Computer+Vision&b=natural-language-processing-nlp": 1 + 7,
    f"/compare/?role_a={ROLE_A}&role_b={ROLE_B}": 1 + 6,
    f"/compare/?role_a={ROLE_A}": 1 + 1,
    "/suggest/fields/?q=vision": 1,
}


def queries(client) -> dict[str, int]:
    return query_counts(client, QUERIES)


def test_queries_are_pinned_and_the_same_at_one_and_three_times_the_data(
    client, real_notes, import_text, real_notes_text
):
    assert queries(client) == QUERIES
    companies = list(Company.objects.values_list("name", flat=True))
    import_text(scale_notes(real_notes_text, 3, companies))
    assert ResearchArea.objects.count() == 3 * 88
    assert queries(client) == QUERIES


def test_pages_weigh_the_same_with_hundreds_more_fields_companies_and_technologies(
    client, real_notes
):
    biggest = ResearchArea.objects.annotate(n=Count("skill_sets")).order_by("-n").first()
    urls = [
        "/roles/",
        "/roles/?field=computer-vision",
        "/compare/",
        "/compare/?a=computer-vision&b=natural-language-processing-nlp",
        f"/compare/?role_a={ROLE_A}&role_b={ROLE_B}",
        biggest.get_absolute_url(),
    ]
    before = {url: len(client.get(url).content) for url in urls}
    extra = range(5 * ResearchArea.objects.count())
    ResearchArea.objects.bulk_create(
        ResearchArea(name=f"Extra field {n}", slug=f"extra-field-{n}", position=10_000 + n)
        for n in extra
    )
    Company.objects.bulk_create(
        Company(name=f"Extra company {n}", slug=f"extra-{n}") for n in extra
    )
    Technology.objects.bulk_create(
        Technology(name=f"Extra technology {n}", slug=f"extra-{n}") for n in extra
    )
    assert {url: len(client.get(url).content) for url in urls} == before
