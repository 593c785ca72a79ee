"""Reading saved job postings (Markdown or plain text, English, Korean or Japanese).

Pure Python: ``parse_posting`` turns text into roles, sections and facts; the ``postings``
app's importer files them in the database.
"""

from postings.parsing.facts import Fact
from postings.parsing.labels import SectionKind, classify
from postings.parsing.parser import (
    Item,
    ParsedPosting,
    ParsedRole,
    PostingSyntaxError,
    Section,
    parse_posting,
)

__all__ = [
    "Fact",
    "Item",
    "ParsedPosting",
    "ParsedRole",
    "PostingSyntaxError",
    "Section",
    "SectionKind",
    "classify",
    "parse_posting",
]
