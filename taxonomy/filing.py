"""Which sections the notes file under a field besides its sub-headings: a pure rule.

The author does not always nest a field's topics under its heading. In the EDA notes,
"## EDA, Electronic Design Automation" holds general skills, and its sub-topics, roles and
companies follow it as *sibling* headings at the same level:

    ## EDA, Electronic Design Automation
    ## Companies in the Semiconductor Industry
    ### Machine Learning for EDA / ### STCO / … / ### Other EDA topics / ### Hardware Security
    ## Additional Information about EDA
    ## Generic Skill Sets for Lower-Level EDA Software Development
    ## VLSI Deep Learning & Embedded Deep Learning
    ## Application engineers of different EDA products

The rule: a section is filed under a field when it comes *later* among the field's siblings
(the same parent heading; at the top, the same notes file) and its heading, or the heading
of one of its direct sub-headings, *names* the field: holds one of the field's names as
whole words, in any case, and not to set it apart ("Numerical EDA, other than circuit
simulation" does not name Circuit Simulation; "except", "excluding", "non-" neither). A
field's names are the first comma-separated part of its heading
("EDA" of "EDA, Electronic Design Automation") and its aliases ("Electronic Design
Automation", "STCO", "ML").

So under EDA: "Companies in the Semiconductor Industry" (its sub-headings "Machine Learning
for EDA", "Low-Power EDA", "Other EDA topics" name EDA), "Additional Information about EDA",
"Generic Skill Sets for … EDA …" and "Application engineers of different EDA products"; not
"VLSI Deep Learning & Embedded Deep Learning", a field of its own that names no EDA, nor
"Important Information about Innovation Management", which comes before. Across the other
files it files "Memory VLSI Verification & Testing" under "VLSI Verification", "Companies
Involved in Market Research …" under "Market Research …", and "Applied Machine Learning"
under "Machine Learning"; neighbours that merely share a file ("DevOps", "Site Reliability
Engineering", "DevSecOps"; "Analog IC Design", "RFIC Design") stay apart.

Only sections filed directly count, not sections filed under those: a field's area is its
own subtree and the subtrees of its filed sections, which never overlap one another.

Cost: per group of siblings, each word of each heading is looked up among the first words
of the group's names, and only the runs as long as a name starting with it are looked up
among the names; each field then looks its names up. About linear in the words of the
headings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
# Words just before a name that set it apart rather than name it.
_APART = frozenset({("other", "than"), ("apart", "from"), ("except",), ("excluding",), ("non",)})
# Names longer than this are whole sentences, which no other heading repeats.
MAX_NAME_WORDS = 12

Words = tuple[str, ...]


def words_of(text: str) -> Words:
    return tuple(_WORD.findall(text.casefold()))


def field_names(name: str, aliases: Iterable[str] = ()) -> frozenset[Words]:
    """A heading's names as runs of words: its first comma-separated part and its aliases."""
    names = {words_of(text) for text in [name.split(",", 1)[0], *aliases]}
    return frozenset(words for words in names if 0 < len(words) <= MAX_NAME_WORDS)


@dataclass(frozen=True, slots=True)
class Section:
    """One heading among its siblings: ``key`` identifies it; ``headings`` are the words
    (``words_of``) of its own heading followed by those of its direct sub-headings."""

    key: Hashable
    names: frozenset[Words]
    headings: tuple[Words, ...]


def _sets_apart(before: Words) -> bool:
    return before[-1:] in _APART or before[-2:] in _APART


def filed_under(siblings: list[Section]) -> dict[Hashable, list[Hashable]]:
    """For each of ``siblings`` (in document order) that has any, the later siblings filed
    under it, in order."""
    names = {name for section in siblings for name in section.names}
    lengths: dict[str, set[int]] = defaultdict(set)  # a first word → its names' lengths
    for name in names:
        lengths[name[0]].add(len(name))
    naming: dict[Words, set[int]] = defaultdict(set)  # a name → the siblings that hold it
    for index, section in enumerate(siblings):
        for words in section.headings:
            for start, word in enumerate(words):
                for length in lengths.get(word, ()):
                    run = words[start : start + length]
                    if run in names and not _sets_apart(words[:start]):
                        naming[run].add(index)
    filed = {}
    for index, section in enumerate(siblings):
        later = sorted({i for name in section.names for i in naming.get(name, ()) if i > index})
        if later:
            filed[section.key] = [siblings[i].key for i in later]
    return filed
