"""The model villages in the Wagtail admin: the overview (a commune officer's own candidates, the
board's queue), a commune's self-assessment form, the board's review, the ranking of a set and a
candidate's scores over the years, and the evidence files.

Registered by wagtail_hooks.py (the admin login guards them); each view checks what the person may
do (selectors.can_assess, can_review, is_board) and says a refusal in words."""

from __future__ import annotations

import functools
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from geopark.operations.documents import harden_download

from . import charts, selectors, services
from .forms import AssessmentForm, ReviewForm
from .models import Assessment, AssessmentStatus, Candidate, CriteriaSet, Score, ScoreChange


class Refused(Exception):
    """What a person may not see or do here (Wagtail turns a bare PermissionDenied into a silent
    redirect to the dashboard)."""


def refusing(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except (Refused, PermissionDenied) as refused:
            return render(
                request,
                "villages/admin/refused.html",
                {**_header(_("Not allowed"), "warning"), "message": str(refused)},
                status=403,
            )

    return wrapper


def _header(title: str, icon: str = "list-ul") -> dict:
    return {"page_title": title, "header_title": title, "header_icon": icon}


def _crumbs(*items: tuple[str, str | None]) -> list[dict]:
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("villages_admin:overview"), "label": _("Model villages")},
    ] + [{"url": url or "", "label": label} for label, url in items]


def _require_board(request: HttpRequest) -> None:
    if not selectors.is_board(request.user):
        raise Refused(_("Only the board's model-village reviewers see this page."))


@refusing
def overview(request: HttpRequest) -> HttpResponse:
    board = selectors.is_board(request.user)
    if not board and selectors.officer_commune_id(request.user) is None:
        raise Refused(_("This page is for the board and for the officers of a commune or ward."))
    sets = list(selectors.set_list())
    candidates = list(selectors.candidates_for(request.user))
    statuses = {
        (a.criteria_set_id, a.candidate_id): a
        for a in Assessment.objects.filter(candidate__in=candidates).only(
            "pk", "criteria_set_id", "candidate_id", "status"
        )
    }
    own = [
        (s, c, statuses.get((s.pk, c.pk)))
        for s in sets
        if s.open
        for c in candidates
        if selectors.fits(s, c) and selectors.can_assess(request.user, c)
    ]
    queue = (
        list(
            Assessment.objects.filter(status=AssessmentStatus.SUBMITTED)
            .select_related("criteria_set", "candidate__commune")
            .order_by("submitted_at")
        )
        if board
        else []
    )
    return render(
        request,
        "villages/admin/overview.html",
        {
            **_header(_("Model villages"), "home"),
            "breadcrumbs_items": _crumbs(),
            "board": board,
            "sets": sets,
            "own": own,
            "queue": queue,
        },
    )


def _entries(form: AssessmentForm, files) -> dict[int, services.Entry]:
    data = form.cleaned_data
    return {
        c.pk: services.Entry(
            score=data.get(f"score_{c.pk}"),
            evidence=data.get(f"evidence_{c.pk}", ""),
            file=files.get(f"file_{c.pk}"),
            links=data.get(f"links_{c.pk}", ""),
        )
        for c in form.criteria
    }


