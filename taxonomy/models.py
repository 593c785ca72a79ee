import hashlib
import uuid

from django.contrib.postgres.search import SearchVectorField
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from taxonomy.notes.markdown import plain_text
from taxonomy.provenance import ImportedRow, notes_source_link


def folder_anchor(folder: str) -> str:
    """The home page's anchor for the fields of the files in ``folder`` ("" at the top):
    "lower-level-roles/sw-dev" → "folder-lower-level-roles-sw-dev"."""
    return f"folder-{slugify(folder.replace('/', ' ')) or 'top'}"


def skill_set_url(field_url: str, pk: int) -> str:
    """Where a skill set with no role of its own is shown: on its field's page, on the page
    of that field's skill sets that holds it (``?set=``), scrolled to it."""
    return f"{field_url}?set={pk}#skill-set-{pk}"


class NotesSourceQuerySet(models.QuerySet):
    def under(self, root: str):
        """The sources imported from the folder ``root``."""
        return self.filter(root=root)

    def mark_edited(self, *source_ids) -> None:
        """Rows of these files were edited by hand: their next import reads them again
        (rather than skipping them as unchanged), and so reports the edited rows it keeps."""
        self.filter(pk__in=[pk for pk in source_ids if pk]).update(checksum="")


class NotesSource(models.Model):
    """One notes file: its rows, and what it takes to write it back byte for byte.

    ``path`` is the file's identity: its path below the folder it was imported from (or its
    name, imported on its own). Re-importing the same path updates that source's rows and no
    other's. ``checksum`` and ``context`` let an unchanged file be skipped: ``context``
    fingerprints everything else its rows depend on (the importer, the vocabulary, the
    companies known), so a change there still re-reads the file. While ``vocabulary`` is
    unchanged, a line's technologies need not be looked for again.
    """

    path = models.CharField(max_length=500, help_text="Path below the imported folder.")
    root = models.CharField(
        max_length=1000, blank=True, help_text="The folder it was imported from."
    )
    checksum = models.CharField(max_length=64, blank=True, editable=False)
    context = models.CharField(max_length=40, blank=True, editable=False)
    vocabulary = models.CharField(
        max_length=40, blank=True, editable=False, help_text="Fingerprint of the technologies."
    )
    layout = models.JSONField(
        default=dict, blank=True, editable=False, help_text="BOM, line endings, final newline."
    )
    row_counts = models.JSONField(default=dict, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)
    companies = models.ManyToManyField(
        "postings.Company",
        blank=True,
        related_name="notes_sources",
        help_text="The companies this file lists.",
    )

    objects = NotesSourceQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = "notes file"
        verbose_name_plural = "notes files"
        constraints = [
            models.UniqueConstraint(fields=["path"], name="taxonomy_notessource_path_unique"),
        ]
        indexes = [models.Index(fields=["root"], name="taxonomy_notessource_root")]

    def __str__(self) -> str:
        return self.path

    def get_absolute_url(self) -> str:
        return f"{reverse('home')}#{folder_anchor(self.folder)}"

    @property
    def folder(self) -> str:
        """The folder the file stands in below its root ("" at the top)."""
        return self.path.rpartition("/")[0]


class ResearchAreaQuerySet(models.QuerySet):
    def roots(self):
        return self.filter(parent__isnull=True)

    def with_counts(self):
        """Each area's own public skill sets and roles, counted in subqueries.

        Two counted joins in one query would multiply each other's rows.
        """
        from postings.models import Role

        return self.annotate(
            skill_set_count=_count(SkillSet.objects.public(), "area"),
            role_count=_count(Role.objects.all(), "area"),
        )


def _blank_lines_field():
    return models.TextField(
        blank=True,
        editable=False,
        help_text="Blank lines just above it in the notes, each ending in a newline.",
    )


def _count(queryset, field: str):
    rows = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


