"""The admin's "Add posting" page: paste or upload a posting, preview it, then confirm."""

from __future__ import annotations

from dataclasses import asdict

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from lib.admin_permissions import require_permissions
from lib.admin_stash import forget, stash, unstash
from lib.textfile import InputError, check_size, decode_text
from postings.importing import MAX_BYTES, Overrides, import_posting
from postings.importing.summary import field_text, summary_line
from taxonomy.models import ResearchArea, SkillSet
from taxonomy.notes.markdown import render_markdown

# What "Add posting" may send: a file or a pasted posting, each up to the limit, and the form.
UPLOAD_BYTES = 2 * MAX_BYTES + 1024 * 1024

SESSION_KEY = "fieldnotes_pending_posting"
PASTED = "pasted posting"

# Who may add a posting: add on each kind of row import_posting writes from it. It writes a
# company only when the posting names one not yet known, but the form can name any, so
# always. A skill's tags come with the skill, as on the skill's own admin page; the
# technologies import_posting syncs from the vocabulary file are not the posting's.
ADD_POSTING_PERMISSIONS = (
    "postings.add_posting",
    "postings.add_role",
    "postings.add_company",
    "taxonomy.add_skillset",
    "taxonomy.add_skill",
)


class PostingForm(forms.Form):
    text = forms.CharField(
        label="Posting text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text="Paste the whole posting (Markdown or plain text), or upload it below.",
    )
    file = forms.FileField(label="Or a file", required=False, help_text="UTF-8 text, ≤ 5 MB.")
    company = forms.CharField(required=False, max_length=255, help_text="Instead of the one found.")
    title = forms.CharField(
        required=False, max_length=255, help_text="For a posting that holds one role."
    )
    area = forms.ModelChoiceField(
        ResearchArea.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        label="Field",
        empty_label="Guess from the technologies it asks for",
    )
    url = forms.URLField(label="Source URL", required=False, max_length=500)

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text", "")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        try:
            if upload:
                check_size(upload.name, upload.size, MAX_BYTES)
                self.source_name, self.posting_text = (
                    upload.name,
                    decode_text(upload.read(), upload.name),
                )
            elif text.strip():
                check_size(PASTED, len(text.encode("utf-8")), MAX_BYTES)
                self.source_name, self.posting_text = PASTED, text
            else:
                raise forms.ValidationError("Paste a posting or upload one.")
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return data

    def overrides(self) -> Overrides:
        data = self.cleaned_data
        area = data.get("area")
        return Overrides(
            company=data.get("company", ""),
            title=data.get("title", ""),
            area=area.slug if area else "",
            url=data.get("url", ""),
        )


def add_posting_view(request, model_admin):
    require_permissions(request, ADD_POSTING_PERMISSIONS)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Add posting",
    }
    if request.method == "POST" and "confirm" in request.POST:
        pending = unstash(request, SESSION_KEY)
        if pending is None:
            messages.error(request, "The previewed posting has expired; paste it again.")
            return redirect("admin:postings_posting_add")
        name, text, overrides = pending
        try:
            report = import_posting(text=text, source_name=name, overrides=Overrides(**overrides))
        except InputError as exc:
            messages.error(request, str(exc))
            return redirect("admin:postings_posting_add")
        forget(request, SESSION_KEY)
        level = messages.WARNING if report.already_imported else messages.SUCCESS
        messages.add_message(request, level, summary_line(report))
        return redirect(reverse("admin:postings_posting_change", args=[report.posting.pk]))

    posted = request.method == "POST"
    form = PostingForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        overrides = form.overrides()
        try:
            report = import_posting(
                text=form.posting_text,
                source_name=form.source_name,
                overrides=overrides,
                dry_run=True,
            )
        except InputError as exc:
            form.add_error(None, str(exc))
        else:
            stash(request, SESSION_KEY, form.source_name, form.posting_text, asdict(overrides))
            context.update(title="Add this posting?", report=report, **_preview(report))
            return TemplateResponse(request, "admin/postings/posting/add.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/postings/posting/add.html", context)


def _preview(report) -> dict:
    if report.already_imported:
        return {"summary": summary_line(report)}
    # From the plan, not the database: a preview's import is rolled back, with any
    # technologies it synced from the vocabulary.
    names = report.plan.technology_names

    def shown(skills):
        return [
            {
                "text": skill.text,
                "technologies": [names[slug] for slug in skill.technologies],
                "children": shown(skill.children),
            }
            for skill in skills
        ]

    roles = [
        {
            "plan": role,
            "sets": [
                {
                    "plan": skill_set,
                    "kind": SkillSet.Kind(skill_set.kind).label,
                    "skills": shown(skill_set.skills),
                }
                for skill_set in role.sets
            ],
            # Rendered by the same safe renderer as every stored description.
            "description": mark_safe(render_markdown(role.description)),
        }
        for role in report.plan.roles
    ]
    return {"summary": summary_line(report), "field": field_text(report), "roles": roles}
