import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from postings.models import Role
from taxonomy.models import ResearchArea, Skill, SkillSet

NOTES = (
    b"# Field\nIntro with [a link](https://example.org).\n"
    b"+ skill set:\n\t- Staff Engineer\n\t- Python\n"
)


@pytest.fixture
def staff(admin_client, import_text):
    import_text(NOTES.decode())
    return admin_client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [
        "taxonomy/researcharea",
        "taxonomy/skillset",
        "taxonomy/skill",
        "taxonomy/technology",
        "postings/company",
        "postings/role",
        "postings/posting",
    ],
)
def test_every_changelist_and_change_form_opens(staff, model):
    app, name = model.split("/")
    assert staff.get(reverse(f"admin:{app}_{name}_changelist")).status_code == 200
    assert (
        staff.get(reverse(f"admin:{app}_{name}_changelist"), {"q": "engineer"}).status_code == 200
    )
    assert staff.get(reverse(f"admin:{app}_{name}_add")).status_code == 200


@pytest.mark.django_db
def test_skill_set_page_shows_its_skills_inline(staff):
    skill_set = SkillSet.objects.get()
    page = staff.get(reverse("admin:taxonomy_skillset_change", args=[skill_set.pk]))
    assert b"Staff Engineer" in page.content and b"Python" in page.content


@pytest.mark.django_db
def test_placeholders_are_filterable(staff):
    url = reverse("admin:taxonomy_skillset_changelist")
    assert staff.get(url, {"is_placeholder__exact": "1"}).status_code == 200


@pytest.mark.django_db
def test_upload_shows_a_dry_run_then_imports_on_confirm(admin_client):
    url = reverse("admin:taxonomy_researcharea_import")
    assert admin_client.get(url).status_code == 200
    upload = SimpleUploadedFile("mine.md", NOTES, content_type="text/markdown")

    preview = admin_client.post(url, {"notes": upload})

    assert preview.status_code == 200
    assert b"Nothing has been written yet" in preview.content
    assert ResearchArea.objects.count() == 0
    done = admin_client.post(url, {"confirm": "1"})
    assert done.status_code == 200
    assert ResearchArea.objects.get().source_file == "mine.md"
    assert Role.objects.get().title == "Staff Engineer"


@pytest.mark.django_db
def test_upload_of_a_bad_file_shows_the_error(admin_client):
    url = reverse("admin:taxonomy_researcharea_import")
    upload = SimpleUploadedFile("bad.md", b"# A\n\xff not UTF-8\n")
    page = admin_client.post(url, {"notes": upload})
    assert b"bad.md:2: is not valid UTF-8 text" in page.content
    assert ResearchArea.objects.count() == 0


@pytest.mark.django_db
def test_editing_notes_in_the_admin_renders_them_and_marks_the_area_curated(staff, import_text):
    area = ResearchArea.objects.get()
    url = reverse("admin:taxonomy_researcharea_change", args=[area.pk])
    response = staff.post(
        url,
        {
            "name": area.name,
            "slug": area.slug,
            "aliases": "[]",
            "notes": "Curated **notes**.",
            "position": 0,
            "level": 1,
            "skill_sets-TOTAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content
    area.refresh_from_db()
    assert "<strong>notes</strong>" in area.notes_html
    report = import_text(NOTES.decode())
    assert "areas: Field" in report.kept
    assert ResearchArea.objects.get().notes == "Curated **notes**."
    assert Skill.objects.count() == 2


@pytest.mark.django_db
def test_roadmaps_are_curated_not_made_in_the_admin(staff, django_user_model):
    from roadmaps.models import Roadmap, SkillProgress
    from roadmaps.services import create_roadmap, set_progress

    owner = django_user_model.objects.create_user("ana")
    roadmap = create_roadmap(owner=owner, title="Plan", areas=[ResearchArea.objects.get()])
    set_progress(user=owner, technology=roadmap.steps.get().technology, status="working")

    assert staff.get(reverse("admin:roadmaps_roadmap_changelist"), {"q": "ana"}).status_code == 200
    assert staff.get(reverse("admin:roadmaps_roadmap_add")).status_code == 403
    assert staff.get(reverse("admin:roadmaps_skillprogress_changelist")).status_code == 200
    change = reverse("admin:roadmaps_roadmap_change", args=[roadmap.pk])
    form = staff.get(change)
    assert form.status_code == 200 and "Python" in form.content.decode()

    step = roadmap.steps.get()
    response = staff.post(
        change,
        {
            "title": "Plan B",
            "slug": "plan",
            "description": "Learn *Python*.",
            "is_public": "on",
            "areas": [ResearchArea.objects.get().pk],
            "steps-TOTAL_FORMS": "1",
            "steps-INITIAL_FORMS": "1",
            "steps-0-id": step.pk,
            "steps-0-roadmap": roadmap.pk,
            "steps-0-technology": step.technology_id,
            "steps-0-stage": "0",
            "steps-0-position": "0",
            "steps-0-note": "Start here",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    roadmap.refresh_from_db()
    assert (roadmap.title, roadmap.is_public) == ("Plan B", True)
    assert roadmap.description_html == "<p>Learn <em>Python</em>.</p>\n"
    assert roadmap.steps.get().note == "Start here"
    assert SkillProgress.objects.get().status == "working"
    assert Roadmap.objects.count() == 1


@pytest.mark.django_db
def test_an_upload_named_as_a_folder_file_replaces_that_file(admin_client):
    from taxonomy.models import NotesSource
    from taxonomy.notes.importer import NotesFile, import_library

    import_library(files=[NotesFile("web/web-dev.md", "# Web\n", "/notes")])
    url = reverse("admin:taxonomy_researcharea_import")
    text = b"\xef\xbb\xbf# Web\r\n+ skill set:\r\n\t- React\r\n"
    upload = SimpleUploadedFile("web-dev.md", text, content_type="text/markdown")
    preview = admin_client.post(url, {"notes": upload, "name": "web/web-dev.md"})
    assert b"Import web/web-dev.md" in preview.content
    admin_client.post(url, {"confirm": "1"})
    assert list(NotesSource.objects.values_list("path", flat=True)) == ["web/web-dev.md"]
    call = reverse("admin:taxonomy_notessource_changelist")
    assert b"web/web-dev.md" in admin_client.get(call).content
    from taxonomy.notes.exporter import export_notes

    assert export_notes().encode() == text  # the BOM and CRLF came through the stash


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["/etc/x.md", "../x.md", "a//b.md", "a/./b.md"])
def test_an_upload_name_must_be_a_plain_relative_path(admin_client, name):
    url = reverse("admin:taxonomy_researcharea_import")
    upload = SimpleUploadedFile("x.md", NOTES, content_type="text/markdown")
    page = admin_client.post(url, {"notes": upload, "name": name})
    assert b"Give a relative path" in page.content
    assert ResearchArea.objects.count() == 0


@pytest.mark.django_db
def test_notes_files_are_read_only_in_the_admin(staff):
    from taxonomy.models import NotesSource

    source = NotesSource.objects.get()
    assert staff.get(reverse("admin:taxonomy_notessource_add")).status_code == 403
    page = staff.get(reverse("admin:taxonomy_notessource_change", args=[source.pk]))
    assert page.status_code == 200 and b"notes.md" in page.content
    assert (
        staff.post(reverse("admin:taxonomy_notessource_delete", args=[source.pk])).status_code
        == 403
    )
    changelist = reverse("admin:taxonomy_researcharea_changelist")
    assert staff.get(changelist, {"notes_source__id__exact": source.pk}).status_code == 200
