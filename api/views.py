"""The page where a signed-in person makes and revokes their API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from api.models import ApiToken
from api.services import MAX_TOKENS, create_token, revoke_token


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, help_text="What it is for, such as “notebook on my laptop”."
    )


@login_required
def tokens(request):
    """The person's tokens; POST ``name`` makes one (its key shown on this answer alone),
    POST ``revoke`` (a token's id) revokes one of theirs."""
    form, key = TokenForm(), None
    if request.method == "POST" and "revoke" in request.POST:
        asked = request.POST["revoke"]
        mine = ApiToken.objects.of(request.user)
        token = get_object_or_404(mine, pk=asked if asked.isdecimal() and len(asked) < 19 else 0)
        revoke_token(token=token)
        messages.success(request, f"Revoked {token}: it opens nothing now.")
        return redirect("api-tokens")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                _, key = create_token(user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                form.add_error("name", error)
            else:
                form = TokenForm()
    context = {
        "tokens": ApiToken.objects.of(request.user),
        "form": form,
        "key": key,
        "max_tokens": MAX_TOKENS,
    }
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"  # the key is on it, once
    return response
