from django.urls import path

from lib.page_cache import cached_page
from taxonomy import views

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("fields/<slug:slug>/", cached_page(views.field_detail), name="field-detail"),
    path("fields/<slug:slug>/technologies.csv", views.field_demand_csv, name="field-demand-csv"),
    path("technologies/", cached_page(views.technology_list), name="technology-list"),
    path(
        "technologies/<slug:slug>/", cached_page(views.technology_detail), name="technology-detail"
    ),
    path("compare/", cached_page(views.compare), name="compare"),
    path("compare/export.csv", views.compare_csv, name="compare-csv"),
    path("search/", cached_page(views.search_page), name="search"),
    path("search/export.csv", views.search_csv, name="search-csv"),
    path("suggest/<slug:kind>/", views.suggest, name="suggest"),
]
