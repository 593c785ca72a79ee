"""The admin's "Add posting": paste or upload, preview, confirm; deleting a posting."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from postings.models import Company, Posting, Role
from taxonomy.models import ResearchArea, Skill, SkillSet, TaggedSkill, Technology
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

ML2 = FIXTURES / "postings" / "ml2-open-roles.md"
ADD = reverse("admin:postings_posting_add")


def test_pasted_posting_is_previewed_then_imported_on_confirm(admin_client, real_notes):
    preview = admin_client.post(ADD, {"text": ML2.read_text()})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Nothing has been written yet" in page
    for title in ("Software Engineer", "Internship", "Research Scientist/Engineer"):
        assert f'<h2 class="role-title">{title}</h2>' in page
    assert "KRW 35M ~ 60M (negotiable)" in page
    assert "Requirements (for all positions)" in page
    assert "(guessed, score" in page
    assert not Posting.objects.exists()

    done = admin_client.post(ADD, {"confirm": "1"}, follow=True)
    posting = Posting.objects.get()
    assert done.redirect_chain[-1][0] == reverse("admin:postings_posting_change", args=[posting.pk])
    assert "4 roles: Software Engineer, Internship" in done.content.decode()
    assert posting.roles.count() == 4
    assert posting.source_name == "pasted posting"


def test_a_posting_is_previewed_on_a_database_without_technologies_yet(admin_client, db):
    # A fresh database: the import syncs the vocabulary, but in a preview that is rolled back.
    ResearchArea.objects.create(name="Machine Learning", slug="machine-learning")
    assert not Technology.objects.exists()
    posting = "# ML Engineer\n## Requirements\n- Python and PyTorch\n"
    data = {"text": posting, "company": "Acme", "area": "machine-learning"}

    preview = admin_client.post(ADD, data)

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Nothing has been written yet" in page
    assert '<span class="tech">— Python, PyTorch</span>' in page
    for model in (Technology, Posting, Role, Company, SkillSet, Skill, TaggedSkill):
        assert not model.objects.exists(), model

    admin_client.post(ADD, {"confirm": "1"})
    skill = Skill.objects.get(skill_set__role__posting=Posting.objects.get())
    assert skill.text == "Python and PyTorch"
    assert sorted(skill.tags.values_list("name", flat=True)) == ["PyTorch", "Python"]


def test_an_uploaded_file_with_options_and_a_second_import_of_it(admin_client, real_notes):
    upload = SimpleUploadedFile(ML2.name, ML2.read_bytes())
    admin_client.post(ADD, {"file": upload, "company": "KC ML2", "area": "computer-vision"})
    admin_client.post(ADD, {"confirm": "1"})
    assert set(
        Role.objects.filter(posting__isnull=False).values_list("company__name", "area__slug")
    ) == {("KC ML2", "computer-vision")}
    again = admin_client.post(ADD, {"text": ML2.read_text()})
    assert "already imported on" in again.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste a posting or upload one."),
        ({"text": "We build robots."}, "no section of a job posting found"),
        ({"file": SimpleUploadedFile("x.bin", b"\x00\x01")}, "x.bin:1: contains NUL bytes"),
    ],
)
def test_bad_input_is_shown_on_the_form(admin_client, real_notes, data, message):
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Posting.objects.exists()


def test_confirming_without_a_preview_asks_to_paste_again(admin_client, db):
    response = admin_client.post(ADD, {"confirm": "1"}, follow=True)
    assert "expired" in response.content.decode()


def test_deleting_a_posting_in_the_admin_deletes_its_roles(admin_client, real_notes):
    admin_client.post(ADD, {"text": ML2.read_text()})
    admin_client.post(ADD, {"confirm": "1"})
    posting = Posting.objects.get()
    view = admin_client.get(reverse("admin:postings_posting_change", args=[posting.pk]))
    assert "Research Resident" in view.content.decode()
    admin_client.post(reverse("admin:postings_posting_delete", args=[posting.pk]), {"post": "yes"})
    assert not Posting.objects.exists()
    assert not Role.objects.filter(company__name="ML2").exists()
