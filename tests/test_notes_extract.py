"""Aliases from headings, job titles and companies: the pure helpers behind the planner."""

import hashlib

import pytest

from taxonomy.notes.companies import company_items
from taxonomy.notes.headings import aliases_from_heading
from taxonomy.notes.parser import split_lines
from taxonomy.notes.plan import fingerprint
from taxonomy.notes.roles import company_from_label, role_from_first_line


@pytest.mark.parametrize(
    ("heading", "aliases"),
    [
        ("System-Technology Co-Optimization, STCO", ["STCO"]),
        ("MLOps, or ML Ops", ["ML Ops"]),
        ("MLOps, or ML Ops, ModelOps, & AIOps", ["ML Ops"]),
        (
            "Static Timing Analysis (STA), and Statistical Static Timing Analysis (SSTA)",
            ["STA", "SSTA"],
        ),
        ("EDA, Electronic Design Automation", ["Electronic Design Automation"]),
        ("Applied Machine Learning, Applied ML", ["Applied ML"]),
        ("Numerical EDA, other than circuit simulation", []),
        ("EDA, AI, (Applied) Machine Learning, MLOps, Data Science", []),
    ],
)
def test_aliases_from_heading(heading, aliases):
    assert aliases_from_heading(heading) == aliases


@pytest.mark.parametrize(
    ("line", "title", "company", "location"),
    [
        (
            "Principal Formal Verification Engineer",
            "Principal Formal Verification Engineer",
            "",
            "",
        ),
        ("Data Scientist, Generative AI", "Data Scientist, Generative AI", "", ""),
        ("MLOps Engineer - Deep Learning & HPC", "MLOps Engineer - Deep Learning & HPC", "", ""),
        (
            "Senior Software Engineer · ASML · United States",
            "Senior Software Engineer",
            "ASML",
            "United States",
        ),
        ("NLP/ML Lead at SciSpace (Formerly Typeset)", "NLP/ML Lead", "SciSpace", ""),
    ],
)
def test_job_titles_are_recognised(line, title, company, location):
    role = role_from_first_line(line)
    assert (role.title, role.company, role.location) == (title, company, location)


@pytest.mark.parametrize(
    "line",
    [
        "Experience with designing large-scale distributed systems",
        "develop distributed training infrastructure",
        "Salesforce Research and Einstein.AI are looking for deep learning engineers",
        "Proficient in SQL/Hive",
        "Associate Data Scientist (Internship):",
    ],
)
def test_requirement_lines_are_not_job_titles(line):
    assert role_from_first_line(line) is None


def test_a_label_can_name_the_company():
    label = "skill set for ***Autodesk AI Lab, Pier.9 at San Francisco***"
    assert company_from_label(label) == "Autodesk AI Lab, Pier.9"
    assert company_from_label("skill set for machine learning architect") is None


def test_company_lists_yield_companies_but_not_placeholders_or_list_links():
    lines = split_lines(
        "List of semiconductor companies:\n"
        "+ [Lattice Semiconductor](https://www.latticesemi.com/)\n"
        "+ FPGA companies\n"
        "\t- [QuickLogic Corporation](https://www.quicklogic.com/)\n"
        "\t- [NAME](URL)\n"
        "+ [From Wikipedia, list of IDMs](https://en.wikipedia.org/wiki/IDM)\n"
        "Unrelated paragraph:\n"
        "+ Axiomise: https://www.axiomise.com/careers/\n"
    )
    items = company_items(lines, area_lists_companies=False)
    assert [(i.name, i.line.number) for i in items] == [
        ("Lattice Semiconductor", 2),
        ("QuickLogic Corporation", 4),
    ]


def test_fingerprints_never_change_their_text():
    # Every imported row stores one; a new spelling would make every row look edited.
    assert (
        fingerprint("Knowledge of C/C++", False, False, ("c", "cpp"))
        == hashlib.sha1(b'["Knowledge of C/C++",false,false,["c","cpp"]]').hexdigest()
    )
    assert fingerprint("한국어") == hashlib.sha1('["한국어"]'.encode()).hexdigest()
