from django.urls import path

from lib.page_cache import cached_page
from postings import views

urlpatterns = [
    path("roles/", cached_page(views.role_list), name="role-list"),
    path("roles/export.csv", views.role_list_csv, name="role-list-csv"),
    path("roles/<slug:slug>/", cached_page(views.role_detail), name="role-detail"),
    path("companies/", cached_page(views.company_list), name="company-list"),
    path("companies/<slug:slug>/", cached_page(views.company_detail), name="company-detail"),
    path("postings/<int:pk>/", cached_page(views.posting_detail), name="posting-detail"),
]
