import pytest

from taxonomy.line_kinds import LineKind, is_optional, line_kind, line_kinds

REQ, PREF, DUTY, ABOUT, OTHER = (
    LineKind.REQUIREMENT,
    LineKind.PREFERENCE,
    LineKind.DUTY,
    LineKind.ABOUT,
    LineKind.OTHER,
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Must be fluent in Python, other languages are a plus", REQ),
        ("Experience with Kubernetes is a plus", PREF),
        ("Knowledge of Verilog is an asset", PREF),
        ("Experience with CUDA would be beneficial", PREF),
        ("Familiarity with Rust will be appreciated", PREF),
        ("[Plus] Publications at top ML venues", PREF),
        ("Experience in Spark will be plus", PREF),
        ("Able to take advantage of cloud resources to train models", REQ),
        ("Design and implement ML pipelines for production", DUTY),
        ("You will own the training infrastructure", DUTY),
        ("Two Sigma is a financial sciences company, relentless in our pursuit", ABOUT),
        ("We are a small team building compilers for AI chips", ABOUT),
        ("https://jobs.example.com/123", OTHER),
        ("Pay: $115,000.00 - $145,000.00 per year", OTHER),
        ("5+ years of experience with C++", REQ),
    ],
)
def test_a_line_reads_as_what_it_is(line, kind):
    assert line_kind(line) is kind


def test_a_job_title_opening_the_set_is_other():
    assert line_kind("Principal Formal Verification Engineer", first=True) is OTHER


def test_labels_give_their_kind_to_the_lines_under_and_after_them():
    lines = [
        ("Qualifications:", None, 0),
        ("PhD in Computer Science", 0, 1),
        ("Preferred qualifications:", None, 0),
        ("Publications at NeurIPS", None, 0),
        ("Experience with JAX", None, 0),
        ("Responsibilities:", None, 0),
        ("Train large models", 5, 1),
    ]
    assert line_kinds(lines) == [OTHER, REQ, OTHER, PREF, PREF, OTHER, DUTY]


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Go is a plus",
        "Knowledge of Kafka would be a big plus",
        "M.S. or Ph.D. preferred",
        "Excellent programming skills, preferably in Python",
        "Nice to have: Terraform",
        "Ideally, some Rust",
        "Spark experience is desirable",
        "Kubernetes 경험자 우대",
    ],
)
def test_optional_wording_is_recognised(line):
    assert is_optional(line)


@pytest.mark.parametrize(
    "line",
    [
        "5+ years of Python",
        "Experience with C plus a scripting language",
        "Strong communication skills",
        "Ideal for a self-starter",
    ],
)
def test_plain_requirements_are_not_optional(line):
    assert not is_optional(line)


def test_the_stored_kinds_are_the_line_kinds():
    from taxonomy.models import Skill

    assert list(Skill.Kind.values) == [kind.value for kind in LineKind]
