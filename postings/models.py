from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from taxonomy.provenance import ImportedRow


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        return self.filter(name__iexact=name.strip())


class Company(ImportedRow):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=100)
    website = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="postings_company_name_ci_unique"),
            models.UniqueConstraint(fields=["slug"], name="postings_company_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("company-detail", args=[self.slug])


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
    source_url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)

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
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}" if self.company_id else self.title

    def get_absolute_url(self) -> str:
        return reverse("role-detail", args=[self.slug])
