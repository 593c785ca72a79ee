"""The admin's own pages (Add posting, Import notes) let in only those with permission."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from postings.models import Company, Posting, Role
from taxonomy.admin_import import IMPORT_NOTES_PERMISSIONS
from taxonomy.models import ResearchArea, Skill, SkillSet, Technology

pytestmark = pytest.mark.django_db

ADD = reverse("admin:postings_posting_add")
POSTINGS = reverse("admin:postings_posting_changelist")
IMPORT = reverse("admin:taxonomy_researcharea_import")
AREAS = reverse("admin:taxonomy_researcharea_changelist")

POSTING = {
    "text": "# Platform Engineer\n## Requirements\n- Must know Python; Kubernetes a plus\n",
    "company": "Acme Robotics",  # not yet known: the import creates it
    "area": "platforms",
}
# What Add posting writes: the posting, its roles, a new company, skill sets and skills.
ADD_POSTING = [
    "postings.add_posting",
    "postings.add_role",
    "postings.add_company",
    "taxonomy.add_skillset",
    "taxonomy.add_skill",
]


@pytest.fixture
def area(db):
    return ResearchArea.objects.create(name="Platforms", slug="platforms")


@pytest.fixture
def staff_with(client, django_user_model):
    """Sign in a staff user holding exactly the permissions given ("app.codename")."""

    def sign_in(*permissions):
        user = django_user_model.objects.create_user("sam", is_staff=True)
        for permission in permissions:
            app_label, codename = permission.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        client.force_login(user)
        return client

    return sign_in


def nothing_written():
    return not any(
        model.objects.exists() for model in (Posting, Role, Company, SkillSet, Skill, Technology)
    )


def test_staff_without_permissions_get_403_on_every_add_posting_step(staff_with, area):
    client = staff_with()
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, POSTING).status_code == 403
    assert client.post(ADD, {"confirm": "1"}).status_code == 403
    assert nothing_written()


@pytest.mark.parametrize("missing", ADD_POSTING)
def test_add_posting_answers_403_to_staff_lacking_any_one_of_its_permissions(
    staff_with, area, missing
):
    client = staff_with(*(permission for permission in ADD_POSTING if permission != missing))
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, POSTING).status_code == 403
    assert nothing_written()


def test_a_preview_is_not_confirmed_once_the_permission_is_taken_away(staff_with, area):
    client = staff_with(*ADD_POSTING)
    assert b"Nothing has been written yet" in client.post(ADD, POSTING).content
    Permission.objects.get(codename="add_role").user_set.clear()

    assert client.post(ADD, {"confirm": "1"}).status_code == 403
    assert nothing_written()


def test_staff_with_exactly_the_add_posting_permissions_can_add_a_posting(staff_with, area):
    client = staff_with(*ADD_POSTING)
    assert client.get(ADD).status_code == 200
    assert b"Nothing has been written yet" in client.post(ADD, POSTING).content

    done = client.post(ADD, {"confirm": "1"})

    posting = Posting.objects.get()
    assert done.url == reverse("admin:postings_posting_change", args=[posting.pk])
    role = Role.objects.get(posting=posting)
    assert (role.title, role.company.name) == ("Platform Engineer", "Acme Robotics")
    assert Skill.objects.get(skill_set__role=role).text == "Must know Python; Kubernetes a plus"


def test_a_superuser_can_add_a_posting(admin_client, area):
    assert admin_client.get(ADD).status_code == 200
    admin_client.post(ADD, POSTING)
    admin_client.post(ADD, {"confirm": "1"})
    assert Posting.objects.get().roles.get().company.name == "Acme Robotics"


@pytest.mark.parametrize(
    ("permissions", "shown"),
    [
        (["postings.view_posting", "postings.add_posting"], False),
        (["postings.view_posting", *ADD_POSTING], True),
    ],
)
def test_the_add_posting_link_shows_only_to_staff_it_lets_in(staff_with, permissions, shown):
    client = staff_with(*permissions)
    for page in (POSTINGS, reverse("admin:index")):
        response = client.get(page)
        assert response.status_code == 200
        assert (f'href="{ADD}"'.encode() in response.content) is shown, page


def test_staff_without_permission_get_403_from_import_notes(staff_with):
    client = staff_with("taxonomy.view_researcharea")
    notes = SimpleUploadedFile("mine.md", b"# Field\n+ skill set:\n\t- Python\n")
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"notes": notes}).status_code == 403
    assert client.post(IMPORT, {"confirm": "1"}).status_code == 403
    assert not ResearchArea.objects.exists()


@pytest.mark.parametrize(
    ("permissions", "shown"),
    [
        (["taxonomy.view_researcharea"], False),
        (["taxonomy.view_researcharea", "taxonomy.add_researcharea"], False),
        (["taxonomy.view_researcharea", *IMPORT_NOTES_PERMISSIONS[:-1]], False),
        (["taxonomy.view_researcharea", *IMPORT_NOTES_PERMISSIONS], True),
    ],
)
def test_the_import_notes_link_shows_only_to_staff_it_lets_in(staff_with, permissions, shown):
    client = staff_with(*permissions)
    assert client.get(IMPORT).status_code == (200 if shown else 403)
    areas = client.get(AREAS)
    assert areas.status_code == 200
    assert (f'href="{IMPORT}"'.encode() in areas.content) is shown
