"""Importing saved postings: the four real ones, re-imports, bad input, deletion, the site."""

import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postings.importing import delete_posting, import_posting
from postings.importing.plan import Overrides
from postings.models import Company, Posting, Role
from taxonomy.models import ResearchArea, Skill, SkillSet, Technology
from taxonomy.notes.exporter import export_notes
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

POSTINGS = FIXTURES / "postings"
CADDI = POSTINGS / "caddi-machine-learning-engineer.md"
HYPERCONNECT = POSTINGS / "hyperconnect-ml-software-engineering-lead.txt"
PLAIN = POSTINGS / "machine-learning-engineer.txt"
ML2 = POSTINGS / "ml2-open-roles.md"
SMALL_NOTES = "# Machine Learning\n\nNotes.\n\n# Other Field\n\nMore notes.\n"


def run(*args) -> str:
    out = StringIO()
    call_command("import_posting", *map(str, args), stdout=out)
    return out.getvalue()


def kinds(role: Role) -> list[tuple[str, str]]:
    return [(s.kind, s.label) for s in role.skill_sets.order_by("position")]


def technologies(role: Role) -> set[str]:
    return set(
        Technology.objects.filter(tagged_skills__content_object__skill_set__role=role)
        .distinct()
        .values_list("name", flat=True)
    )


def skill_texts(role: Role, kind: str) -> list[str]:
    return list(
        Skill.objects.filter(skill_set__role=role, skill_set__kind=kind)
        .order_by("skill_set__position", "position")
        .values_list("text", flat=True)
    )


def test_the_four_real_postings_import_into_the_expected_roles(real_notes):
    output = run(CADDI, HYPERCONNECT, PLAIN, ML2)
    assert "Imported 4 postings: 7 roles, 29 skill sets" in output
    assert Posting.objects.count() == 4

    caddi = Role.objects.get(posting__source_name=CADDI.name)
    assert (caddi.title, caddi.company.name) == ("Machine Learning Engineer", "CADDi")
    assert caddi.employment_type == "Official full-time employee"
    assert kinds(caddi) == [
        ("responsibilities", "Responsibility"),
        ("responsibilities", "Examples of what success looks like in this role"),
        ("requirements", "MUST-HAVE REQUIREMENTS"),
        ("preferred", "NICE-TO-HAVE REQUIREMENTS"),
        ("stack", "Languages"),
    ]
    assert "Business communication skills in English" in skill_texts(caddi, "requirements")
    assert {"CUDA", "Kubeflow", "Apache Beam", "Vertex AI"} <= technologies(caddi)
    assert "13th month salary" in caddi.description  # benefits are description, not skills
    assert "Annual paid leave" not in " ".join(Skill.objects.values_list("text", flat=True))

    plain = Role.objects.get(posting__source_name=PLAIN.name)
    assert (plain.title, plain.company) == ("Machine Learning Engineer", None)
    assert kinds(plain) == [
        ("responsibilities", "Responsibilities"),
        ("requirements", "Requirements"),
    ]
    assert len(skill_texts(plain, "responsibilities")) == 9
    assert {"TensorFlow", "PyTorch", "scikit-learn", "Apache Hadoop"} <= technologies(plain)

    lead = Role.objects.get(posting__source_name=HYPERCONNECT.name)
    assert (lead.title, lead.company.name) == ("ML Software Engineering Lead", "Hyperconnect")
    assert lead.source_url.startswith("https://www.saramin.co.kr/zf_user/jobs/relay/view")
    assert [kind for kind, _ in kinds(lead)] == [
        "responsibilities",
        "responsibilities",
        "requirements",
        "preferred",
    ]
    assert "영어로 원활한 의사소통이 가능하신 분" in skill_texts(lead, "preferred")

    ml2 = Role.objects.filter(posting__source_name=ML2.name).order_by("pk")
    assert [(r.title, r.salary) for r in ml2] == [
        ("Software Engineer", "KRW 50M ~ 100M (negotiable)"),
        ("Internship", "KRW 35M (negotiable)"),
        ("Research Scientist/Engineer", "KRW 50M ~ 100M (negotiable)"),
        ("Research Resident", "KRW 35M ~ 60M (negotiable)"),
    ]
    assert {role.company.name for role in ml2} == {"ML2"}
    for role in ml2:
        # "For all positions" applies to every role.
        assert skill_texts(role, "requirements")[:3] == ["Python", "Git", "Communication skill"]
        assert ("requirements", "Requirements (for all positions)") in kinds(role)
        assert "Free food, snacks, coffee" in role.description
    engineer = ml2[0]
    assert "DevOps experience with cloud computing such as AWS." in skill_texts(
        engineer, "preferred"
    )
    assert {"Docker", "TensorFlow", "PyTorch", "AWS"} <= technologies(engineer)
    nested = Skill.objects.get(skill_set__role=engineer, text="Korean for everyday usage")
    assert nested.parent.text == "Communication skill"


