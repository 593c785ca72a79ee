import pytest

from postings.models import Company
from taxonomy.organisations import ASSOCIATION, COMPANY, JOB_BOARD, UNIVERSITY, organisation_kind

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


@pytest.mark.parametrize(("name", "url", "kind"), LISTED)
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