@refusing
def assess(request: HttpRequest, set_slug: str, candidate_slug: str) -> HttpResponse:
    criteria_set = get_object_or_404(CriteriaSet, slug=set_slug)
    candidate = get_object_or_404(Candidate.objects.select_related("commune"), slug=candidate_slug)
    if not selectors.can_assess(request.user, candidate):
        raise Refused(_("This candidate is not in your commune."))
    assessment = Assessment.objects.filter(criteria_set=criteria_set, candidate=candidate).first()
    criteria = selectors.criteria_of(criteria_set)
    scores = selectors.scores_of(assessment)
    initial = {}
    for pk, score in scores.items():
        initial |= {
            f"score_{pk}": score.self_score,
            f"evidence_{pk}": score.evidence_text,
            f"links_{pk}": score.links,
        }
    form = AssessmentForm(request.POST or None, request.FILES or None, criteria=criteria, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_self_assessment(
                    user=request.user,
                    criteria_set=criteria_set,
                    candidate=candidate,
                    entries=_entries(form, request.FILES),
                    submit="submit" in request.POST,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Self-assessment submitted to the board.")
                    if "submit" in request.POST
                    else _("Draft saved."),
                )
                return redirect(
                    "villages_admin:assess", set_slug=criteria_set.slug, candidate_slug=candidate.slug
                )
        status = 400
    own_total = board_total = None
    if assessment is not None:
        own_total, board_total = assessment.totals(criteria, scores)
    return render(
        request,
        "villages/admin/assess.html",
        {
            **_header(_("Self-assessment"), "edit"),
            "breadcrumbs_items": _crumbs((candidate.label, None)),
            "criteria_set": criteria_set,
            "candidate": candidate,
            "assessment": assessment,
            "editable": criteria_set.open
            and (assessment is None or assessment.status == AssessmentStatus.DRAFT),
            "form": form,
            "groups": [(c, scores.get(c.pk), fields) for c, fields in form.groups()],
            "own_total": own_total,
            "board_total": board_total,
        },
        status=status,
    )


@refusing
def review(request: HttpRequest, pk: int) -> HttpResponse:
    _require_board(request)
    assessment = get_object_or_404(
        Assessment.objects.select_related("criteria_set", "candidate__commune", "submitted_by"), pk=pk
    )
    if not selectors.can_review(request.user, assessment):
        raise Refused(_("You submitted this self-assessment: another board member must review it."))
    criteria = selectors.criteria_of(assessment.criteria_set)
    scores = selectors.scores_of(assessment)
    form = ReviewForm(request.POST or None, criteria=criteria)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            entries = {
                c.pk: services.BoardEntry(data.get(f"score_{c.pk}"), data.get(f"reason_{c.pk}", ""))
                for c in criteria
            }
            try:
                services.review(
                    user=request.user,
                    assessment=assessment,
                    entries=entries,
                    confirm="confirm" in request.POST,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The board's scores are saved."))
                return redirect("villages_admin:review", pk=assessment.pk)
        status = 400
    own_total, board_total = assessment.totals(criteria, scores)
    changes = list(
        ScoreChange.objects.filter(score__assessment=assessment)
        .select_related("score__criterion", "changed_by")
        .order_by("changed_at", "pk")
    )
    rows = [(c, scores.get(c.pk), form[f"score_{c.pk}"], form[f"reason_{c.pk}"]) for c in criteria]
    return render(
        request,
        "villages/admin/review.html",
        {
            **_header(_("Review a self-assessment"), "check"),
            "breadcrumbs_items": _crumbs((assessment.candidate.label, None)),
            "assessment": assessment,
            "reviewable": assessment.status == AssessmentStatus.SUBMITTED,
            "form": form,
            "rows": rows,
            "own_total": own_total,
            "board_total": board_total,
            "changes": changes,
        },
        status=status,
    )


@refusing
def ranking(request: HttpRequest) -> HttpResponse:
    _require_board(request)
    sets = list(selectors.set_list())
    slug = request.GET.get("set", "")
    chosen = next((s for s in sets if s.slug == slug), None) if slug else (sets[0] if sets else None)
    if slug and chosen is None:
        raise Http404(_("No criteria set with this key."))
    return render(
        request,
        "villages/admin/ranking.html",
        {
            **_header(_("Model village ranking"), "order"),
            "breadcrumbs_items": _crumbs((_("Ranking"), None)),
            "sets": sets,
            "criteria_set": chosen,
            "rows": selectors.ranking(chosen) if chosen else [],
        },
    )


@refusing
def candidate(request: HttpRequest, pk: int) -> HttpResponse:
    _require_board(request)
    found = get_object_or_404(Candidate.objects.select_related("commune"), pk=pk)
    history = selectors.candidate_history(found)
    series: dict[str, list[tuple[int, Decimal]]] = {}
    for criteria_set, row in history:
        series.setdefault(criteria_set.get_kind_display(), []).append((criteria_set.year, row.total))
    return render(
        request,
        "villages/admin/candidate.html",
        {
            **_header(found.label, "site"),
            "breadcrumbs_items": _crumbs((found.label, None)),
            "candidate": found,
            "history": history,
            "chart": charts.totals_over_years(series, label=_("Confirmed total out of 100, by year"))
            if series
            else "",
        },
    )


@refusing
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    score = get_object_or_404(Score.objects.select_related("assessment__candidate"), pk=pk)
    if not selectors.can_see(request.user, score.assessment):
        raise Refused(_("This candidate is not in your commune."))
    if not score.evidence_file:
        raise Http404
    response = FileResponse(
        score.evidence_file.open("rb"),
        as_attachment=True,
        filename=score.evidence_file.name.rsplit("/", 1)[-1],
    )
    return harden_download(response)
