"""What kind of organisation a listed name is: an employer, an industry body, a job board or
a university (pure Python, no Django).

The notes list employers beside the member directories of industry associations ("SEMI:
…/MemberDirectory", "Global Semiconductor Alliance"), job boards ("TechJobsCafe") and
universities; only employers are shown as companies that hire. A name's own words decide
("Alliance", "Association", "Initiative", "University"), else the link it is listed with
(a member directory or roster is an association's, a .edu address a university's).
"""

from __future__ import annotations

import re

COMPANY = "company"
ASSOCIATION = "association"
JOB_BOARD = "job board"
UNIVERSITY = "university"

_JOB_BOARD_NAME = re.compile(
    r"jobs|careers?\s*(?:cafe|board|site)|job\s*board|indeed|glassdoor|monster\b|dice\b|"
    r"ziprecruiter|wanted\b|jobkorea|saramin|rocketpunch|\bremotewlb\b|"
    # Boards for start-ups' jobs, known by name: "Wellfound (formerly AngelList Talent)",
    # "[VentureLoop](https://www.ventureloop.com/…/aboutus.php)".
    r"wellfound|angellist|angel\.co\b|ventureloop|workatastartup|weworkremotely|remoteok",
    re.IGNORECASE,
)
_ASSOCIATION_NAME = re.compile(
    r"\b(?:alliance|allliance|association|consortium|initiative|society|council|foundation|"
    r"forum|federation|coalition|organi[sz]ation|project|institute of electrical|ieee|"
    r"women in|"  # a community: "Women in Machine Learning and Data Science (WiMLDS)"
    r"accellera|semi|semiconductor research corporation|sematech)\b",
    re.IGNORECASE,
)
_UNIVERSITY_NAME = re.compile(
    r"\b(?:university|universit[éeä]t?|college|institute of technology|école|polytechni\w*|"
    r"national laborator(?:y|ies)|national lab|kaist|postech|eth zurich|epfl|\w+ tech\b)",
    re.IGNORECASE,
)
_MEMBER_LINK = re.compile(
    r"member(?:ship)?[-_ ]?(?:directory|list|roster)|memberdirectory|/members?(?:/|$|\?)|"
    r"/roster|/membership",
    re.IGNORECASE,
)
# A board's page for employers, or a board by its path. A link to a jobs page says nothing:
# "[opentrons](https://opentrons.com/jobs)" is an employer's own.
_JOB_BOARD_LINK = re.compile(r"employer_top|job-?board", re.IGNORECASE)
_UNIVERSITY_LINK = re.compile(r"^https?://[^/]+\.(?:edu|ac\.[a-z]{2})(?:/|$)", re.IGNORECASE)


def organisation_kind(name: str, url: str = "") -> str:
    """``COMPANY``, ``ASSOCIATION``, ``JOB_BOARD`` or ``UNIVERSITY``."""
    if _JOB_BOARD_NAME.search(name) or _JOB_BOARD_LINK.search(url):
        return JOB_BOARD
    if _UNIVERSITY_NAME.search(name) or _UNIVERSITY_LINK.search(url):
        return UNIVERSITY
    if _ASSOCIATION_NAME.search(name) or _MEMBER_LINK.search(url):
        return ASSOCIATION
    return COMPANY
