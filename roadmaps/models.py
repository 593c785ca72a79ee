from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from roadmaps.ranking import spread, why

# A plan's description is Markdown rendered on every save; this bounds what a save costs.
MAX_DESCRIPTION = 20_000


class RoadmapQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def owned_by(self, user):
        return self.filter(owner=user) if user.is_authenticated else self.none()

    def visible_to(self, user):
        """What ``user`` may read: public roadmaps and their own."""
        if not user.is_authenticated:
            return self.public()
        return self.filter(Q(is_public=True) | Q(owner=user))

    def for_reading(self):
        """With the owner, the original, targets and steps loaded: four queries, however long
        the plan."""
        from postings.models import Role

        return self.select_related("owner", "copied_from__owner").prefetch_related(
            "areas",
            models.Prefetch("roles", queryset=Role.objects.select_related("company")),
            models.Prefetch("steps", queryset=RoadmapStep.objects.select_related("technology")),
        )

    def with_progress(self):
        """``step_count`` and ``done_count``: steps, and those the owner marked done."""
        done = Q(
            steps__technology__progress__user=F("owner"),
            steps__technology__progress__status__in=SkillProgress.DONE,
        )
        return self.annotate(
            step_count=Count("steps", distinct=True),
            done_count=Count("steps", filter=done, distinct=True),
        )


class Roadmap(models.Model):
    """A person's ordered plan of technologies to learn for some fields and roles."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roadmaps"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    description = models.TextField(
        blank=True, max_length=MAX_DESCRIPTION, help_text="Markdown source."
    )
    description_html = models.TextField(blank=True, editable=False)
    areas = models.ManyToManyField(
        "taxonomy.ResearchArea",
        blank=True,
        related_name="roadmaps",
        verbose_name="target fields",
        help_text="Each field counts with its sub-fields.",
    )
    roles = models.ManyToManyField(
        "postings.Role", blank=True, related_name="roadmaps", verbose_name="target roles"
    )
    is_public = models.BooleanField(
        "public", default=False, help_text="Anyone may read it; only the owner may change it."
    )
    ranked_at = models.DateTimeField(
        default=timezone.now, help_text="When the steps were last ranked from the notes."
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        help_text="The roadmap this one started as a copy of.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        ordering = ["-updated", "pk"]
        verbose_name = "roadmap"
        verbose_name_plural = "roadmaps"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="roadmaps_roadmap_slug_unique"),
        ]
        indexes = [
            models.Index(fields=["owner", "-updated"], name="roadmaps_roadmap_owner"),
            models.Index(fields=["is_public", "-updated"], name="roadmaps_roadmap_public"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap-detail", args=[self.slug])

    def targets_label(self) -> str:
        """What the skill sets counted belong to, for "14 of 22 MLOps skill sets": the one
        target's name, or "target" for several (reads the prefetched areas and roles)."""
        names = [area.name for area in self.areas.all()]
        names += [role.plain_title for role in self.roles.all()]
        return names[0] if len(names) == 1 else "target"


class RoadmapStep(models.Model):
    """One technology in a roadmap, with the figures it was ranked by."""

    class Stage(models.IntegerChoices):
        NOW = 0, "Now"
        NEXT = 1, "Next"
        LATER = 2, "Later"

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="steps")
    technology = models.ForeignKey(
        "taxonomy.Technology", on_delete=models.CASCADE, related_name="roadmap_steps"
    )
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.LATER)
    position = models.PositiveIntegerField(default=0, help_text="Order within its stage.")
    note = models.TextField(blank=True)
    placed_by_hand = models.BooleanField(
        default=False, help_text="Added or moved by the owner: re-ranking keeps its place."
    )
    asked_in = models.PositiveIntegerField(default=0, help_text="Target skill sets asking.")
    required_in = models.PositiveIntegerField(default=0, help_text="… as a requirement.")
    out_of = models.PositiveIntegerField(default=0, help_text="Target skill sets in all.")
    fields_asking = models.PositiveIntegerField(default=0, help_text="Fields asking, anywhere.")
    field_count = models.PositiveIntegerField(default=0, help_text="Fields with skill sets.")
    score = models.FloatField(default=0.0)

    class Meta:
        ordering = ["roadmap", "stage", "position", "pk"]
        verbose_name = "roadmap step"
        verbose_name_plural = "roadmap steps"
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "technology"], name="roadmaps_roadmapstep_technology_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["roadmap", "stage", "position"], name="roadmaps_roadmapstep_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roadmap}: {self.technology}"

    def get_absolute_url(self) -> str:
        return f"{self.roadmap.get_absolute_url()}#step-{self.pk}"

    def why(self, targets: str) -> str:
        return why(self, targets)

    def spread(self) -> str:
        return spread(self)


class SkillProgressQuerySet(models.QuerySet):
    def done_by(self, user):
        """What ``user`` knows: their progress at working level or above (none if anonymous)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user, status__in=SkillProgress.DONE)

    def statuses(self, user, technologies=None) -> dict[int, str]:
        """``{technology id: status}`` for ``user`` (not started when absent), of
        ``technologies`` or of all they recorded, in one query."""
        if not user.is_authenticated:
            return {}
        rows = self.filter(user=user)
        if technologies is not None:
            rows = rows.filter(technology__in=technologies)
        return dict(rows.values_list("technology_id", "status"))


class SkillProgress(models.Model):
    """How far a person is with a technology; shared by all of that person's roadmaps."""

    class Status(models.TextChoices):
        """A level, from none to expert, or skipped: not to be learned for now."""

        NONE = "none", "Not started"
        LEARNING = "learning", "Learning"
        WORKING = "working", "Working"
        EXPERT = "expert", "Expert"
        SKIPPED = "skipped", "Skipped"

    # The levels at which a technology counts as done: the person can work with it.
    DONE = (Status.WORKING, Status.EXPERT)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_progress"
    )
    technology = models.ForeignKey(
        "taxonomy.Technology", on_delete=models.CASCADE, related_name="progress"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NONE)
    updated = models.DateTimeField(auto_now=True)

    objects = SkillProgressQuerySet.as_manager()

    class Meta:
        ordering = ["user", "technology"]
        verbose_name = "skill progress"
        verbose_name_plural = "skill progress"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "technology"], name="roadmaps_skillprogress_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"], name="roadmaps_skillprogress_status"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.technology} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return self.technology.get_absolute_url()


class LevelChangeQuerySet(models.QuerySet):
    def history(self, user, technologies) -> list[tuple[int, str, object]]:
        """``(technology id, status, when)`` of ``user``'s changes to ``technologies``, oldest
        first, in one query."""
        rows = self.filter(user=user, technology__in=technologies).order_by("at", "pk")
        return list(rows.values_list("technology_id", "status", "at"))


class LevelChange(models.Model):
    """The level a person reached with a technology on a day: the last change of that day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="level_changes"
    )
    technology = models.ForeignKey(
        "taxonomy.Technology", on_delete=models.CASCADE, related_name="level_changes"
    )
    status = models.CharField(max_length=10, choices=SkillProgress.Status.choices)
    at = models.DateTimeField()

    objects = LevelChangeQuerySet.as_manager()

    class Meta:
        ordering = ["user", "at", "pk"]
        verbose_name = "level change"
        verbose_name_plural = "level changes"
        indexes = [
            models.Index(fields=["user", "technology", "at"], name="roadmaps_levelchange_history"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.technology} {self.get_status_display()} on {self.at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return self.technology.get_absolute_url()
