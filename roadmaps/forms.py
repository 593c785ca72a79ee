from django import forms
from django.db.models import Q

from postings.models import Role
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
