from django.urls import path

from taxonomy import views

urlpatterns = [
    path("", views.home, name="home"),
    path("fields/<slug:slug>/", views.field_detail, name="field-detail"),
    path("technologies/", views.technology_list, name="technology-list"),
    path("technologies/<slug:slug>/", views.technology_detail, name="technology-detail"),
    path("compare/", views.compare, name="compare"),
    path("search/", views.search_page, name="search"),
]