class ResearchArea(ImportedRow):
    """A field of work (EDA, MLOps, Computer Vision …), one per heading in the notes."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=100)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveIntegerField(default=0, help_text="Order in the notes file.")
    level = models.PositiveSmallIntegerField(
        default=1, help_text="Heading level, 1 to 6; 0 for a file's text before any heading."
    )
    aliases = models.JSONField(default=list, blank=True, help_text="Other names, e.g. STCO.")
    notes = models.TextField(blank=True, help_text="Markdown source.")
    notes_html = models.TextField(blank=True, editable=False)
    notes_source = notes_source_link("areas")

    objects = ResearchAreaQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "research area"
        verbose_name_plural = "research areas"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="taxonomy_researcharea_slug_unique"),
        ]
        indexes = [
            models.Index(fields=["parent", "position"], name="taxonomy_researcharea_tree"),
            models.Index(fields=["import_key"], name="taxonomy_researcharea_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("field-detail", args=[self.slug])


class SkillSetQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_placeholder=False)

    def in_area(self, area):
        return self.filter(area=area)

    def shown_for(self, role):
        """The role's public sets with their field, in the order its page and the API show."""
        return self.public().filter(role=role).select_related("area")


class SkillSet(ImportedRow):
    """The requirements of one job posting, or another list of skills, copied into the notes."""

    class Kind(models.TextChoices):
        REQUIREMENTS = "requirements", "Requirements"
        PREFERRED = "preferred", "Preferred"
        RESPONSIBILITIES = "responsibilities", "Responsibilities"
        STACK = "stack", "Tech stack"
        GENERAL = "general", "General"

    area = models.ForeignKey(ResearchArea, on_delete=models.CASCADE, related_name="skill_sets")
    role = models.ForeignKey(
        "postings.Role",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skill_sets",
    )
    company = models.ForeignKey(
        "postings.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skill_sets",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="nested",
        help_text="The skill set this one is nested in (a 'Tech Stack:' inside a posting).",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    label = models.CharField(max_length=255, help_text="The bullet's own text.")
    context = models.TextField(blank=True, help_text="The paragraph that introduced it.")
    position = models.PositiveIntegerField(default=0, help_text="Order within its area.")
    anchor = models.PositiveIntegerField(
        default=0,
        help_text="How many notes lines (or, when nested, skills) come before it.",
    )
    is_placeholder = models.BooleanField(
        default=False, help_text="Holds only the placeholder BLAH; never shown publicly."
    )
    notes_source = notes_source_link("skill_sets")
    blank_before = _blank_lines_field()
    skills_digest = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Fingerprint of the lines its skills were imported from, as they stood.",
    )

    objects = SkillSetQuerySet.as_manager()

    class Meta:
        ordering = ["area__position", "position", "pk"]
        verbose_name = "skill set"
        verbose_name_plural = "skill sets"
        indexes = [
            models.Index(fields=["area", "position"], name="taxonomy_skillset_area"),
            models.Index(fields=["role"], name="taxonomy_skillset_role"),
            models.Index(fields=["is_placeholder"], name="taxonomy_skillset_placeholder"),
        ]

    def __str__(self) -> str:
        title = self.role.plain_title if self.role_id else plain_text(self.label)
        return f"{title} ({self.area.name})"

    def get_absolute_url(self) -> str:
        if self.role_id:
            return self.role.get_absolute_url()
        return skill_set_url(self.area.get_absolute_url(), self.pk)

    @property
    def usual_line_kind(self) -> str:
        """The kind its lines have unless they say otherwise: a posting's "Preferred" section
        holds preferences; a set from the notes mixes every kind and holds requirements."""
        return _USUAL_LINE_KINDS.get(self.kind, "requirement")


_USUAL_LINE_KINDS = {
    SkillSet.Kind.PREFERRED: "preference",
    SkillSet.Kind.RESPONSIBILITIES: "duty",
}


