"""The front matter a saved posting may open with: YAML between ``---`` lines, TOML between
``+++`` lines (static sites, job boards, notes vaults).

Only ``key: value`` (YAML) and ``key = value`` (TOML) lines are read, which is all a
posting's front matter holds that Fieldnotes uses, and a YAML mapping's keys one level down
as ``parent.key`` (schema.org's ``hiringOrganization:`` with its ``name:`` under it); lists
and deeper tables are skipped. No YAML library is needed for that, and none would be safe
to run on any text a person saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_FENCES = {
    "---": re.compile(r"^(?P<key>[^:#\s][^:]{0,60}?)\s*:\s*(?P<value>.*?)\s*$"),
    "+++": re.compile(r"^(?P<key>[^=#\s][^=]{0,60}?)\s*=\s*(?P<value>.*?)\s*$"),
}
_MAX_LINES = 200
_JOINS = re.compile(r"[\s_-]+")
# What trackers and blogs put around a title: "[Tech] Data Engineer", "Job: MVNO Engineer",
# "웹 개발자 채용 공고" (a web developer hiring notice).
_TAG = re.compile(r"^(?:\[[^\]]{1,20}\]|(?:job|position|role|hiring|opening)\s*:)\s*", re.I)
# "풀 스택 프로그래머를 모집합니다.", "DevOps & Kubernetes engineer job opening".
_NOTICE = re.compile(
    r"\s*(?:채용\s*공고|(?:(?<=[\uac00-\ud7af])[을를]\s*)?(?:채용|모집)(?:합니다)?|募集(?:要項)?|"
    r"を募集します|job (?:opening|posting|ad))[.!]?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class FrontMatter:
    # key as ``key_of`` gives it → unquoted value; "parent.key" for a key nested one level in
    # a mapping
    values: dict[str, str] = field(default_factory=dict)
    line_count: int = 0  # lines it takes, fences included; 0 without front matter
    # (line number, key, value as written) of each top-level key, lists and blocks too
    keys: list[tuple[int, str, str]] = field(default_factory=list)

    def first(self, *keys: str) -> str:
        for key in keys:
            value = self.values.get(key)
            if value:
                return value
        return ""


def unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def key_of(written: str) -> str:
    """A key as it is looked up: casefolded, without the marks that join its words, so
    "companyName", "company-name" and "company_name" are one key, "companyname"."""
    return _JOINS.sub("", unquote(written).casefold())


def read_front_matter(lines: list[str]) -> FrontMatter:
    """The front matter at the top of ``lines`` (each without its line ending), if any."""
    if not lines or lines[0].strip() not in _FENCES:
        return FrontMatter()
    fence = lines[0].strip()
    pair = _FENCES[fence]
    values: dict[str, str] = {}
    keys: list[tuple[int, str, str]] = []
    parent = ""  # the last top-level key without a value: a mapping's, perhaps
    for number, line in enumerate(lines[1:_MAX_LINES], start=2):
        if line.strip() == fence:
            return FrontMatter(values, number, keys)
        stripped = line.lstrip(" \t")
        match = pair.match(stripped)
        if not match or stripped.startswith("-"):  # a list's item
            continue
        key, value = key_of(match.group("key")), unquote(match.group("value"))
        if line.startswith((" ", "\t")):
            if not parent or fence != "---":
                continue
            key = f"{parent}.{key}"  # "hiringOrganization:" then "  name: Jump Trading"
        else:
            keys.append((number, match.group("key"), match.group("value")))
            parent = "" if value else key
        # A flow list or table ("[a, b]", "{…}") is skipped; "[Tech] Data Engineer" is not.
        is_list = value.startswith("{") or (value.startswith("[") and value.endswith("]"))
        if value and not is_list:
            values.setdefault(key, value)
    return FrontMatter()  # no closing fence: an ordinary rule, not front matter


# A block scalar's indicator after its key: "responsibilities: |-" and the lines under it.
_BLOCK = re.compile(r"^[|>][+-]?$")


def section_lines(
    lines: list[str], front: FrontMatter, opens: Callable[[str], bool]
) -> dict[int, str]:
    """The lines of a front matter to read as the posting's own: a key that ``opens`` a
    section ("responsibilities:", "qualifications:") and the list under it, as a notes vault
    keeps a whole posting in its front matter. ``{line number: text}``."""
    kept: dict[int, str] = {}
    ends = [number for number, _, _ in front.keys[1:]] + [front.line_count]
    for (number, key, value), end in zip(front.keys, ends, strict=True):
        if opens(unquote(key)):
            kept[number] = f"{key}:" if _BLOCK.match(value) else lines[number - 1]
            kept.update((under, lines[under - 1]) for under in range(number + 1, end))
    return kept


def clean_title(value: str) -> str:
    """A front matter title without the tag a tracker puts first: "[Tech] Data Engineer"."""
    return _NOTICE.sub("", _TAG.sub("", value)).strip()
