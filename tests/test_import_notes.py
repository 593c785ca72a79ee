"""End to end: the real notes file, re-imports, curation, failures and bad input."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postings.models import Company, Role
from taxonomy.models import ResearchArea, Skill, SkillSet, TaggedSkill
from taxonomy.notes import importer
from tests.conftest import REAL_NOTES

SMALL = """# Field
Intro.
+ skill set:
\t- Staff Formal Verification Engineer
\t- Experience with SystemVerilog and Python
\t- Knowledge of C/C++
+ skill set:
\t- BLAH.
"""


def table_state():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (ResearchArea, SkillSet, Skill, Role, Company, TaggedSkill)
    }


@pytest.mark.django_db
def test_real_notes_import_into_the_expected_rows(real_notes):
    report = real_notes

    assert ResearchArea.objects.count() == 88
    assert SkillSet.objects.count() == 1237
    assert SkillSet.objects.filter(is_placeholder=True).count() == 906
    assert SkillSet.objects.public().count() == 331
    assert Skill.objects.count() == 5256
    # Titles on a line of their own, in a set's label or in a sentence ("We are looking for a
    # Senior Software Engineer …").
    assert 140 <= Role.objects.count() <= 175
    assert report.tallies["areas"].created == 88
    stco = ResearchArea.objects.get(name="System-Technology Co-Optimization, STCO")
    assert stco.aliases == ["STCO"]
    # By heading level: "## Companies in the Semiconductor Industry" precedes it in the file.
    assert stco.parent.name == "Companies in the Semiconductor Industry"
    assert stco.level == 3
    circuit = ResearchArea.objects.get(name="Circuit Simulation")
    assert "Notes about Circuit Simulation" in circuit.notes
    assert not ResearchArea.objects.filter(name__startswith="Notes about").exists()
    mlops = ResearchArea.objects.get(name="MLOps, or ML Ops")
    assert mlops.aliases == ["ML Ops"]
    assert "BLAH" not in "".join(ResearchArea.objects.values_list("notes_html", flat=True))


@pytest.mark.django_db
def test_real_notes_link_roles_companies_and_technologies(real_notes):
    role = Role.objects.get(title="Principal Formal Verification Engineer")
    assert role.company.name == "Axiomise"
    assert role.skill_sets.get().company == role.company
    assert Role.objects.get(title="MLOps Engineer - Deep Learning & HPC").area.name.startswith(
        "MLOps"
    )
    assert Company.objects.get(name="Lattice Semiconductor").website == (
        "https://www.latticesemi.com/"
    )
    assert not Company.objects.filter(name__iexact="name").exists()
    assert Company.objects.filter(name="Autodesk AI Lab, Pier.9").exists()
    kubernetes_skills = Skill.objects.filter(tags__slug="kubernetes")
    assert kubernetes_skills.count() >= 20
    deep = Skill.objects.get(source_line=9601)  # "Apache Spark, … Elasticsearch" in a Tech Stack
    assert {"apache-spark", "elasticsearch"} <= set(deep.tags.values_list("slug", flat=True))
    assert deep.skill_set.parent is not None
    assert Skill.objects.filter(emphasized=True).exists()


@pytest.mark.django_db
def test_every_row_remembers_its_source_line(real_notes, real_notes_text):
    lines = real_notes_text.split("\n")
    for skill in Skill.objects.order_by("?")[:200]:
        assert skill.source_file == "notes.md"
        assert lines[skill.source_line - 1] == skill.source_text


@pytest.mark.django_db
def test_reimporting_an_unchanged_file_writes_nothing(real_notes, import_text, real_notes_text):
    before = table_state()
    with CaptureQueriesContext(connection) as queries:
        report = import_text(real_notes_text)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert not report.changed
    assert table_state() == before


@pytest.mark.django_db
def test_an_edited_line_updates_only_its_row(import_text):
    import_text(SMALL)
    skill = Skill.objects.get(text="Knowledge of C/C++")
    others = {s.pk: s.text for s in Skill.objects.exclude(pk=skill.pk)}

    report = import_text(SMALL.replace("Knowledge of C/C++", "Knowledge of Rust"))

    skill.refresh_from_db()
    assert skill.text == "Knowledge of Rust"
    assert list(skill.tags.values_list("slug", flat=True)) == ["rust"]
    assert {s.pk: s.text for s in Skill.objects.exclude(pk=skill.pk)} == others
    assert report.tallies["skills"].updated == 1
    assert report.tallies["skills"].created == report.tallies["skills"].deleted == 0


@pytest.mark.django_db
def test_lines_moving_keep_primary_keys(import_text):
    import_text(SMALL)
    before = table_state()
    import_text(SMALL.replace("Intro.\n", "Intro.\n\nA new paragraph.\n\n"))
    assert table_state() == before
    assert Skill.objects.get(text="Knowledge of C/C++").source_line == 9


@pytest.mark.django_db
def test_rows_edited_in_the_admin_are_kept(import_text):
    import_text(SMALL)
    skill = Skill.objects.get(text="Knowledge of C/C++")
    skill.text = "Knowledge of C and C++ (curated)"
    skill.save()
    role = Role.objects.get()
    role.title = "Staff FV Engineer"
    role.save()

    changed = SMALL.replace("Knowledge of C/C++", "Knowledge of C").replace(
        "\t- Experience with SystemVerilog and Python\n", ""
    )
    report = import_text(changed)

    skill.refresh_from_db()
    assert skill.text == "Knowledge of C and C++ (curated)"
    assert Role.objects.get(pk=role.pk).title == "Staff FV Engineer"
    assert report.tallies["skills"].kept >= 1
    assert any("curated" in entry for entry in report.kept)
    assert not Skill.objects.filter(text__startswith="Experience with SystemVerilog").exists()

    import_text("# Another field\n")  # the skill's set and field are gone from the notes
    assert Skill.objects.filter(pk=skill.pk).exists()
    assert ResearchArea.objects.filter(name="Field").exists()


@pytest.mark.django_db
def test_a_field_removed_from_the_notes_goes_with_its_skill_sets_roles_and_companies(
    import_text,
):
    import_text(SMALL + "## Other\n+ skill set:\n\t- Engineer at Acme\n\t- Go\n")
    assert Role.objects.count() == 2

    report = import_text(SMALL)

    assert report.kept == []
    assert list(ResearchArea.objects.values_list("name", flat=True)) == ["Field"]
    assert list(Role.objects.values_list("title", flat=True)) == [
        "Staff Formal Verification Engineer"
    ]
    assert not Skill.objects.filter(text="Go").exists()


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing(import_text, real_notes_text):
    report = import_text(real_notes_text, dry_run=True)
    assert report.tallies["skills"].created == 5256
    assert ResearchArea.objects.count() == 0
    assert SkillSet.objects.count() == 0


@pytest.mark.django_db
def test_a_failure_half_way_leaves_the_database_as_it_was(import_text, monkeypatch):
    import_text(SMALL)
    before = table_state()

    def explode(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer._Writer, "tags", explode)
    with pytest.raises(RuntimeError):
        import_text(SMALL.replace("Intro.", "# Second\nNew text.") + "# Third\n")
    assert table_state() == before


def run_command(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_notes", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue()


@pytest.mark.django_db
def test_command_prints_a_summary_table():
    output = run_command(str(REAL_NOTES))
    assert "skill sets" in output and "1,237" in output and "5,256" in output
    assert "placeholder skill sets: 906" in output
    output = run_command(str(REAL_NOTES))
    assert "unchanged since the last import" in output


@pytest.mark.django_db
def test_if_empty_imports_into_an_empty_database_only(tmp_path):
    assert "Imported notes.md." in run_command("--if-empty", str(REAL_NOTES))
    other = tmp_path / "other.md"
    other.write_text("# Something else\n")
    assert "already holds notes" in run_command("--if-empty", str(other))
    assert not ResearchArea.objects.filter(name="Something else").exists()
    assert ResearchArea.objects.count() == 88


def bad_inputs(tmp_path):
    big = tmp_path / "big.md"
    big.write_text("# A\n" + "x" * 2000 + "\n")
    cases = {
        "missing file": (tmp_path / "nope.md", [], "no such file"),
        "directory": (tmp_path / "empty-folder", [], "holds no *.md files"),
        "not utf-8": (tmp_path / "latin1.md", [], "notes.md:2: is not valid UTF-8"),
        "NUL bytes": (tmp_path / "nul.md", [], "contains NUL bytes"),
        "empty": (tmp_path / "empty.md", [], "the file is empty"),
        "too large": (big, ["--max-bytes", "1000"], "over the limit of 1,000"),
    }
    (tmp_path / "latin1.md").write_bytes("# A\ncaf\xe9\n".encode("latin-1"))
    (tmp_path / "nul.md").write_bytes(b"# A\nx\x00y\n")
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "empty.md").write_bytes(b"\xef\xbb\xbf\n\n")
    return cases


@pytest.mark.parametrize(
    "case",
    ["missing file", "directory", "not utf-8", "NUL bytes", "empty", "too large"],
)
def test_bad_input_exits_1_with_one_line_and_no_traceback(tmp_path, case):
    path, extra, message = bad_inputs(tmp_path)[case]
    message = message.replace("notes.md", "latin1.md")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_notes", str(path), *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert str(path.name) in lines[0]


def optional_tags(text: str) -> dict[str, bool]:
    return dict(
        TaggedSkill.objects.filter(content_object__text=text).values_list("tag__slug", "optional")
    )


@pytest.mark.django_db
def test_a_technology_named_only_in_an_optional_clause_is_tagged_optional(import_text):
    line = "Hands-on experience with Git, Docker (Kubernetes a plus), and YAML configuration."
    import_text(f"# Field\n+ skill set:\n\t- {line}\n\t- Kubernetes is a plus\n")

    assert Skill.objects.get(text=line).kind == Skill.Kind.REQUIREMENT
    assert optional_tags(line) == {"git": False, "docker": False, "kubernetes": True, "yaml": False}
    # A line optional throughout says so by its kind; none of its tags is singled out.
    assert Skill.objects.get(text="Kubernetes is a plus").kind == Skill.Kind.PREFERENCE
    assert optional_tags("Kubernetes is a plus") == {"kubernetes": False}


@pytest.mark.django_db
def test_a_tag_follows_its_line_from_optional_to_firm_on_reimport(import_text):
    import_text("# Field\n+ skill set:\n\t- Experience with Python; Docker a plus\n")
    assert TaggedSkill.objects.get(tag__slug="docker").optional

    report = import_text("# Field\n+ skill set:\n\t- Experience with Python; Docker\n")

    assert optional_tags("Experience with Python; Docker") == {"python": False, "docker": False}
    tally = report.tallies["technology tags"]
    assert (tally.created, tally.updated, tally.deleted, tally.unchanged) == (0, 1, 0, 1)


@pytest.mark.django_db
def test_a_company_named_before_its_product_is_not_the_employer(import_text):
    import_text(
        "# Cloud\n## Companies\n"
        "+ [Amazon](https://amazon.jobs)\n"
        "+ [Google](https://careers.google.com)\n"
        "+ [NVIDIA](https://nvidia.com)\n"
        "+ skill set:\n\t- Experience with Amazon Redshift and Google Cloud\n\t- NVIDIA GPUs\n"
        "+ skill set:\n\t- Build services that Google runs for its search\n"
    )
    first, second = SkillSet.objects.order_by("source_line")
    assert first.company is None
    assert second.company.name == "Google"


@pytest.mark.parametrize(
    ("listed", "lines", "employer"),
    [
        # Among others in a list.
        (
            [
                ("Google", "https://careers.google.com"),
                ("Juniper", "https://juniper.net"),
                ("Splunk", "https://splunk.com"),
            ],
            [
                "Python on premise or on Cloud (AWS, Google or Azure)",
                "Vendor Hardware Cisco, Juniper, NVIDIA, Avocent",
                "Monitoring and tracing tools like Splunk, SignalFx, or New Relic",
                "Manage the distribution of Splunk's instrumentation libraries",
            ],
            "Splunk",
        ),
        # With a product's acronym, or as its maker: corpus lower-level-roles/sw-dev-lower-
        # level/web-dev.md:2190, 2398 and 2523.
        (
            [("Amazon", "https://amazon.jobs")],
            [
                "Cloud Engines are Java-based runtimes deployed via an ***Amazon Machine Image "
                "(AMI)*** based on CentOS.",
                "We make use of Amazon WebServices (AWS) such as Athena, Glue, DynamoDB and S3.",
                "Message queuing service introduced by Amazon.com as a beta in late 2004",
                "Build services that Amazon runs for its stores",
            ],
            "Amazon",
        ),
    ],
)
@pytest.mark.django_db
def test_a_company_mentioned_in_passing_is_not_the_employer(import_text, listed, lines, employer):
    import_text(
        "# Cloud\n## Companies\n"
        + "".join(f"+ [{name}]({url})\n" for name, url in listed)
        + "".join(f"+ skill set:\n\t- {line}\n" for line in lines)
    )
    companies = [s.company for s in SkillSet.objects.order_by("source_line")]
    assert companies[:-1] == [None] * (len(lines) - 1)
    assert companies[-1].name == employer  # the last line names its employer
