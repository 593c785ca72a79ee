from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import path

from lib.admin_permissions import has_permissions
from lib.request_size import accepts_up_to
from taxonomy.admin_import import IMPORT_NOTES_PERMISSIONS, UPLOAD_BYTES, import_notes_view
from taxonomy.admin_search import KeepsSearchInStep
from taxonomy.models import NotesSource, ResearchArea, Skill, SkillSet, Technology
from taxonomy.notes.markdown import MarkdownCoverageError, render_markdown
from taxonomy.provenance import SOURCE_FIELDS
from taxonomy.services import save_area, save_skill_set, save_skills, save_technology


class ResearchAreaForm(forms.ModelForm):
    class Meta:
        model = ResearchArea
        fields = ("name", "slug", "parent", "aliases", "notes", "position", "level")

    def clean_notes(self):
        notes = self.cleaned_data["notes"]
        try:
            render_markdown(notes, strict=True)
        except MarkdownCoverageError as exc:
            raise forms.ValidationError(
                f"These notes cannot be rendered completely (from line {exc.offset + 1})."
            ) from exc
        return notes


@admin.register(ResearchArea)
class ResearchAreaAdmin(KeepsSearchInStep, admin.ModelAdmin):
    form = ResearchAreaForm
    list_display = ("name", "parent", "level", "skill_set_count", "role_count", "source_line")
    list_filter = (
        "level",
        ("notes_source", admin.RelatedOnlyFieldListFilter),
        ("parent", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("name", "aliases", "notes")
    autocomplete_fields = ("parent",)
    readonly_fields = SOURCE_FIELDS
    fieldsets = (
        (None, {"fields": ("name", "slug", "parent", "aliases", "notes")}),
        ("Placement", {"fields": ("position", "level")}),
        ("Source", {"classes": ("collapse",), "fields": SOURCE_FIELDS}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent").with_counts()

    @admin.display(ordering="skill_set_count", description="skill sets")
    def skill_set_count(self, area):
        return area.skill_set_count

    @admin.display(ordering="role_count", description="roles")
    def role_count(self, area):
        return area.role_count

    def save_model(self, request, obj, form, change):
        save_area(area=obj)

    def get_urls(self):
        view = self.admin_site.admin_view(
            accepts_up_to(UPLOAD_BYTES)(lambda request: import_notes_view(request, self))
        )
        return [
            path("import/", view, name="taxonomy_researcharea_import"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        may_import = has_permissions(request, IMPORT_NOTES_PERMISSIONS)
        return super().changelist_view(
            request, {"may_import_notes": may_import, **(extra_context or {})}
        )


class SkillInline(admin.TabularInline):
    model = Skill
    fields = ("position", "text", "emphasized", "is_placeholder", "tags")
    extra = 0
    show_change_link = True


class NestedSkillSetInline(admin.TabularInline):
    model = SkillSet
    fk_name = "parent"
    fields = ("label", "anchor")
    extra = 0
    show_change_link = True
    verbose_name_plural = "nested skill sets"


@admin.register(SkillSet)
class SkillSetAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = (
        "label",
        "area",
        "role",
        "company",
        "kind",
        "is_placeholder",
        "skill_count",
        "source_line",
    )
    list_filter = ("is_placeholder", "kind", ("area", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("area", "role", "company")
    search_fields = ("label", "context", "role__title", "company__name", "area__name")
    autocomplete_fields = ("area", "role", "company", "parent")
    readonly_fields = SOURCE_FIELDS
    inlines = (SkillInline, NestedSkillSetInline)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(skill_total=Count("skills"))

    @admin.display(ordering="skill_total", description="skills")
    def skill_count(self, skill_set):
        return skill_set.skill_total

    def save_model(self, request, obj, form, change):
        save_skill_set(skill_set=obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Skill:
            return super().save_formset(request, form, formset, change)
        skills = formset.save(commit=False)
        save_skills(skills=skills, deleted=formset.deleted_objects, save_tags=formset.save_m2m)


@admin.register(Skill)
class SkillAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = ("text", "skill_set", "emphasized", "is_placeholder", "technology_list")
    list_filter = ("is_placeholder", "emphasized", "tags__category")
    list_select_related = ("skill_set", "skill_set__area")
    search_fields = ("text", "tags__name")
    autocomplete_fields = ("skill_set", "parent")
    readonly_fields = SOURCE_FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description="technologies")
    def technology_list(self, skill):
        return ", ".join(tag.name for tag in skill.tags.all())

    def save_model(self, request, obj, form, change):
        """Saved with its technologies in ``save_related``, so both count at once."""

    def save_related(self, request, form, formsets, change):
        save_skills(skills=[form.instance], save_tags=form.save_m2m)
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Technology)
class TechnologyAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = ("name", "category", "aliases", "match_case", "skill_total")
    list_filter = ("category", "match_case", "generic")
    search_fields = ("name", "slug", "aliases")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                skill_total=Count(
                    "tagged_skills", filter=Q(tagged_skills__content_object__is_placeholder=False)
                )
            )
        )

    @admin.display(ordering="skill_total", description="skills")
    def skill_total(self, technology):
        return technology.skill_total

    def save_model(self, request, obj, form, change):
        save_technology(technology=obj)


@admin.register(NotesSource)
class NotesSourceAdmin(admin.ModelAdmin):
    """The notes files imported: read-only, since only an import may change them."""

    list_display = ("path", "folder", "imported_at", "field_count")
    search_fields = ("path",)
    fields = ("path", "root", "imported_at", "checksum", "companies")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(area_total=Count("areas"))

    @admin.display(ordering="area_total", description="fields")
    def field_count(self, source):
        return source.area_total

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # import the folder with --prune: it keeps what was curated
