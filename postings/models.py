from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from taxonomy.notes.markdown import plain_text
from taxonomy.provenance import ImportedRow, notes_source_link


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        return self.filter(name__iexact=name.strip())

    def employers(self):
        return self.filter(kind=Company.Kind.COMPANY)


class Company(ImportedRow):
    """An organisation the notes or a posting name: most hire; some are industry bodies, job
    boards or universities whose member lists the notes keep."""

    class Kind(models.TextChoices):  # the values of ``taxonomy.organisations``
        COMPANY = "company", "Employer"
        ASSOCIATION = "association", "Association or consortium"
        JOB_BOARD = "job board", "Job board"
        UNIVERSITY = "university", "University or lab"

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=100)
    website = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.COMPANY,
        help_text="Set when it is first imported, from its name and link; yours to correct.",
    )

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="postings_company_name_ci_unique"),
            models.UniqueConstraint(fields=["slug"], name="postings_company_slug_unique"),
        ]
        indexes = [models.Index(fields=["kind", "name"], name="postings_company_kind")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("company-detail", args=[self.slug])


class Posting(models.Model):
    """A job posting as the person saved it; the roles it became link back to it."""

    source_name = models.CharField(
        "file name", max_length=255, blank=True, help_text="Or a note that it was pasted."
    )
    text = models.TextField(help_text="The posting exactly as it was imported.")
    checksum = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 of the text; the same text twice is one posting.",
    )
    source_url = models.URLField("source URL", max_length=500, blank=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="postings"
    )
    created_company = models.BooleanField(
        default=False,
        editable=False,
        help_text="The import created the company, so deleting the posting may delete it.",
    )
    imported_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = "posting"
        verbose_name_plural = "postings"
        constraints = [
            models.UniqueConstraint(fields=["checksum"], name="postings_posting_checksum_unique"),
        ]

    def __str__(self) -> str:
        return self.source_name or f"Posting {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("posting-detail", args=[self.pk])


class RoleQuerySet(models.QuerySet):
    def in_area(self, area):
        return self.filter(area=area)

    def at_company(self, company):
        return self.filter(company=company)


class Role(ImportedRow):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    area = models.ForeignKey(
        "taxonomy.ResearchArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
    )
    location = models.CharField(max_length=255, blank=True)
    salary = models.CharField(max_length=255, blank=True)
    employment_type = models.CharField(max_length=100, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True, help_text="Markdown source.")
    description_html = models.TextField(blank=True, editable=False)
    posting = models.ForeignKey(
        Posting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
        db_index=False,
        help_text="The saved posting this role was imported from.",
    )
    notes_source = notes_source_link("roles")

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "role"
        verbose_name_plural = "roles"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="postings_role_slug_unique"),
        ]
        indexes = [
            models.Index(fields=["area", "title"], name="postings_role_area"),
            models.Index(fields=["company"], name="postings_role_company"),
            models.Index(fields=["posting"], name="postings_role_posting"),
        ]

    def __str__(self) -> str:
        return f"{self.plain_title} at {self.company}" if self.company_id else self.plain_title

    def get_absolute_url(self) -> str:
        return reverse("role-detail", args=[self.slug])

    @property
    def plain_title(self) -> str:
        """The title as the site shows it: without the notes' emphasis markers
        ("***Machine Translation***"), which ``title`` keeps as imported."""
        return plain_text(self.title)
