"""Roadmap pages: the list, the target picker, one roadmap, its gap view and its exports.

Private roadmaps are 404 for everyone but their owner; public ones are readable by anyone,
and only the owner may change them (403 for anyone else). The writes go through
``roadmaps.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_POST

from lib.charts import step_chart
from lib.csv_download import csv_response
from lib.paging import paginate
from postings.models import Role
from roadmaps import services
from roadmaps.demand import Asking, roles_asking, target_demand
from roadmaps.export import CSV_HEADER, csv_rows, export_text
from roadmaps.fit import by_fit, fits_of, targets_by_fit
from roadmaps.forms import (
    AddStepForm,
    KnownTextForm,
    ProgressForm,
    RoadmapForm,
    SettingsForm,
    SignUpForm,
    StepForm,
    confirmed_levels,
    error_text,
)
from roadmaps.known import levels_of, technologies_in
from roadmaps.models import Roadmap, RoadmapStep, SkillProgress
from roadmaps.ranking import spread, why
from roadmaps.reading import read_plan
from roadmaps.targets import find_targets
from taxonomy.models import DataVersion, ResearchArea, Technology

Status = SkillProgress.Status
# A position past any stage's end: "move to the end of that stage".
END = 10**6


def _readable(request, slug: str) -> Roadmap:
    queryset = Roadmap.objects.visible_to(request.user).for_reading()
    return get_object_or_404(queryset, slug=slug)


def _editable(request, slug: str) -> Roadmap:
    roadmap = get_object_or_404(Roadmap.objects.visible_to(request.user), slug=slug)
    if roadmap.owner_id != request.user.pk:
        raise PermissionDenied("Only the owner may change this roadmap.")
    return roadmap


@require_GET
def roadmap_list(request):
    # Counting steps groups rows, and Django then drops Meta.ordering: order explicitly.
    roadmaps = Roadmap.objects.with_progress().order_by("-updated", "pk")
    public = roadmaps.public().select_related("owner")
    mine = None
    if request.user.is_authenticated:
        public = public.exclude(owner=request.user)
        mine = paginate(request, roadmaps.owned_by(request.user), name="mine")
    return render(
        request,
        "roadmaps/roadmap_list.html",
        {"mine": mine, "public": paginate(request, public)},
    )


def _chosen(data) -> tuple[list[ResearchArea], list[Role]]:
    areas = ResearchArea.objects.filter(slug__in=data.getlist("areas")).order_by("position")
    roles = Role.objects.filter(slug__in=data.getlist("roles")).select_related("company")
    return list(areas), list(roles)


def _picker_url(areas, roles, query: str) -> str:
    params = [("areas", a.slug) for a in areas] + [("roles", r.slug) for r in roles]
    if query:
        params.append(("q", query))
    return f"{reverse('roadmap-new')}?{urlencode(params)}"


def _link_targets(areas, roles, candidates, query: str) -> None:
    """Give each chosen target a link that removes it and each candidate one that adds it."""
    for area in areas:
        area.remove_url = _picker_url([a for a in areas if a != area], roles, query)
    for role in roles:
        role.remove_url = _picker_url(areas, [r for r in roles if r != role], query)
    for area in candidates.areas:
        area.add_url = _picker_url([*areas, area], roles, query)
    for role in candidates.roles:
        role.add_url = _picker_url(areas, [*roles, role], query)


@login_required
def roadmap_new(request):
    """Pick targets by searching (GET, so it works without JavaScript), then create (POST)."""
    if request.method == "POST":
        form = RoadmapForm(request.POST)
        if form.is_valid():
            roadmap = services.create_roadmap(
                owner=request.user,
                title=form.cleaned_data["title"],
                areas=form.cleaned_data["areas"],
                roles=form.cleaned_data["roles"],
                description=form.cleaned_data["description"],
                is_public=form.cleaned_data["is_public"],
            )
            messages.success(request, f"Roadmap created with {roadmap.steps.count()} steps.")
            return redirect(roadmap)
        areas, roles = _chosen(request.POST)
    else:
        areas, roles = _chosen(request.GET)
        title = " and ".join([a.name for a in areas] + [r.plain_title for r in roles])
        form = RoadmapForm(initial={"title": title[:200], "areas": areas, "roles": roles})
    query = request.GET.get("q", "")[:200]
    candidates = find_targets(query, chosen_areas=areas, chosen_roles=roles)
    _link_targets(areas, roles, candidates, query)
    context = {"form": form, "areas": areas, "roles": roles, "candidates": candidates}
    if request.GET.get("partial") == "results":
        return render(request, "roadmaps/includes/target_results.html", context)
    return render(request, "roadmaps/roadmap_new.html", context)


@require_GET
def roadmap_detail(request, slug):
    roadmap = _readable(request, slug)
    plan = read_plan(roadmap)
    is_owner = roadmap.owner_id == request.user.pk
    chart = step_chart(plan.done_by_day, end=timezone.localdate(), top=plan.to_learn)
    notes_changed = is_owner and DataVersion.objects.changed_since(roadmap.ranked_at)
    return render(
        request,
        "roadmaps/roadmap_detail.html",
        {
            "roadmap": roadmap,
            "plan": plan,
            "chart": chart,
            "is_owner": is_owner,
            "notes_changed": notes_changed,
            "statuses": Status.choices,
            "stages": RoadmapStep.Stage.choices,
            "add_form": AddStepForm() if is_owner else None,
            "settings_form": SettingsForm(instance=roadmap) if is_owner else None,
        },
    )


@require_GET
def roadmap_gap(request, slug):
    """What the targets ask for that the owner has not done yet, with the roles asking; what
    they chose to skip comes last."""
    roadmap = _readable(request, slug)
    areas, roles = list(roadmap.areas.all()), list(roadmap.roles.all())
    demand = target_demand(areas=areas, roles=roles)
    statuses = SkillProgress.objects.statuses(roadmap.owner)
    gap = [row for row in demand.ranked if statuses.get(row.technology) not in SkillProgress.DONE]
    # What the most target roles require first; skipped last; the plan's order breaks ties.
    requiring = demand.roles_requiring
    gap.sort(
        key=lambda row: (
            statuses.get(row.technology) == Status.SKIPPED,
            -requiring.get(row.technology, 0),
        )
    )
    page = paginate(request, gap)
    shown = [row.technology for row in page]
    asking = roles_asking(demand, shown)
    technologies = demand.technologies(shown)
    in_plan = {step.technology_id for step in roadmap.steps.all()}
    label = roadmap.targets_label()
    page.object_list = [
        {
            "technology": technologies[row.technology],
            "why": why(row, label),
            "spread": spread(row),
            "status": Status(statuses.get(row.technology, Status.NONE)).label,
            "asking": asking.get(row.technology, Asking([], 0)),
            "requiring": requiring.get(row.technology, 0),
            "in_plan": row.technology in in_plan,
        }
        for row in page.object_list
    ]
    return render(
        request,
        "roadmaps/roadmap_gap.html",
        {
            "roadmap": roadmap,
            "page": page,
            "done": sum(status in SkillProgress.DONE for status in statuses.values()),
            "role_count": demand.role_count,
            "is_owner": roadmap.owner_id == request.user.pk,
        },
    )


@login_required
def roadmap_rerank(request, slug):
    """What ranking the targets again from the notes would change (GET), and doing it (POST);
    the owner's only."""
    roadmap = _editable(request, slug)
    if request.method == "POST":
        result = services.rerank_roadmap(roadmap=roadmap)
        messages.success(request, f"Re-ranked. {result.summary()}")
        return redirect(roadmap)
    result = services.rerank_roadmap(roadmap=roadmap, dry_run=True)
    return render(request, "roadmaps/roadmap_rerank.html", {"roadmap": roadmap, "rerank": result})


