"""What every page's layout needs to know about the site's settings."""

from django.conf import settings


def site(request):
    return {"signup_open": settings.SIGNUP_OPEN}
