from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class ApiTokenQuerySet(models.QuerySet):
    def of(self, user):
        """``user``'s tokens, newest first."""
        return self.filter(user=user).order_by("-created", "-pk")


class ApiToken(models.Model):
    """A personal key to the read API: ``Authorization: Bearer <key>`` reads as its person,
    their private roadmaps and levels included. Only a digest of the key is kept; the key
    itself is shown once, when it is made (``api.services.create_token``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for, to tell it apart.")
    digest = models.CharField(max_length=64, editable=False, help_text="SHA-256 of the key.")
    prefix = models.CharField(
        max_length=12, editable=False, help_text="The key's first characters, as shown."
    )
    created = models.DateTimeField(default=timezone.now, editable=False)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "API token"
        verbose_name_plural = "API tokens"
        constraints = [
            models.UniqueConstraint(fields=["digest"], name="api_apitoken_digest_unique"),
        ]
        indexes = [models.Index(fields=["user", "-created"], name="api_apitoken_user")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def get_absolute_url(self) -> str:
        return reverse("api-tokens")
