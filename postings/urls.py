from django.urls import path

from postings import views

urlpatterns = [
    path("roles/", views.role_list, name="role-list"),
    path("roles/<slug:slug>/", views.role_detail, name="role-detail"),
    path("companies/", views.company_list, name="company-list"),
    path("companies/<slug:slug>/", views.company_detail, name="company-detail"),
    path("postings/<int:pk>/", views.posting_detail, name="posting-detail"),
]
