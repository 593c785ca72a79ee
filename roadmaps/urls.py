from django.urls import path

from roadmaps import views

urlpatterns = [
    path("roadmaps/", views.roadmap_list, name="roadmap-list"),
    path("roadmaps/new/", views.roadmap_new, name="roadmap-new"),
    path("roadmaps/progress/<slug:technology>/", views.progress_set, name="progress-set"),
    path("roadmaps/known/", views.known_technologies, name="known-technologies"),
    path("roadmaps/fit/", views.role_fit, name="role-fit"),
    path("roadmaps/<slug:slug>/", views.roadmap_detail, name="roadmap-detail"),
    path("roadmaps/<slug:slug>/gap/", views.roadmap_gap, name="roadmap-gap"),
    path(
        "roadmaps/<slug:slug>/export.md",
        views.roadmap_export,
        {"format": "md"},
        name="roadmap-export-md",
    ),
    path(
        "roadmaps/<slug:slug>/export.json",
        views.roadmap_export,
        {"format": "json"},
        name="roadmap-export-json",
    ),
    path(
        "roadmaps/<slug:slug>/export.csv",
        views.roadmap_export,
        {"format": "csv"},
        name="roadmap-export-csv",
    ),
    path("roadmaps/<slug:slug>/settings/", views.roadmap_settings, name="roadmap-settings"),
    path("roadmaps/<slug:slug>/copy/", views.roadmap_copy, name="roadmap-copy"),
    path("roadmaps/<slug:slug>/rerank/", views.roadmap_rerank, name="roadmap-rerank"),
    path("roadmaps/<slug:slug>/delete/", views.roadmap_delete, name="roadmap-delete"),
    path("roadmaps/<slug:slug>/steps/", views.step_add, name="step-add"),
    path("roadmaps/<slug:slug>/steps/<int:pk>/", views.step_change, name="step-change"),
]