class Technology(TagBase):
    """A language, tool, framework or method that skills ask for; a django-taggit tag."""

    class Category(models.TextChoices):  # the categories of fixtures/technologies.json
        LANGUAGE = "language", "Programming language"
        HDL = "hdl", "Hardware description language"
        ML_FRAMEWORK = "ml-framework", "ML framework"
        ML_METHOD = "ml-method", "ML method"
        MLOPS = "mlops", "MLOps"
        DATA = "data", "Data"
        DATABASE = "database", "Database"
        CLOUD = "cloud", "Cloud"
        DEVOPS = "devops", "DevOps"
        TOOL = "tool", "Tool"
        PRACTICE = "practice", "Practice"
        HARDWARE = "hardware", "Hardware"
        EDA_TOOL = "eda-tool", "EDA tool"
        EDA_METHOD = "eda-method", "EDA method"
        EDA_FORMAT = "eda-format", "EDA file format"

    category = models.CharField(max_length=40, blank=True, choices=Category.choices)
    aliases = models.JSONField(default=list, blank=True, help_text="e.g. k8s for Kubernetes.")
    match_case = models.BooleanField(
        default=False,
        help_text="Its one-word spellings match only with their exact case (Go, R, CV); "
        "longer ones (reinforcement learning) match in any case.",
    )
    needs = models.JSONField(
        default=list,
        blank=True,
        help_text="Words one of which a line must hold for it to count (mask, lithography "
        "for MDP).",
    )
    unless = models.JSONField(
        default=list,
        blank=True,
        help_text="Words that stop it counting in a line (resume, send your for CV).",
    )
    generic = models.BooleanField(
        default=False,
        help_text="A common word (algorithms) that counts only on its own, not inside a "
        "longer phrase (forecasting algorithms).",
    )
    prerequisites = models.JSONField(
        default=list,
        blank=True,
        help_text="Slugs of technologies to learn before it (docker and linux for "
        "Kubernetes); a roadmap puts them first.",
    )
    vocabulary_digest = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Fingerprint of its fields as the vocabulary file last wrote them; while "
        "they are unchanged, a new vocabulary may update them.",
    )
    demand = models.PositiveIntegerField(
        default=0,
        db_default=0,  # so that rows inserted without it (by older migrations) count 0
        editable=False,
        help_text="How many public skill sets ask for it: its AskedTechnology rows, counted "
        "again at every write (taxonomy.demand.refresh_asks).",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "technology"
        verbose_name_plural = "technologies"
        indexes = [
            models.Index(fields=["category"], name="taxonomy_technology_category"),
            models.Index(fields=["-demand", "name"], name="taxonomy_technology_demand"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("technology-detail", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        slugs = self.prerequisites
        if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
            raise ValidationError({"prerequisites": "Give a list of technology slugs."})
        known = set(Technology.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        unknown = [slug for slug in slugs if slug not in known or slug == self.slug]
        if unknown:
            raise ValidationError(
                {"prerequisites": f"{unknown[0]!r} is not another technology's slug."}
            )


class TaggedSkill(TaggedItemBase):
    content_object = models.ForeignKey("Skill", on_delete=models.CASCADE)
    tag = models.ForeignKey(Technology, on_delete=models.CASCADE, related_name="tagged_skills")
    optional = models.BooleanField(
        default=False,
        help_text="The line names it only in a clause it marks optional "
        "(“Must know Python, Go is a plus”: Go).",
    )

    class Meta:
        verbose_name = "technology of a skill"
        verbose_name_plural = "technologies of skills"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taxonomy_taggedskill_unique"
            ),
        ]
        indexes = [
            # A technology's lines, newest first, a page at a time (its page's "Skill lines").
            models.Index(fields=["tag", "content_object"], name="taxonomy_taggedskill_lines"),
        ]


class SkillQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_placeholder=False, skill_set__is_placeholder=False)


class Skill(ImportedRow):
    """One line of a skill set; nested bullets keep their parent."""

    class Kind(models.TextChoices):  # the values of ``taxonomy.line_kinds.LineKind``
        REQUIREMENT = "requirement", "Requirement"
        PREFERENCE = "preference", "Preference"
        DUTY = "duty", "Duty"
        ABOUT = "about", "About the company"
        OTHER = "other", "Other"

    skill_set = models.ForeignKey(SkillSet, on_delete=models.CASCADE, related_name="skills")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(help_text="Markdown source of the line.")
    text_html = models.TextField(blank=True, editable=False)
    emphasized = models.BooleanField(default=False, help_text="The author wrote ***…***.")
    kind = models.CharField(
        max_length=12,
        choices=Kind.choices,
        default=Kind.REQUIREMENT,
        help_text="What the line is, read where it stands in its skill set.",
    )
    is_placeholder = models.BooleanField(default=False)
    blank_before = _blank_lines_field()
    tags = TaggableManager(through=TaggedSkill, blank=True, verbose_name="technologies")

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["skill_set", "position"]
        verbose_name = "skill"
        verbose_name_plural = "skills"
        indexes = [
            models.Index(fields=["skill_set", "position"], name="taxonomy_skill_set_position"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.skill_set.get_absolute_url()


class FieldCount(models.Model):
    """A field's roles and public skill sets over ``AreaTree.field`` (its subtree and the
    sections the notes file under it), as the home page and the roadmap picker show them.

    Derived, never edited: ``taxonomy.tree.refresh_field_counts`` counts every field again
    inside ``sync_index``, in the transaction of the write that changed them.
    """

    area = models.OneToOneField(
        ResearchArea, on_delete=models.CASCADE, primary_key=True, related_name="counted"
    )
    roles = models.PositiveIntegerField()
    skill_sets = models.PositiveIntegerField()

    class Meta:
        ordering = ["area__position", "area"]
        verbose_name = "field count"
        verbose_name_plural = "field counts"

    def __str__(self) -> str:
        return f"field {self.area_id}: {self.roles} roles, {self.skill_sets} skill sets"

    def get_absolute_url(self) -> str:
        return self.area.get_absolute_url()


class AskedTechnologyQuerySet(models.QuerySet):
    def counted(self):
        """One row per technology, in no order: ``technology`` (its pk) and ``demand``, the
        number of skill sets among these that ask for it. ``COUNT(*)``, so that an index on
        the grouped column answers it without reading the table."""
        return self.order_by().values("technology").annotate(demand=Count("*"))


class AskedTechnology(models.Model):
    """One public skill set asks for one technology: a line of it that asks (a requirement,
    a preference or a duty, not a company's blurb) is tagged with it.

    Derived from the skills and their tags, never edited: ``taxonomy.demand.refresh_asks``
    rewrites the rows of the skill sets each write touched, in the write's transaction (it
    runs inside ``sync_index``). Demand pages count these rows rather than grouping every
    tag of the data with ``COUNT(DISTINCT …)``.
    """

    skill_set = models.ForeignKey(SkillSet, on_delete=models.CASCADE, related_name="+")
    technology = models.ForeignKey(Technology, on_delete=models.CASCADE, related_name="asked_by")
    area = models.ForeignKey(
        ResearchArea,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The skill set's field, kept here so that a field's demand needs no join.",
    )

    objects = AskedTechnologyQuerySet.as_manager()

    class Meta:
        ordering = ["technology", "skill_set"]
        verbose_name = "technology asked for"
        verbose_name_plural = "technologies asked for"
        constraints = [
            models.UniqueConstraint(
                fields=["skill_set", "technology"], name="taxonomy_askedtechnology_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["technology", "skill_set"], name="taxonomy_askedtech_technology"),
            models.Index(fields=["area", "technology"], name="taxonomy_askedtech_area"),
        ]

    def __str__(self) -> str:
        return f"skill set {self.skill_set_id} asks for technology {self.technology_id}"

    def get_absolute_url(self) -> str:
        return self.technology.get_absolute_url()


class SearchDocument(models.Model):
    """One searchable thing (a field, role, company, skill line or technology), as text.

    Written only by ``taxonomy.search.index``; read only by ``taxonomy.search``. The title
    weighs most, then the terms (its other names and further words it is found by: a role's
    company and field, a technology's category), then the body. These three are stored as
    the engines are to read them, a name spelt with symbols as a keyword ("C++" as
    cplusplus, see ``taxonomy.search.text.searchable``); ``label``, ``aliases`` and
    ``shown`` keep what a hit shows as people read it. ``vector`` is filled on PostgreSQL
    only; SQLite indexes these rows with FTS5 instead.
    """

    class Kind(models.TextChoices):
        FIELD = "field", "Field"
        ROLE = "role", "Role"
        COMPANY = "company", "Company"
        TECHNOLOGY = "technology", "Technology"
        SKILL = "skill", "Skill line"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=500, blank=True)
    aliases = models.TextField(blank=True, help_text="Its other names as written, between ; .")
    body = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    names = models.TextField(
        blank=True,
        help_text="Its name and other names as compared with a query (taxonomy.search.index).",
    )
    text_key = models.CharField(
        max_length=40,
        blank=True,
        help_text="Documents with the same key are one result: skill lines of the same text.",
    )
    represents = models.BooleanField(
        db_default=True, help_text="It is the result shown for all documents with its text_key."
    )
    represents_in_field = models.BooleanField(
        db_default=True, help_text="The same, among those of its top-level field."
    )
    root_area = models.ForeignKey(
        ResearchArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The top-level field it belongs to: the search facet.",
    )
    vector = SearchVectorField(null=True, editable=False)
    # How a result is shown, kept here so that a page of results needs no further queries.
    label = models.CharField(max_length=500, blank=True)
    url = models.CharField(max_length=500, blank=True)
    context = models.CharField(max_length=500, blank=True)
    shown = models.TextField(blank=True, help_text="The body as read, where it differs.")

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name = "search document"
        verbose_name_plural = "search documents"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="taxonomy_searchdocument_object_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["root_area", "kind"], name="taxonomy_searchdocument_facet"),
            models.Index(fields=["text_key", "root_area"], name="taxonomy_searchdocument_text"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title[:60]}"


class SearchWord(models.Model):
    """Every word the documents hold, for correcting typos ("pytorh" → "pytorch")."""

    word = models.CharField(max_length=60)

    class Meta:
        ordering = ["word"]
        verbose_name = "search word"
        verbose_name_plural = "search words"
        constraints = [
            models.UniqueConstraint(fields=["word"], name="taxonomy_searchword_unique"),
        ]

    def __str__(self) -> str:
        return self.word


class FtsMatch(models.Lookup):
    """``column MATCH query``: FTS5's full-text operator."""

    lookup_name = "fts"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SqliteSearchEntry(models.Model):
    """The SQLite FTS5 table over ``SearchDocument`` (created by a migration, SQLite only).

    ``match`` is FTS5's hidden column named after the table, which ``MATCH`` searches in
    every column; ``rank`` is bm25 with the column weights the migration configures.
    """

    document = models.OneToOneField(
        SearchDocument,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="sqlite_entry",
    )
    match = models.TextField(db_column="taxonomy_searchdocument_fts")
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = "taxonomy_searchdocument_fts"
        verbose_name = "SQLite search entry"
        verbose_name_plural = "SQLite search entries"

    def __str__(self) -> str:
        return str(self.document_id)


SqliteSearchEntry._meta.get_field("match").register_lookup(FtsMatch)


# Figures derived from the whole data (a field spread, a roadmap's demand) are kept this
# long at most; a change of the data replaces them at once.
CACHE_SECONDS = 24 * 3600


class DataVersionQuerySet(models.QuerySet):
    def token(self) -> str:
        """The present version of the data, in one query ("" before anything was written)."""
        return self.filter(pk=1).values_list("token", flat=True).first() or ""

    def changed_since(self, moment) -> bool:
        """Whether the data changed after ``moment``, in one query."""
        return self.filter(pk=1, changed__gt=moment).exists()

    def bump(self) -> str:
        """A new version: what was cached under the old one is never read again."""
        token, now = uuid.uuid4().hex, timezone.now()
        self.update_or_create(pk=1, defaults={"token": token, "changed": now})
        return token

    def cached(self, name: str, parts, compute):
        """``compute()``, kept in the cache for this version of the data and ``parts``."""
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        key = f"fieldnotes:{name}:{self.token()}:{digest}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, CACHE_SECONDS)
        return value


class DataVersion(models.Model):
    """One row whose token changes with every write to the browsable data: every write path
    keeps the search index in step through ``taxonomy.search.index.sync_index``, which bumps
    it in the same transaction."""

    token = models.CharField(max_length=32)
    changed = models.DateTimeField()

    objects = DataVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "data version"
        verbose_name_plural = "data version"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="taxonomy_dataversion_one_row"),
        ]

    def __str__(self) -> str:
        return f"data version {self.token} of {self.changed:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("home")
