"""The Markdown description of a role: the parts of its posting that are not skills.

What the company is, perks, the hiring process and lines outside any section are kept
(nothing the person saved is dropped) as a list under each section's label, whatever the
posting's own format was, so plain-text and Markdown postings read alike.
"""

from __future__ import annotations

import re

from postings.parsing.parser import Item, ParsedRole

# A line that would open a block of its own inside a list item ("# 1", "1. …", "> …").
_BLOCK_START = re.compile(r"^(?:#|>|[-+*](?:\s|$)|\d+[.)](?:\s|$))")


def description_markdown(role: ParsedRole) -> str:
    blocks = []
    if role.loose:
        blocks.append(_bullets(role.loose))
    for section in role.description_sections:
        blocks.append(f"### {_escaped(section.label)}")
        if section.intro:
            blocks.append(_bullets(section.intro))
        if section.items:
            blocks.append(_bullets(section.items))
    return "\n\n".join(blocks)


def _bullets(items: list[Item], depth: int = 0) -> str:
    lines = []
    for item in items:
        lines.append(f"{'  ' * depth}- {_escaped(item.text)}")
        if item.children:
            lines.append(_bullets(item.children, depth + 1))
    return "\n".join(lines)


def _escaped(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text
