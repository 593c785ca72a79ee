from django.contrib import admin
from django.db.models import Count

from postings.models import Company, Role
from postings.services import save_company, save_role
from taxonomy.admin_search import KeepsSearchInStep
from taxonomy.provenance import SOURCE_FIELDS


@admin.register(Company)
class CompanyAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = ("name", "website", "role_total", "source_line")
    search_fields = ("name", "website", "description")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = SOURCE_FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(ordering="role_count", description="roles")
    def role_total(self, company):
        return company.role_count

    def save_model(self, request, obj, form, change):
        save_company(company=obj)


@admin.register(Role)
class RoleAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = ("title", "company", "area", "location", "salary", "source_line")
    list_filter = (
        ("area", admin.RelatedOnlyFieldListFilter),
        ("company", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("company", "area")
    search_fields = ("title", "company__name", "area__name", "location", "description")
    autocomplete_fields = ("company", "area")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = SOURCE_FIELDS

    def save_model(self, request, obj, form, change):
        save_role(role=obj)
