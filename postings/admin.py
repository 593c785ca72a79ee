from django.contrib import admin, messages
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from lib.admin_permissions import has_permissions
from lib.request_size import accepts_up_to
from postings.admin_add_posting import ADD_POSTING_PERMISSIONS, UPLOAD_BYTES, add_posting_view
from postings.importing import delete_posting
from postings.models import Company, Posting, Role
from postings.services import save_company, save_role
from taxonomy.admin_search import KeepsSearchInStep
from taxonomy.provenance import SOURCE_FIELDS


@admin.register(Company)
class CompanyAdmin(KeepsSearchInStep, admin.ModelAdmin):
    list_display = ("name", "kind", "website", "role_total", "source_line")
    list_filter = ("kind",)
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
    readonly_fields = ("posting", *SOURCE_FIELDS)

    def save_model(self, request, obj, form, change):
        save_role(role=obj)


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "company", "role_total", "imported_at")
    list_select_related = ("company",)
    search_fields = ("source_name", "text", "company__name", "source_url")
    date_hierarchy = "imported_at"
    fields = (
        "source_name",
        "company",
        "source_url",
        "imported_at",
        "roles_list",
        "checksum",
        "text",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(ordering="role_count", description="roles")
    def role_total(self, posting):
        return posting.role_count

    @admin.display(description="roles it created")
    def roles_list(self, posting):
        roles = posting.roles.order_by("pk")
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("admin:postings_role_change", args=[r.pk]), r.title) for r in roles),
        ) or format_html("{}", "none left")

    def get_urls(self):
        view = self.admin_site.admin_view(
            accepts_up_to(UPLOAD_BYTES)(lambda request: add_posting_view(request, self))
        )
        return [path("add/", view, name="postings_posting_add"), *super().get_urls()]

    def has_add_permission(self, request):
        # "add/" is the Add posting page; its links show only to those it lets in.
        return has_permissions(request, ADD_POSTING_PERMISSIONS)

    def has_change_permission(self, request, obj=None):
        return False  # a posting is a record of what was saved; edit the roles it created

    def delete_model(self, request, obj):
        self._deleted(request, [obj])

    def delete_queryset(self, request, queryset):
        self._deleted(request, list(queryset))

    def _deleted(self, request, postings):
        for posting in postings:
            report = delete_posting(posting=posting)
            if report.kept_roles:
                messages.info(
                    request,
                    f"{posting}: kept the roles edited since the import: "
                    f"{', '.join(report.kept_roles)}.",
                )
