"""A role page's skill tree renders whatever the database holds: rows imported before the
nesting bound, or written in the admin, may nest far deeper than an import now allows."""

from html.parser import HTMLParser

import pytest

from postings.models import Role
from taxonomy.models import ResearchArea, Skill, SkillSet

pytestmark = pytest.mark.django_db


class SkillDepths(HTMLParser):
    """(list depth, text) of each skill on a page, from its nested ``<ul class="skills">``."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.open_items = 0
        self.in_text = False
        self.skills: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("class") == "skills":
            self.depth += 1
        elif tag == "li" and self.depth:
            self.open_items += 1
        elif tag == "span" and attrs.get("class") == "skill-text":
            self.in_text = True

    def handle_endtag(self, tag):
        if tag == "ul" and self.depth:
            self.depth -= 1
        elif tag == "li" and self.depth:
            self.open_items -= 1
        elif tag == "span" and self.in_text:
            self.in_text = False

    def handle_data(self, data):
        if self.in_text and data.strip():
            self.skills.append((self.depth, data.strip()))


def role_with_skills(shape: list[tuple[str, str | None]]) -> Role:
    """A role whose skill set holds ``(text, parent text)`` rows, written straight to the
    database as the admin or an older import could have."""
    area = ResearchArea.objects.create(name="Deep field", slug="deep-field")
    role = Role.objects.create(title="Deep Engineer", slug="deep-engineer", area=area)
    skill_set = SkillSet.objects.create(area=area, role=role, label="skill set")
    rows: dict[str, Skill] = {}
    for position, (text, parent) in enumerate(shape):
        rows[text] = Skill.objects.create(
            skill_set=skill_set,
            parent=rows[parent] if parent else None,
            position=position,
            text=text,
            text_html=text,
        )
    return role


def rendered(client, role: Role) -> SkillDepths:
    response = client.get(role.get_absolute_url())
    assert response.status_code == 200
    page = SkillDepths()
    page.feed(response.content.decode())
    assert page.depth == 0 and page.open_items == 0  # every list and item closed
    return page


def test_a_skill_tree_a_thousand_deep_in_the_database_renders_every_line_at_its_depth(client):
    chain = [(f"line {n}", f"line {n - 1}" if n else None) for n in range(1000)]
    page = rendered(client, role_with_skills(chain))
    assert page.skills == [(n + 1, f"line {n}") for n in range(1000)]


def test_branches_close_back_to_their_own_level(client):
    shape = [
        ("a", None),
        ("a.1", "a"),
        ("a.1.x", "a.1"),
        ("a.2", "a"),
        ("b", None),
        ("b.1", "b"),
        ("b.1.x", "b.1"),
        ("b.1.x.y", "b.1.x"),
        ("c", None),
    ]
    page = rendered(client, role_with_skills(shape))
    assert page.skills == [(text.count(".") + 1, text) for text, _parent in shape]


def test_skills_on_a_cycle_of_parent_links_are_left_out_without_hanging(client):
    role = role_with_skills([("root", None), ("p", None), ("q", "p")])
    p, q = Skill.objects.get(text="p"), Skill.objects.get(text="q")
    p.parent = q
    p.save()
    assert rendered(client, role).skills == [(1, "root")]
