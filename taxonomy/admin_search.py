"""Admin plumbing shared by every curated model: deletions keep search in step."""

from taxonomy.services import delete_curated


class KeepsSearchInStep:
    """Deleting from the admin goes through the service, which re-syncs search."""

    def delete_model(self, request, obj):
        delete_curated(queryset=type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        delete_curated(queryset=queryset)
