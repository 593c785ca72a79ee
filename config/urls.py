from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from api.views import tokens
from roadmaps.views import sign_up


def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    path("", include("api.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", sign_up, name="signup"),
    path("accounts/tokens/", tokens, name="api-tokens"),
    path("", include("roadmaps.urls")),
    path("", include("postings.urls")),
    path("", include("taxonomy.urls")),
]
