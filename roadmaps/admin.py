from django.contrib import admin

from roadmaps.models import Roadmap, RoadmapStep, SkillProgress
from roadmaps.ranking import FIGURES
from roadmaps.services import delete_roadmap, update_roadmap


class RoadmapStepInline(admin.TabularInline):
    model = RoadmapStep
    fields = ("technology", "stage", "position", "note", *FIGURES)
    readonly_fields = FIGURES
    autocomplete_fields = ("technology",)
    extra = 0


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    """Roadmaps are made on the site or with ``manage.py roadmap create``, which rank their
    steps; here they are curated."""

    list_display = ("title", "owner", "is_public", "step_total", "updated")
    list_filter = ("is_public",)
    list_select_related = ("owner",)
    search_fields = ("title", "slug", "owner__username", "description")
    autocomplete_fields = ("areas", "roles")
    readonly_fields = ("owner", "created", "updated")
    fields = ("title", "slug", "owner", "description", "is_public", "areas", "roles")
    inlines = [RoadmapStepInline]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    @admin.display(ordering="step_count", description="steps")
    def step_total(self, roadmap):
        return roadmap.step_count

    def save_model(self, request, obj, form, change):
        update_roadmap(
            roadmap=obj, title=obj.title, description=obj.description, is_public=obj.is_public
        )

    def delete_model(self, request, obj):
        delete_roadmap(roadmap=obj)


@admin.register(SkillProgress)
class SkillProgressAdmin(admin.ModelAdmin):
    list_display = ("user", "technology", "status", "updated")
    list_filter = ("status",)
    list_select_related = ("user", "technology")
    search_fields = ("user__username", "technology__name")
    autocomplete_fields = ("technology",)
    raw_id_fields = ("user",)
