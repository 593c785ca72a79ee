"""Which sibling sections the notes file under a field (taxonomy.filing), on the real files."""

import time
from pathlib import Path

import pytest

from taxonomy.filing import Section, field_names, filed_under, words_of
from taxonomy.notes.headings import aliases_from_heading
from taxonomy.notes.parser import parse_notes


def filings(text: str) -> set[tuple[str, str]]:
    """(field, section filed under it) of every group of sibling headings in ``text``."""
    document = parse_notes(text)
    groups: dict[int, list] = {}
    for area in document.areas:
        groups.setdefault(id(area.parent), []).append(area)
    found = set()
    for siblings in groups.values():
        by_key = {id(area): area for area in siblings}
        sections = [
            Section(
                id(area),
                field_names(area.name, aliases_from_heading(area.name)),
                (words_of(area.name), *(words_of(child.name) for child in area.children)),
            )
            for area in siblings
        ]
        for field, filed in filed_under(sections).items():
            found.update((by_key[field].name, by_key[key].name) for key in filed)
    return found


def real_files(shared: Path) -> list[Path]:
    return [shared / "seeds" / "notes.md", *sorted((shared / "corpus").rglob("*.md"))]


EDA = "EDA, Electronic Design Automation"
EDA_SECTIONS = {
    "Companies in the Semiconductor Industry",  # its sub-headings name EDA
    "Additional Information about EDA",
    "Generic Skill Sets for Lower-Level EDA Software Development",
    "Application engineers of different EDA products",
}


def test_the_eda_notes_file_its_companies_and_other_sections_under_it_in_every_version(shared):
    versions = [shared / "seeds" / "notes.md"]
    versions += sorted((shared / "corpus" / "eda-ai-ml-history").glob("*.md"))
    for path in versions:
        under_eda = {s for f, s in filings(path.read_text(encoding="utf-8")) if f == EDA}
        assert under_eda == EDA_SECTIONS, path.name


def test_a_field_of_its_own_and_earlier_sections_are_not_filed_under_eda(shared):
    found = filings((shared / "seeds" / "notes.md").read_text(encoding="utf-8"))
    assert (EDA, "VLSI Deep Learning & Embedded Deep Learning") not in found
    assert (EDA, "Important Information about Innovation Management") not in found


def test_a_heading_that_sets_a_field_apart_is_not_filed_under_it(shared):
    found = filings((shared / "seeds" / "notes.md").read_text(encoding="utf-8"))
    assert ("Circuit Simulation", "Numerical EDA, other than circuit simulation") not in found
    assert (
        filed_under(
            [
                Section(1, field_names("Circuit Simulation"), (words_of("Circuit Simulation"),)),
                Section(
                    2,
                    field_names("Numerical EDA"),
                    (words_of("Numerical EDA, except circuit simulation"),),
                ),
                Section(3, field_names("Non-EDA"), (words_of("Non-Circuit Simulation tools"),)),
            ]
        )
        == {}
    )


def test_every_real_file_files_only_later_siblings_that_name_the_field(shared):
    for path in real_files(shared):
        document = parse_notes(path.read_text(encoding="utf-8"))
        order = {area.name: index for index, area in enumerate(document.areas)}
        for field, section in filings(path.read_text(encoding="utf-8")):
            assert order[section] > order[field], (path.name, field, section)


def test_neighbouring_fields_of_the_corpus_stay_apart_and_named_ones_are_filed(shared):
    corpus = shared / "corpus" / "skill-set"
    devops = filings(
        (corpus / "lower-level-roles/sw-dev-lower-level/devops-devsecops-itops.md").read_text()
    )
    assert not {f for f, _ in devops}  # DevOps, SRE, DevSecOps, ITOps … are peers
    analog = filings(
        (corpus / "semiconductor-industry/analog-ic-rfic-mm-wavelength-ic.md").read_text()
    )
    assert not analog  # Analog IC Design, RFIC Design, Millimeter-Wave IC Design
    verification = filings(
        (corpus / "semiconductor-industry/vlsi-verification-testing-n-validation.md").read_text()
    )
    assert verification == {("VLSI Verification", "Memory VLSI Verification & Testing")}


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        ("EDA, Electronic Design Automation", {("eda",), ("electronic", "design", "automation")}),
        ("Machine Learning, ML", {("machine", "learning"), ("ml",)}),
        ("Technology CAD, TCAD", {("technology", "cad"), ("tcad",)}),
    ],
)
def test_a_fields_names_are_its_first_part_and_its_aliases(heading, names):
    assert field_names(heading, aliases_from_heading(heading)) == names


def test_filing_many_siblings_costs_about_the_words_of_their_headings():
    siblings = [
        Section(
            i, field_names(f"Topic {i}"), (words_of(f"Notes on topic {i - 1} and topic {i + 1}"),)
        )
        for i in range(20_000)
    ]
    started = time.perf_counter()
    filed = filed_under(siblings)
    assert time.perf_counter() - started < 5  # comparing every pair would take minutes
    assert filed[5] == [6] and filed[6] == [7] and len(filed) == 19_999
