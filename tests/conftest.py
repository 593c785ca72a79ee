import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL_NOTES = FIXTURES / "notes.md"
CORPUS = FIXTURES / "corpus"
SHARED = FIXTURES.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The author's real corpus beside the checkout; a run without it fails, never skips."""
    if not (SHARED / "corpus").is_dir():
        pytest.fail(f"{SHARED}/corpus is missing: these tests read the real notes there")
    return SHARED


@pytest.fixture(scope="session")
def real_notes_text() -> str:
    return REAL_NOTES.read_text(encoding="utf-8")


@pytest.fixture
def import_text(db):
    """Import notes text as a file named notes.md; returns the report."""
    from taxonomy.notes.importer import import_notes

    def run(text: str, **options):
        return import_notes(text=text, source_name="notes.md", **options)

    return run


@pytest.fixture(scope="module")
def _real_notes_in_module(django_db_setup, django_db_blocker, real_notes_text):
    """The real notes file imported once for a test module, inside a transaction its tests'
    own transactions nest in as savepoints, rolled back when the module's last test is done.

    Importing it took 1.5 s a test on SQLite and 3.5 s on PostgreSQL, for some 80 tests."""
    from django.db import transaction

    from taxonomy.notes.importer import import_notes

    with django_db_blocker.unblock(), transaction.atomic():
        yield import_notes(text=real_notes_text, source_name="notes.md")
        transaction.set_rollback(True)


@pytest.fixture
def real_notes(_real_notes_in_module, db):
    """The database after importing the real notes file; what a test writes is undone after it.

    A module's other tests run before the ones asking for this (``pytest_collection_modifyitems``),
    so none of them sees the import. A transactional test imports the file itself."""
    return _real_notes_in_module


def pytest_collection_modifyitems(items):
    """Within each module, the tests on the imported real notes run last, in their order."""
    module_of = {}
    for item in items:
        module_of.setdefault(item.path, len(module_of))
        marker = item.get_closest_marker("django_db")
        if "real_notes" in item.fixturenames and marker and marker.kwargs.get("transaction"):
            raise pytest.UsageError(f"{item.nodeid}: real_notes is shared in a transaction")
    items.sort(key=lambda item: (module_of[item.path], "real_notes" in item.fixturenames))


def corpus_files(root: Path = CORPUS) -> list:
    """The notes files of a folder, named by their paths below it, as a folder import reads
    them."""
    from taxonomy.notes.importer import NotesFile

    return [
        NotesFile(path.relative_to(root).as_posix(), path.read_bytes().decode(), str(root))
        for path in sorted(root.rglob("*.md"))
    ]


def heading_levels(html: str) -> list[int]:
    """The levels of the headings in ``html``, in order: 3 for an h3."""
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


@pytest.fixture
def real_library(db):
    """The real notes file and folder, imported as ``import_notes fixtures/notes.md
    fixtures/corpus`` does."""
    from taxonomy.notes.importer import NotesFile, import_library

    seed = NotesFile("notes.md", REAL_NOTES.read_text(encoding="utf-8"))
    return import_library(files=[seed, *corpus_files()], folders=[str(CORPUS)])


# Four fields with skill sets, small enough that a roadmap's ranking is worked out by hand
# (tests/test_roadmaps.py shows the arithmetic).
TOY_NOTES = """# Platforms
Where models run.
## MLOps
+ skill set:
\t- Senior Platform Engineer
\t- Kubernetes and Python
\t- MLflow is a plus
+ skill set:
\t- Kubernetes and Docker
\t- Communication skills
+ skill set:
\t- Python and MLflow
\t- Nice to have:
\t\t* Terraform
### Model serving
+ skill set:
\t- Kubernetes and communication
## Web
+ skill set:
\t- Python and communication
+ skill set:
\t- Python, JavaScript and communication
## Chips
+ skill set:
\t- Python, Verilog, communication
+ skill set:
\t- BLAH.
"""


@pytest.fixture
def toy_notes(import_text):
    return import_text(TOY_NOTES)


@pytest.fixture
def people(db):
    """Two people with passwords: ana (who plans) and bob (who looks on)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    return (
        users.create_user("ana", password="correct-horse-battery"),
        users.create_user("bob", password="correct-horse-battery"),
    )


@pytest.fixture
def roadmaps(toy_notes, people):
    """ana's private and public MLOps roadmaps over the toy notes."""
    from roadmaps.services import create_roadmap
    from taxonomy.models import ResearchArea

    ana, _ = people
    mlops = ResearchArea.objects.get(slug="mlops")
    private = create_roadmap(owner=ana, title="Private plan", areas=[mlops])
    public = create_roadmap(owner=ana, title="Public plan", areas=[mlops], is_public=True)
    return private, public


def query_counts(client, urls) -> dict[str, int]:
    """How many queries answering each of ``urls`` took (each must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory):
    """The tests' cache lives in a folder of their own, one per pytest-xdist worker: never
    the checkout's ``.cache/`` that ``make run`` serves from, and never cleared under another
    worker's feet."""
    from django.conf import settings
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("cache")
    caches = {alias: {**config, "LOCATION": folder} for alias, config in settings.CACHES.items()}
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: figures cached by one test's data (whose data
    version the rollback undoes) must not answer the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def migrate_to(targets):
    """Migrate the test database to ``targets`` and return the models as they were there."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Back to the newest migrations, as the other tests expect."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())


def seed_progress(apps, statuses: list[str]):
    """In migration state ``apps``: ana, technologies T0, T1… (slugs t0, t1…) and her
    progress on each at ``statuses`` in order; returns the SkillProgress manager."""
    user = apps.get_model("auth", "User").objects.create(username="ana")
    technologies = apps.get_model("taxonomy", "Technology").objects
    progress = apps.get_model("roadmaps", "SkillProgress").objects
    for n, status in enumerate(statuses):
        technology = technologies.create(name=f"T{n}", slug=f"t{n}")
        progress.create(user=user, technology=technology, status=status)
    return progress