def test_the_korean_posting_finds_every_technology_it_names(real_notes):
    run(HYPERCONNECT)
    role = Role.objects.get(posting__source_name=HYPERCONNECT.name)
    assert {
        "Java",
        "Python",
        "JavaScript",
        "Go",
        "Rust",
        "Apache Flink",
        "KSQL",
        "NVIDIA Triton",
        "Kubernetes",
        "Ansible",
        "TensorFlow Lite",
        "Apache Spark",
        "Amazon DynamoDB",
        "Apache Cassandra",
        "AWS",
    } <= technologies(role)


def test_the_field_is_guessed_from_technology_overlap_and_shown(real_notes):
    output = run(CADDI, HYPERCONNECT)
    assert "field MLOps, or ML Ops (guessed, score" in output
    assert set(Role.objects.values_list("area__slug", flat=True).filter(posting__isnull=False)) == {
        "mlops-or-ml-ops"
    }
    sets = SkillSet.objects.filter(role__posting__isnull=False)
    assert set(sets.values_list("area__slug", flat=True)) == {"mlops-or-ml-ops"}


def test_importing_the_same_text_again_creates_nothing_and_says_so(real_notes, tmp_path):
    run(ML2)
    counts = (Role.objects.count(), SkillSet.objects.count(), Skill.objects.count())
    copy = tmp_path / "saved-again.md"
    copy.write_bytes(ML2.read_bytes().replace(b"\n", b"\r\n"))  # the same text, saved on Windows
    output = run(copy)
    assert "saved-again.md: already imported on" in output
    assert "nothing created" in output
    assert (Role.objects.count(), SkillSet.objects.count(), Skill.objects.count()) == counts
    assert Posting.objects.count() == 1


def test_a_dry_run_reports_and_writes_nothing(real_notes):
    before = (Role.objects.count(), Company.objects.count(), Skill.objects.count())
    output = run(ML2, "--dry-run")
    assert output.splitlines()[-1].startswith("Would import 1 posting: 4 roles")
    assert (Role.objects.count(), Company.objects.count(), Skill.objects.count()) == before
    assert not Posting.objects.exists()


def test_a_dry_run_on_a_database_without_technologies_writes_none_of_them(db):
    ResearchArea.objects.create(name="Machine Learning", slug="machine-learning")
    output = run(ML2, "--dry-run", "--area", "machine-learning")
    assert output.splitlines()[-1].startswith("Would import 1 posting: 4 roles")
    assert not Technology.objects.exists()
    assert not Posting.objects.exists()


def test_options_override_what_the_parser_found(real_notes):
    run(
        CADDI,
        "--company",
        "CADDi Inc.",
        "--title",
        "Senior ML Engineer",
        "--area",
        "computer-vision",
        "--url",
        "https://example.com/jobs/1",
    )
    role = Role.objects.get(posting__isnull=False)
    assert (role.title, role.company.name, role.area.slug, role.source_url) == (
        "Senior ML Engineer",
        "CADDi Inc.",
        "computer-vision",
        "https://example.com/jobs/1",
    )


