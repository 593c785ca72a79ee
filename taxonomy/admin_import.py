"""The admin's "Import notes" page: upload a file, read the dry run, then confirm."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from lib.admin_permissions import require_permissions
from lib.admin_stash import forget, stash, unstash
from lib.textfile import InputError, check_size, decode_text
from taxonomy.notes.importer import MAX_BYTES, import_notes
from taxonomy.notes.report import format_report

# What the import form may send: the largest notes file and the form around it.
UPLOAD_BYTES = MAX_BYTES + 1024 * 1024

SESSION_KEY = "fieldnotes_pending_import"

# Who may import notes: an import adds, changes and deletes fields, skill sets and their
# lines, and the companies and roles the notes name.
IMPORT_NOTES_PERMISSIONS = tuple(
    f"{app}.{action}_{model}"
    for app, model in (
        ("taxonomy", "researcharea"),
        ("taxonomy", "skillset"),
        ("taxonomy", "skill"),
        ("postings", "company"),
        ("postings", "role"),
    )
    for action in ("add", "change", "delete")
)


class NotesUploadForm(forms.Form):
    notes = forms.FileField(label="Notes file", help_text="Markdown, UTF-8, up to 50 MB.")
    name = forms.CharField(
        label="Name among your notes files",
        required=False,
        max_length=500,
        help_text="Its path below the folder it was imported with (e.g. web/web-dev.md), so "
        "that it replaces that file; blank: the uploaded file's name.",
    )

    def clean_notes(self):
        upload = self.cleaned_data["notes"]
        try:
            check_size(upload.name, upload.size, MAX_BYTES)
            self.text = decode_text(upload.read(), upload.name, keep_bom=True)
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload

    def clean_name(self):
        name = self.cleaned_data["name"].strip().replace("\\", "/")
        parts = name.split("/")
        if name and (name.startswith("/") or any(part in ("", ".", "..") for part in parts)):
            raise forms.ValidationError("Give a relative path such as web/web-dev.md.")
        return name

    @property
    def library_name(self) -> str:
        return self.cleaned_data["name"] or self.cleaned_data["notes"].name


def import_notes_view(request, model_admin):
    require_permissions(request, IMPORT_NOTES_PERMISSIONS)
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta}
    if request.method == "POST" and "confirm" in request.POST:
        pending = unstash(request, SESSION_KEY)
        if pending is None:
            messages.error(request, "The uploaded file has expired; upload it again.")
            return redirect("admin:taxonomy_researcharea_import")
        name, text, _ = pending
        try:
            report = import_notes(text=text, source_name=name)
        except InputError as exc:
            messages.error(request, str(exc))
            return redirect("admin:taxonomy_researcharea_import")
        forget(request, SESSION_KEY)
        messages.success(request, f"Imported {name}.")
        context.update(title="Notes imported", report=format_report(report), done=True)
        return TemplateResponse(request, "admin/taxonomy/import_notes.html", context)

    form = NotesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name = form.library_name
        try:
            report = import_notes(text=form.text, source_name=name, dry_run=True)
        except InputError as exc:
            form.add_error("notes", str(exc))
        else:
            stash(request, SESSION_KEY, name, form.text)
            context.update(title=f"Import {name}?", report=format_report(report), file_name=name)
            return TemplateResponse(request, "admin/taxonomy/import_notes.html", context)
    context.update(title="Import notes", form=form)
    return TemplateResponse(request, "admin/taxonomy/import_notes.html", context)
