"""The home page groups top-level fields by the folder of the notes file they come from."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy.models import NotesSource, ResearchArea
from taxonomy.notes.importer import NotesFile, import_library
from taxonomy.views import HOME_BELOW, HOME_FIELDS

pytestmark = pytest.mark.django_db


def notes(*fields: str) -> str:
    return "".join(
        f"# {name}\n+ skill set:\n\t- Senior {name} Engineer\n\t- Python and SQL\n## {name} tools\n"
        for name in fields
    )


LIBRARY = [
    # Given out of order: the page sorts them.
    NotesFile("semiconductor-industry/vlsi-design.md", notes("Physical Design", "Verification")),
    NotesFile("lower-level-roles/sw-dev-lower-level/embedded.md", notes("Firmware")),
    NotesFile("semiconductor-industry/eda.md", notes("EDA Tools")),
    NotesFile("notes.md", notes("Web Development", "Data Science")),
]


def home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def fields_in(html: str) -> list[str]:
    return re.findall(r'class="field-name" href="[^"]+">([^<]+)</a>', html)


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find('<section class="folder"', start + 1)
    return html[start : end if end != -1 else html.index("</section>", start)]


def test_folders_are_sections_in_folder_order_with_headings_and_anchors(client):
    import_library(files=LIBRARY)
    html = home(client)

    anchors = re.findall(r'<section class="folder" id="(folder-[^"]+)"', html)
    assert anchors == [
        "folder-lower-level-roles-sw-dev-lower-level",
        "folder-semiconductor-industry",
    ]
    assert re.findall(r'<h3 id="folder-[^"]+-heading">([^<]+)</h3>', html) == [
        "lower-level-roles / sw-dev-lower-level/",
        "semiconductor-industry/",
    ]
    for anchor in anchors:
        assert f'aria-labelledby="{anchor}-heading"' in html
    # Each file links to its folder's section.
    for source in NotesSource.objects.all():
        assert f'id="{source.get_absolute_url().partition("#")[2]}"' in html
    assert html.index('id="folder-top"') < html.index(f'id="{anchors[0]}"')

    # Top-level files first, then folders; within a folder, files by path, fields in order.
    assert fields_in(html) == [
        "Web Development",
        "Data Science",
        "Firmware",
        "EDA Tools",
        "Physical Design",
        "Verification",
    ]


def test_fields_stand_under_their_folder_with_their_sub_fields(client):
    import_library(files=LIBRARY)
    html = home(client)

    semiconductors = section(html, "folder-semiconductor-industry")
    assert fields_in(semiconductors) == ["EDA Tools", "Physical Design", "Verification"]
    # The sub-field notes nothing, so it shows only when empty fields are asked for.
    assert 'href="/fields/physical-design-tools/"' not in semiconductors
    every = section(client.get("/?empty=1").content.decode(), "folder-semiconductor-industry")
    assert 'href="/fields/physical-design-tools/"' in every
    assert "Firmware" not in semiconductors and "Web Development" not in semiconductors

    embedded = section(html, "folder-lower-level-roles-sw-dev-lower-level")
    assert fields_in(embedded) == ["Firmware"]

    top = html[html.index('id="folder-top"') : html.index('<section class="folder"')]
    assert fields_in(top) == ["Web Development", "Data Science"]
    assert re.search(r"Web Development</a>\s*<span class=\"counts\">1 role · 1 skill set", top)


def test_fields_made_in_the_admin_stand_with_the_top_level_fields(client):
    import_library(files=LIBRARY)
    ResearchArea.objects.create(name="Curated Field", slug="curated-field", position=1)
    html = client.get("/?empty=1").content.decode()  # it notes nothing yet

    # Placed by its position among the fields of the first file at the top.
    top = html[html.index('id="folder-top"') : html.index('<section class="folder"')]
    assert fields_in(top) == ["Web Development", "Curated Field", "Data Science"]


def test_a_single_file_shows_no_folder_heading(client, import_text):
    import_text(notes("Web Development", "Data Science"))
    html = home(client)

    assert fields_in(html) == ["Web Development", "Data Science"]
    assert 'id="folder-top"' in html
    assert '<section class="folder"' not in html
    assert "<h3" not in html
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", html) == ["Fields", "Most demanded technologies"]


def test_a_single_file_in_a_folder_is_headed_by_its_folder(client):
    import_library(files=[NotesFile("web/frontend.md", notes("Web Development"))])
    html = home(client)

    assert 'id="folder-top"' not in html
    assert fields_in(section(html, "folder-web")) == ["Web Development"]


def test_no_fields_yet_shows_the_empty_tree(client, db):
    html = home(client)
    assert "No fields yet" in html


def queries_for_home(client) -> int:
    """Cold: neither the page (tests/test_page_cache.py) nor the field counts kept."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        home(client)
    return len(queries)


def test_the_home_page_runs_the_same_queries_however_many_files_and_folders(client):
    import_library(files=LIBRARY[:2])
    two = queries_for_home(client)

    more = [
        NotesFile(f"folder-{n}/sub-{n}/file-{n}.md", notes(f"Field {n}", f"Other {n}"))
        for n in range(4)
    ]
    import_library(files=[*LIBRARY[:2], *more])
    assert NotesSource.objects.count() == 6
    html = home(client)
    assert html.count('<section class="folder"') == 6
    assert queries_for_home(client) == two


def test_a_folder_index_links_to_each_folder_section(client):
    import_library(
        files=[
            NotesFile("top.md", "# Top field\n"),
            NotesFile("a/x.md", "# In a\n"),
            NotesFile("b/c/y.md", "# In b c\n"),
        ]
    )
    html = client.get("/?empty=1").content.decode()  # the fields note nothing
    start = html.index('class="folder-index"')
    index = html[start : html.index("</nav>", start)]
    assert re.findall(r'href="#(folder-[^"]+)"', index) == ["folder-a", "folder-b-c"]
    for anchor in ("folder-a", "folder-b-c"):
        assert f'<section class="folder" id="{anchor}"' in html


def test_fields_that_note_nothing_are_hidden_and_counted(client):
    import_library(files=LIBRARY)
    html = home(client)
    assert "Physical Design tools" not in html
    # Each of the six fields has an empty "… tools" sub-field.
    assert "6 fields with no roles or skill sets noted are hidden." in html
    assert 'href="?empty=1"' in html


def test_a_chain_of_a_hundred_fields_shows_its_first_levels_and_how_many_more(client):
    parent = None
    for depth in range(100):
        parent = ResearchArea.objects.create(
            name=f"Level {depth}", slug=f"level-{depth}", parent=parent, position=depth
        )
    html = client.get("/?empty=1").content.decode()
    shown = re.findall(r'href="/fields/level-(\d+)/"', html)
    assert shown[0] == "0" and len(set(shown)) == 1 + HOME_BELOW
    assert f"and {99 - HOME_BELOW} more fields below" in html
    assert html.count("<ul") == html.count("</ul>")


def test_top_level_fields_come_a_page_at_a_time_and_the_folder_index_finds_them(client):
    many = "".join(notes(f"Field {n}") for n in range(HOME_FIELDS + 5))
    import_library(files=[NotesFile("a/many.md", many), NotesFile("b/last.md", notes("Last"))])
    first = home(client)
    assert len(fields_in(first)) == HOME_FIELDS
    assert 'href="?page=2#folder-b"' in first
    second = client.get("/?page=2").content.decode()
    assert fields_in(second) == [f"Field {n}" for n in range(HOME_FIELDS, HOME_FIELDS + 5)] + [
        "Last"
    ]
    assert 'href="#folder-b"' in second and 'href="?page=1#folder-a"' in second