def test_a_posting_without_sections_imports_as_a_description_when_titled(db, tmp_path):
    ResearchArea.objects.create(name="Robotics", slug="robotics")
    path = tmp_path / "robots.txt"
    path.write_text("We build robots.\nCome and talk to us.\n")
    run(path, "--title", "Robotics Engineer", "--area", "robotics")
    role = Role.objects.get()
    assert role.title == "Robotics Engineer"
    assert role.description == "We build robots.\nCome and talk to us."
    assert not role.skill_sets.exists()


def test_a_requirement_with_an_optional_clause_tags_that_part_optional(db):
    ResearchArea.objects.create(name="Platforms", slug="platforms")
    import_posting(
        text="# Platform Engineer\n## Requirements\n- Must know Python; Kubernetes a plus\n",
        source_name="platform.md",
        overrides=Overrides(area="platforms"),
    )
    skill = Skill.objects.get(text="Must know Python; Kubernetes a plus")
    assert skill.kind == Skill.Kind.REQUIREMENT
    assert dict(skill.taggedskill_set.values_list("tag__slug", "optional")) == {
        "python": False,
        "kubernetes": True,
    }


def bad_input(tmp_path, case: str) -> tuple[list[str], str]:
    files = {
        "empty": b"\xef\xbb\xbf\n \n",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "not utf-8": "Requirements:\ncaf\xe9\n".encode("latin-1"),
        "too large": b"Requirements:\n" + b"x" * (5 * 1024 * 1024),
        "no section": b"We build robots.\nCome and talk to us.\n",
    }
    path = tmp_path / f"{case.replace(' ', '-')}.txt"
    path.write_bytes(files[case])
    messages = {
        "empty": ": the file is empty",
        "binary": ":3: contains NUL bytes",
        "not utf-8": ":2: is not valid UTF-8",
        "too large": ": is 5,242,894 bytes, over the limit of 5,242,880",
        "no section": ": no section of a job posting found",
    }
    return [str(path)], path.name + messages[case]


@pytest.mark.parametrize("case", ["empty", "binary", "not utf-8", "too large", "no section"])
def test_bad_input_exits_1_with_one_line_naming_the_file_and_writes_nothing(
    real_notes, tmp_path, case
):
    args, message = bad_input(tmp_path, case)
    with pytest.raises(CommandError) as raised:
        run(CADDI, *args)  # the good file before it is not imported either
    assert raised.value.returncode == 1
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not Posting.objects.exists()
    assert not Role.objects.filter(posting__isnull=False).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((ML2, "--title", "Engineer"), "a title names one role, but this posting holds 4"),
        ((CADDI, "--area", "no-such-field"), "no field has the slug 'no-such-field'"),
        ((CADDI, "--url", "javascript:alert(1)"), "the URL must be an http(s) address"),
    ],
)
def test_options_that_cannot_apply_are_refused(real_notes, args, message):
    with pytest.raises(CommandError) as raised:
        run(*args)
    assert message in str(raised.value)
    assert not Posting.objects.exists()


