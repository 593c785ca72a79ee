from django.contrib import admin

from api.models import ApiToken
from api.services import revoke_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by their person at /accounts/tokens/, where the key is shown once;
    here a curator sees who holds which and revokes one by deleting it."""

    list_display = ("name", "user", "prefix", "created", "last_used")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__username")
    fields = ("name", "user", "prefix", "created", "last_used")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        revoke_token(token=obj)

    def delete_queryset(self, request, queryset):
        for token in queryset:
            revoke_token(token=token)