@require_GET
def roadmap_export(request, slug, format):
    roadmap = _readable(request, slug)
    if format == "csv":
        return csv_response(f"{roadmap.slug}.csv", CSV_HEADER, csv_rows(roadmap))
    kind = "application/json" if format == "json" else "text/markdown"
    response = HttpResponse(export_text(roadmap, format), content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{roadmap.slug}.{format}"'
    return response


@require_POST
@login_required
def roadmap_settings(request, slug):
    roadmap = _editable(request, slug)
    form = SettingsForm(request.POST, instance=roadmap)
    if form.is_valid():
        services.update_roadmap(
            roadmap=roadmap,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            is_public=form.cleaned_data["is_public"],
        )
        messages.success(request, "Roadmap saved.")
    else:
        messages.error(request, error_text(form))
    return redirect(roadmap)


@require_POST
@login_required
def roadmap_copy(request, slug):
    """A private copy, for the signed-in person, of a roadmap they may read."""
    original = get_object_or_404(Roadmap.objects.visible_to(request.user), slug=slug)
    roadmap = services.copy_roadmap(roadmap=original, owner=request.user)
    messages.success(request, "Copied into your roadmaps, private until you publish it.")
    return redirect(roadmap)


@require_POST
@login_required
def roadmap_delete(request, slug):
    roadmap = _editable(request, slug)
    title = roadmap.title
    services.delete_roadmap(roadmap=roadmap)
    messages.success(request, f"Roadmap {title!r} deleted.")
    return redirect("roadmap-list")


@require_POST
@login_required
def step_add(request, slug):
    roadmap = _editable(request, slug)
    form = AddStepForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(error_text(form))
        step = services.add_step(
            roadmap=roadmap,
            technology=form.cleaned_data["technology"],
            stage=form.cleaned_data["stage"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(roadmap)
    messages.success(request, f"{step.technology.name} added.")
    return redirect(step)


@require_POST
@login_required
def step_change(request, slug, pk):
    roadmap = _editable(request, slug)
    step = get_object_or_404(
        RoadmapStep.objects.select_related("technology"), roadmap=roadmap, pk=pk
    )
    step.roadmap = roadmap
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That change is not possible.")
        return redirect(roadmap)
    action = form.cleaned_data["action"]
    if action == "remove":
        services.remove_step(step=step)
        messages.success(request, f"{step.technology.name} removed.")
        return redirect(roadmap)
    if action == "note":
        services.set_step_note(step=step, note=form.cleaned_data["note"])
    elif action == "stage" and form.cleaned_data["stage"] is not None:
        services.move_step(step=step, stage=form.cleaned_data["stage"], position=END)
    elif action in ("up", "down"):
        offset = -1 if action == "up" else 1
        services.move_step(step=step, stage=step.stage, position=step.position + offset)
    return redirect(step)


@require_POST
@login_required
def progress_set(request, technology):
    """Mark how far the signed-in person is with a technology, in all their roadmaps."""
    technology = get_object_or_404(Technology, slug=technology)
    form = ProgressForm(request.POST)
    if form.is_valid():
        services.set_progress(
            user=request.user, technology=technology, status=form.cleaned_data["status"]
        )
    else:
        messages.error(request, "Choose one of the statuses shown.")
    return redirect(_next_url(request, "roadmap-list"))


def _next_url(request, default: str) -> str:
    """The ``next`` page posted, if it is on this site; ``default`` otherwise."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def sign_up(request):
    """Anyone may create an account when the site allows it (``FIELDNOTES_SIGNUP=1``); the
    page does not exist otherwise. A new person starts by recording what they know."""
    if not settings.SIGNUP_OPEN:
        raise Http404("Accounts are made by a curator on this site.")
    if request.user.is_authenticated:
        return redirect("roadmap-list")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_username()}. Start with what you know.")
        return redirect(_next_url(request, "known-technologies"))
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


@login_required
def known_technologies(request):
    """What the signed-in person knows: paste text, confirm what it names, at a level each."""
    if request.method == "POST" and request.POST.get("action") == "record":
        try:
            levels = confirmed_levels(request.POST)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            services.set_levels(user=request.user, levels=levels)
            count = len(levels)
            messages.success(request, f"Recorded {count} technolog{'y' if count == 1 else 'ies'}.")
        return redirect("known-technologies")
    form = KnownTextForm(request.POST if request.method == "POST" else None)
    found = []
    if form.is_bound and form.is_valid():
        technologies = technologies_in(form.cleaned_data["text"])
        statuses = SkillProgress.objects.statuses(request.user, [t.pk for t in technologies])
        # Offered at the level recorded, or at working when there is none yet.
        found = [
            (technology, statuses.get(technology.pk, Status.NONE)) for technology in technologies
        ]
        found = [(t, Status.WORKING if s == Status.NONE else s) for t, s in found]
    return render(
        request,
        "roadmaps/known.html",
        {
            "form": form,
            "found": found,
            "levels": levels_of(request.user),
            "statuses": Status.choices,
        },
    )


@login_required
@require_GET
def role_fit(request):
    """Every role, or those of one roadmap's targets, ranked by how well the person fits it."""
    if request.GET.get("roadmap"):
        roadmap = get_object_or_404(
            Roadmap.objects.visible_to(request.user), slug=request.GET["roadmap"]
        )
        ids = targets_by_fit(
            user=request.user, areas=roadmap.areas.all(), roles=roadmap.roles.all()
        )
    else:
        roadmap = None
        ids = by_fit(user=request.user, roles=Role.objects.all(), key="every role")
    page = paginate(request, ids)
    page.object_list = fits_of(user=request.user, ids=list(page.object_list))
    return render(request, "roadmaps/role_fit.html", {"page": page, "roadmap": roadmap})