def test_the_command_exits_1_without_a_traceback(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_posting", str(empty)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"CommandError: {empty}: the file is empty"


def test_deleting_a_posting_deletes_what_it_created_unless_curated_since(real_notes):
    run(ML2, CADDI)
    ml2 = Posting.objects.get(source_name=ML2.name)
    edited = Skill.objects.filter(skill_set__role__title="Internship").first()
    edited.text = "Four months, not three"
    edited.save()
    report = delete_posting(posting=ml2)
    assert report.kept_roles == ["Internship"]
    assert sorted(report.deleted_roles) == [
        "Research Resident",
        "Research Scientist/Engineer",
        "Software Engineer",
    ]
    intern = Role.objects.get(title="Internship")
    assert intern.posting is None and intern.skill_sets.count() == 4  # kept whole
    assert Company.objects.filter(name="ML2").exists()  # the kept role still names it

    caddi = Posting.objects.get(source_name=CADDI.name)
    report = delete_posting(posting=caddi)
    assert report.deleted_company == "CADDi"
    assert not Role.objects.filter(company__name="CADDi").exists()
    assert not SkillSet.objects.filter(label="NICE-TO-HAVE REQUIREMENTS").exists()


def test_reimporting_the_notes_keeps_postings_and_the_field_they_are_filed_under(import_text):
    import_text(SMALL_NOTES)
    run(CADDI, "--area", "machine-learning")
    sets = SkillSet.objects.count()
    report = import_text("# Other Field\n\nMore notes.\n")  # the field's heading is gone
    assert report.tallies["areas"].deleted == 0
    role = Role.objects.get(posting__isnull=False)
    assert role.area.slug == "machine-learning"
    assert role.company.name == "CADDi"
    assert SkillSet.objects.count() == sets
    import_text(SMALL_NOTES)
    assert Role.objects.filter(posting__isnull=False).count() == 1


def test_exported_notes_leave_posting_skill_sets_out(import_text):
    import_text(SMALL_NOTES)
    run(CADDI, "--area", "machine-learning")
    exported = export_notes()
    assert "MUST-HAVE REQUIREMENTS" not in exported
    assert exported == export_notes()  # and stay importable as before
    import_text(exported)
    assert SkillSet.objects.filter(role__posting__isnull=True).count() == 0


def test_imported_postings_appear_on_the_public_pages(client, real_notes):
    run(HYPERCONNECT, ML2)
    lead = Role.objects.get(title="ML Software Engineering Lead")
    page = client.get(lead.get_absolute_url()).content.decode()
    assert "Hyperconnect" in page and "MLOps, or ML Ops" in page
    assert "모델 서빙 플랫폼 개발" in page
    assert "AI Lab 소개" in page  # the description
    assert f'href="{lead.posting.get_absolute_url()}"' in page

    company = client.get(lead.company.get_absolute_url()).content.decode()
    assert lead.title in company
    flink = client.get("/technologies/apache-flink/").content.decode()
    assert lead.title in flink
    engineer = Role.objects.get(title="Software Engineer", posting__isnull=False)
    compare = client.get(
        "/compare/", {"role_a": lead.slug, "role_b": engineer.slug}
    ).content.decode()
    assert "Python" in compare
    roles = client.get("/roles/", {"company": "ml2"}).content.decode()
    assert "Research Resident" in roles

    results = client.get("/search/", {"q": "Hyperconnect"}).content.decode()
    assert lead.get_absolute_url() in results
    results = client.get("/search/", {"q": "KSQL"}).content.decode()
    assert lead.get_absolute_url() in results

    posting = client.get(lead.posting.get_absolute_url()).content.decode()
    assert "하이퍼커넥트 AI Lab은" in posting and lead.title in posting


def test_posting_and_role_pages_run_a_bounded_number_of_queries(client, real_notes):
    run(ML2)
    posting = Posting.objects.get()
    for url in (posting.get_absolute_url(), posting.roles.first().get_absolute_url()):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 8, url


def test_import_posting_service_is_one_transaction(real_notes, monkeypatch):
    from postings.importing import service

    def broken(self, sets):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service._Writer, "_skills", broken)
    with pytest.raises(RuntimeError):
        import_posting(text=ML2.read_text(), source_name=ML2.name)
    assert not Posting.objects.exists()
    assert not Company.objects.filter(name="ML2").exists()


def test_a_description_edited_by_hand_is_rendered_safely_on_save(db):
    from postings.services import save_role

    role = Role(title="Engineer", slug="engineer", description="**Remote** <script>x</script>")
    save_role(role=role)
    assert (
        role.description_html == "<p><strong>Remote</strong> &lt;script&gt;x&lt;/script&gt;</p>\n"
    )


def test_a_posting_whose_text_names_no_title_is_titled_after_its_file_and_says_so(
    real_notes, tmp_path
):
    saved = tmp_path / "math-libraries-engineer.md"
    saved.write_text(
        "About the job\n\nWhat We Need To See\n\n- C++ and CUDA\n- Numerical linear algebra\n",
        encoding="utf-8",
    )
    output = run(saved)
    assert "titled after the file" in output
    role = Role.objects.get(posting__isnull=False)
    assert role.title == "Math libraries engineer"
    assert technologies(role) >= {"C++", "CUDA"}
