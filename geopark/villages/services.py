"""Writes of the model villages: a commune's self-assessment (saved as a draft or submitted) and the
board's review. Every rule is checked on the whole input before anything is written; a refusal
raises ValidationError with messages a person understands, and nothing is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number
from geopark.plans.services import check_evidence, check_links

from . import selectors
from .models import Assessment, AssessmentStatus, Candidate, CriteriaSet, Criterion, Score, ScoreChange


@dataclass
class Entry:
    """What a commune gives for one criterion."""

    score: Decimal | None = None
    evidence: str = ""
    file: UploadedFile | None = None
    links: str = ""


@dataclass
class BoardEntry:
    """The board's score for one criterion (None: keep the commune's) and why it differs."""

    score: Decimal | None = None
    reason: str = ""


@dataclass
class Problems:
    errors: list[str] = field(default_factory=list)

    def add(self, criterion: Criterion, message: str) -> None:
        self.errors.append(f"{criterion.number}. {criterion.title}: {message}")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def check_score(criterion: Criterion, score: Decimal | None) -> str:
    if score is None:
        return ""
    if score < 0:
        return _("a score cannot be negative.")
    if score > criterion.max_score:
        return _("%(score)s is above the maximum of %(max)s.") % {
            "score": format_number(score),
            "max": format_number(criterion.max_score),
        }
    return ""


def _require_open(criteria_set: CriteriaSet) -> None:
    if not criteria_set.open:
        raise ValidationError(
            _("The %(year)s criteria set “%(title)s” is closed: it no longer takes self-assessments.")
            % {"year": criteria_set.year, "title": criteria_set.title}
        )


def _checked_entries(
    criteria: list[Criterion], entries: dict[int, Entry], *, submit: bool
) -> dict[int, tuple[Entry, str]]:
    """Every entry checked (score, file, links; every score present to submit), with its cleaned
    links; all problems raised together."""
    problems = Problems()
    cleaned: dict[int, tuple[Entry, str]] = {}
    for criterion in criteria:
        entry = entries.get(criterion.pk, Entry())
        message = check_score(criterion, entry.score)
        if message:
            problems.add(criterion, message)
        if submit and entry.score is None:
            problems.add(criterion, _("give a score before submitting."))
        try:
            check_evidence(entry.file)
            links = check_links(entry.links)
        except ValidationError as error:
            for messages in error.message_dict.values():
                for text in messages:
                    problems.add(criterion, text)
            links = ""
        cleaned[criterion.pk] = (entry, links)
    problems.raise_if_any()
    return cleaned


def save_self_assessment(
    *,
    user,
    criteria_set: CriteriaSet,
    candidate: Candidate,
    entries: dict[int, Entry],
    submit: bool = False,
) -> Assessment:
    """Save a commune's scores and evidence for its own candidate, and submit them when asked."""
    if not selectors.can_assess(user, candidate):
        raise PermissionDenied(_("This candidate is not in your commune."))
    _require_open(criteria_set)
    if not selectors.fits(criteria_set, candidate):
        raise ValidationError(_("This criteria set is not for this kind of candidate."))
    assessment = Assessment.objects.filter(criteria_set=criteria_set, candidate=candidate).first()
    if assessment is not None and assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError(_("This self-assessment was already submitted; the board is reviewing it."))
    criteria = selectors.criteria_of(criteria_set)
    existing = selectors.scores_of(assessment)
    cleaned = _checked_entries(criteria, entries, submit=submit)
    with transaction.atomic():
        if assessment is None:
            assessment = Assessment.objects.create(criteria_set=criteria_set, candidate=candidate)
        for criterion in criteria:
            entry, links = cleaned[criterion.pk]
            score = existing.get(criterion.pk) or Score(assessment=assessment, criterion=criterion)
            old = score.self_score if score.pk else None
            score.self_score = entry.score
            score.evidence_text = entry.evidence
            score.links = links
            if entry.file is not None:
                score.evidence_file.save(entry.file.name or "evidence", entry.file, save=False)
            score.save()
            if old != entry.score:
                ScoreChange.objects.create(score=score, old=old, new=entry.score, changed_by=user)
        if submit:
            assessment.status = AssessmentStatus.SUBMITTED
            assessment.submitted_by = user
            assessment.submitted_at = timezone.now()
            assessment.save(update_fields=["status", "submitted_by", "submitted_at"])
    return assessment


def review(
    *, user, assessment: Assessment, entries: dict[int, BoardEntry], confirm: bool = False
) -> Assessment:
    """The board's scores (each change with its reason, kept in ScoreChange), and its confirmation."""
    if not selectors.is_board(user):
        raise PermissionDenied(_("Only the board reviews self-assessments."))
    if not selectors.can_review(user, assessment):
        raise PermissionDenied(_("You submitted this self-assessment: another board member must review it."))
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted self-assessment can be reviewed."))
    criteria = selectors.criteria_of(assessment.criteria_set)
    scores = selectors.scores_of(assessment)
    problems = Problems()
    for criterion in criteria:
        entry = entries.get(criterion.pk, BoardEntry())
        message = check_score(criterion, entry.score)
        if message:
            problems.add(criterion, message)
        current = scores[criterion.pk].final_score if criterion.pk in scores else None
        if entry.score is not None and entry.score != current and not entry.reason.strip():
            problems.add(criterion, _("say why the board's score differs."))
    problems.raise_if_any()
    with transaction.atomic():
        for criterion in criteria:
            entry = entries.get(criterion.pk, BoardEntry())
            score = scores.get(criterion.pk) or Score.objects.create(
                assessment=assessment, criterion=criterion
            )
            if entry.score is None or entry.score == score.final_score:
                continue
            ScoreChange.objects.create(
                score=score,
                by_board=True,
                old=score.final_score,
                new=entry.score,
                reason=entry.reason.strip(),
                changed_by=user,
            )
            score.board_score = entry.score
            score.board_reason = entry.reason.strip()
            score.save(update_fields=["board_score", "board_reason"])
        if confirm:
            assessment.status = AssessmentStatus.CONFIRMED
            assessment.confirmed_by = user
            assessment.confirmed_at = timezone.now()
            assessment.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    return assessment
