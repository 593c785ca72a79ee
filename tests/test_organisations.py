import pytest

from postings.models import Company
from taxonomy.organisations import ASSOCIATION, COMPANY, JOB_BOARD, UNIVERSITY, organisation_kind
from tests.conftest import migrate_to, migrate_to_latest

# The notes' own list of "EDA companies" (fixtures/notes.md, "EDA Companies").
LISTED = [
    ("SEMI", "http://www.semi.org/en/Membership/MemberDirectory", ASSOCIATION),
    ("Silicon Integration Initiative, Inc.", "https://si2.org/member-directory/", ASSOCIATION),
    ("Accellera Systems Initiative", "https://www.accellera.org/about/members", ASSOCIATION),
    ("Global Semiconductor Alliance", "https://www.gsaglobal.org/membership/", ASSOCIATION),
    ("Semiconductor Research Corporation", "https://www.src.org/src/member/roster/", ASSOCIATION),
    ("Semiconductor Industry Association", "https://www.semiconductors.org/", ASSOCIATION),
    ("MIPI Allliance", "https://www.mipi.org/membership/all-member-directory", ASSOCIATION),
    ("SNIA", "https://www.snia.org/member_com/member_directory", ASSOCIATION),
    ("Open Compute Project (OCP)", "https://www.opencompute.org/membership/", ASSOCIATION),
    ("TechJobsCafe", "https://techjobscafe.com/employer_top.php", JOB_BOARD),
    ("Georgia Institute of Technology", "https://www.gatech.edu/", UNIVERSITY),
    ("Achronix Semiconductor Corporation", "https://www.achronix.com/company/careers", COMPANY),
    ("Toyota Research Institute", "", COMPANY),
    ("Lattice Semiconductor", "https://www.latticesemi.com/", COMPANY),
]
# Listed in ../shared/corpus: other-info/skill-set-n.md ("List of Companies/Jobs") and
# interesting-markets/bio-biochem-biotech-pharma.md.
LISTED_IN_THE_CORPUS = [
    ("VentureLoop", "https://www.ventureloop.com/ventureloop/aboutus.php", JOB_BOARD),
    ("Wellfound (formerly AngelList Talent)", "", JOB_BOARD),
    (
        "Women in Machine Learning and Data Science (WiMLDS): New York, NY",
        "http://wimlds.org/jobs/#",
        ASSOCIATION,
    ),
    ("opentrons", "https://opentrons.com/jobs", COMPANY),  # an employer's own jobs page
]


@pytest.mark.parametrize(("name", "url", "kind"), LISTED + LISTED_IN_THE_CORPUS)
def test_member_directories_and_job_boards_are_not_employers(name, url, kind):
    assert organisation_kind(name, url) == kind


@pytest.mark.django_db
def test_the_companies_page_lists_employers_and_the_others_apart(client, real_notes):
    semi = Company.objects.get(name="SEMI")
    assert semi.kind == Company.Kind.ASSOCIATION
    assert Company.objects.get(name="TechJobsCafe").kind == Company.Kind.JOB_BOARD
    page = client.get("/companies/").content.decode()
    employers, _, others = page.partition("Other organisations")
    assert "TechJobsCafe" not in employers and "TechJobsCafe" in others
    assert "Lattice Semiconductor" in employers
    assert not semi.skill_sets.exists()  # no posting is filed under a member directory


@pytest.mark.django_db
def test_a_company_listed_without_a_link_is_a_company(real_notes):
    # "+ FPGA companies" > "- AMD/Xilinx", "- Intel Altera" in the seed notes.
    assert Company.objects.filter(name__in=["AMD/Xilinx", "Intel Altera"]).count() == 2


def test_the_stored_kinds_are_the_organisation_kinds():
    assert list(Company.Kind.values) == [COMPANY, ASSOCIATION, JOB_BOARD, UNIVERSITY]


@pytest.mark.django_db(transaction=True)
def test_upgrading_reclassifies_what_the_old_rules_misread_and_keeps_chosen_kinds():
    apps = migrate_to([("postings", "0007_heading_levels")])
    companies = apps.get_model("postings", "Company").objects
    for n, (name, url, kind) in enumerate(
        [
            ("opentrons", "https://opentrons.com/jobs", JOB_BOARD),  # as 0005 classified them
            ("VentureLoop", "https://www.ventureloop.com/", COMPANY),
            ("Synbiobeta", "https://synbiobeta.com/job-board/", JOB_BOARD),
            ("Kestrel Institute", "https://www.kestrel.edu/research/", COMPANY),  # chosen
            ("Acme Robotics", "https://acme.example/jobs", UNIVERSITY),  # chosen
        ]
    ):
        companies.create(name=name, slug=f"c{n}", website=url, kind=kind)

    apps = migrate_to([("postings", "0008_reclassify_jobs_pages_and_boards")])
    kinds = dict(apps.get_model("postings", "Company").objects.values_list("name", "kind"))
    assert kinds == {
        "opentrons": COMPANY,
        "VentureLoop": JOB_BOARD,
        "Synbiobeta": JOB_BOARD,
        "Kestrel Institute": COMPANY,
        "Acme Robotics": UNIVERSITY,
    }
    migrate_to_latest()
