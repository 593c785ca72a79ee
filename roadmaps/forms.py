from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.db.models import Q

from postings.models import Role
from roadmaps.known import MAX_FOUND, MAX_TEXT
from roadmaps.models import Roadmap, RoadmapStep, SkillProgress
from taxonomy.models import ResearchArea, Technology


class SettingsForm(forms.ModelForm):
    class Meta:
        model = Roadmap
        fields = ["title", "description", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class RoadmapForm(SettingsForm):
    """A new roadmap: its settings, and the targets chosen."""

    areas = forms.ModelMultipleChoiceField(
        ResearchArea.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    roles = forms.ModelMultipleChoiceField(
        Role.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.MultipleHiddenInput,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("areas") and not cleaned.get("roles"):
            raise forms.ValidationError("Choose at least one field or role to plan for.")
        return cleaned


class TechnologyField(forms.CharField):
    """A technology by name, alias or slug, as a person would type it."""

    def clean(self, value):
        text = " ".join(super().clean(value).split())
        found = Technology.objects.filter(Q(name__iexact=text) | Q(slug=text.lower())).first()
        if found is None:
            wanted = text.casefold()
            with_aliases = Technology.objects.exclude(aliases=[]).only("name", "slug", "aliases")
            found = next(
                (t for t in with_aliases if wanted in {a.casefold() for a in t.aliases}), None
            )
        if found is None:
            raise forms.ValidationError(f"No technology is called {text!r}.")
        return found


class AddStepForm(forms.Form):
    technology = TechnologyField(max_length=100)
    stage = forms.TypedChoiceField(
        choices=RoadmapStep.Stage.choices, coerce=int, initial=RoadmapStep.Stage.LATER
    )


class StepForm(forms.Form):
    """One change to a step, named by the button pressed."""

    action = forms.ChoiceField(choices=[(a, a) for a in ("up", "down", "stage", "remove", "note")])
    stage = forms.TypedChoiceField(choices=RoadmapStep.Stage.choices, coerce=int, required=False)
    note = forms.CharField(required=False, max_length=2000)


def error_text(form: forms.Form) -> str:
    """All of a form's errors in one sentence, for a message after a redirect."""
    return " ".join(error for errors in form.errors.values() for error in errors)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(choices=SkillProgress.Status.choices)


class KnownTextForm(forms.Form):
    text = forms.CharField(
        label="Paste a CV, a profile or a list of tools",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


def confirmed_levels(data) -> dict[Technology, str]:
    """The technologies ticked on the confirmation form, each with the level chosen for it."""
    slugs = list(dict.fromkeys(data.getlist("technology")))
    if not slugs:
        raise ValidationError("Tick at least one technology to record.")
    if len(slugs) > MAX_FOUND:
        raise ValidationError(f"Record at most {MAX_FOUND} technologies at once.")
    found = Technology.objects.in_bulk(slugs, field_name="slug")
    levels = {}
    for slug in slugs:
        status = data.get(f"level-{slug}", SkillProgress.Status.WORKING)
        if slug not in found or status not in SkillProgress.Status.values:
            raise ValidationError("Choose one of the levels shown for each technology.")
        levels[found[slug]] = status
    return levels


class SignUpForm(UserCreationForm):
    """A name and a password twice, checked by the site's password validators."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)
