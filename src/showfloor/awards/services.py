"""Every write of awards: set-up, entries, conflicts, scores, closing rounds, publishing."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.awards import queries
from showfloor.awards.enums import (
    AwardStatus,
    Eligibility,
    EntrySource,
    EntryStatus,
    RoundKind,
    RoundStatus,
)
from showfloor.awards.models import (
    Award,
    ConflictOfInterest,
    Criterion,
    Entry,
    JuryMember,
    Round,
    Score,
)
from showfloor.awards.rules import is_conflicted, juror_for
from showfloor.core import audit
from showfloor.core.models import Edition, Organization
from showfloor.core.money import to_decimal
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import save_validated
from showfloor.exhibitors.models import Exhibit, Exhibitor

APPROVED = "approved"


def _create(actor: Actor, instance: Any, edition: Edition, **changes: Any) -> Any:
    save_validated(instance)
    audit.record(
        actor,
        f"{instance._meta.label_lower}.create",
        instance,
        edition=edition,
        changes={key: [None, value] for key, value in changes.items()},
    )
    return instance


@transaction.atomic
def create_award(actor: Actor, edition: Edition, **values: Any) -> Award:
    require(actor, Perm.MANAGE_AWARDS, edition)
    return _create(actor, Award(edition=edition, **values), edition, **values)


@transaction.atomic
def add_criterion(actor: Actor, award: Award, name: dict[str, str], weight: Any, **values: Any):
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    criterion = Criterion(award=award, name=name, weight=to_decimal(weight, "weight"), **values)
    return _create(actor, criterion, award.edition, name=name, weight=criterion.weight)


@transaction.atomic
def add_round(actor: Actor, award: Award, kind: str, advance_count: int | None = None) -> Round:
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    if kind == RoundKind.SHORTLIST and not advance_count:
        raise ValidationError({"advance_count": [_("Say how many entries go to the final.")]})
    round_ = Round(award=award, kind=kind, advance_count=advance_count)
    return _create(actor, round_, award.edition, kind=kind, advance_count=advance_count)


@transaction.atomic
def set_award_status(actor: Actor, award: Award, status: str) -> Award:
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    locked = Award.objects.select_for_update().get(pk=award.pk)
    changes = audit.apply_changes(locked, {"status": status})
    save_validated(locked)
    audit.record(actor, "awards.award.status", locked, edition=locked.edition, changes=changes)
    return locked


@transaction.atomic
def add_juror(
    actor: Actor, award: Award, user: Any, organization: Organization | None = None, **values: Any
) -> JuryMember:
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    juror = JuryMember(award=award, user=user, organization=organization, **values)
    return _create(actor, juror, award.edition, user=user.get_username())


@transaction.atomic
def declare_conflict(
    actor: Actor,
    juror: JuryMember,
    reason: str,
    organization: Organization | None = None,
    entry: Entry | None = None,
) -> ConflictOfInterest:
    """The juror themself or the jury secretary records a conflict; scores the juror already
    gave to the entries concerned are withdrawn."""
    if not (actor.has_perm(Perm.MANAGE_AWARDS, juror.award.edition) or actor.user == juror.user):
        raise PermissionDenied("conflict")
    conflict = ConflictOfInterest(
        juror=juror, organization=organization, entry=entry, reason=reason
    )
    _create(actor, conflict, juror.award.edition, reason=reason)
    stale = Score.objects.filter(juror=juror)
    stale = stale.filter(entry=entry) if entry else stale.filter(entry__organization=organization)
    stale.delete()
    return conflict


def check_eligibility(
    award: Award,
    organization: Organization,
    exhibitor: Exhibitor | None,
    title: dict[str, str],
    exhibit: Exhibit | None = None,
) -> None:
    errors: dict[str, list[str]] = {}
    if exhibit is not None and (exhibitor is None or exhibit.exhibitor_id != exhibitor.pk):
        errors["exhibit"] = [_("This exhibit is not the exhibitor's.")]
    if exhibitor is not None and (
        exhibitor.edition_id != award.edition_id or exhibitor.organization_id != organization.pk
    ):
        errors["exhibitor"] = [_("This exhibitor is not this organisation at this edition.")]
    if award.eligibility in (Eligibility.EXHIBITORS, Eligibility.EXHIBITS) and (
        exhibitor is None or exhibitor.status != APPROVED
    ):
        errors.setdefault("exhibitor", []).append(
            _("Only approved exhibitors of the edition may enter this award.")
        )
    if award.eligibility in (Eligibility.EXHIBITS, Eligibility.PITCHES) and not any(
        (text or "").strip() for text in (title or {}).values()
    ):
        errors["title"] = [_("Name the product, project or pitch entered.")]
    if errors:
        raise ValidationError(errors)


def _entry(
    actor: Actor,
    award: Award,
    source: str,
    organization: Organization,
    exhibitor: Exhibitor | None,
    title: dict[str, str],
    description: dict[str, str],
    exhibit: Exhibit | None = None,
) -> Entry:
    if exhibit is not None and not title:
        title = dict(exhibit.title)
    check_eligibility(award, organization, exhibitor, title, exhibit)
    duplicate = award.entries.filter(organization=organization, exhibitor=exhibitor).exclude(
        status=EntryStatus.WITHDRAWN
    )
    if award.eligibility != Eligibility.EXHIBITS and duplicate.exists():
        raise ValidationError(_("This organisation has already entered this award."))
    entry = Entry(
        award=award,
        organization=organization,
        exhibitor=exhibitor,
        exhibit=exhibit,
        title=title,
        description=description,
        source=source,
        submitted_by=actor.user,
    )
    return _create(actor, entry, award.edition, source=source, organization=str(organization))


@transaction.atomic
def nominate_entry(
    actor: Actor,
    award: Award,
    organization: Organization,
    exhibitor: Exhibitor | None = None,
    title: dict[str, str] | None = None,
    description: dict[str, str] | None = None,
    exhibit: Exhibit | None = None,
) -> Entry:
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    return _entry(
        actor,
        award,
        EntrySource.NOMINATED,
        organization,
        exhibitor,
        title or {},
        description or {},
        exhibit,
    )


@transaction.atomic
def submit_entry(
    actor: Actor,
    award: Award,
    exhibitor: Exhibitor,
    title: dict[str, str],
    description: dict[str, str] | None = None,
    exhibit: Exhibit | None = None,
) -> Entry:
    """An exhibitor's own entry, while the award is open for entries."""
    if not actor.is_member_of(exhibitor.organization_id):
        raise PermissionDenied("not a member of this exhibitor")
    if award.status != AwardStatus.OPEN:
        raise ValidationError(_("This award does not take entries now."))
    return _entry(
        actor,
        award,
        EntrySource.SUBMITTED,
        exhibitor.organization,
        exhibitor,
        title,
        description or {},
        exhibit,
    )


@transaction.atomic
def submit_scores(
    actor: Actor, round_: Round, entry: Entry, values: Mapping[int, Any]
) -> list[Score]:
    """Record a juror's scorecard for an entry (every criterion); sending it again replaces it."""
    juror = juror_for(actor, round_.award_id)
    if juror is None:
        raise PermissionDenied("not a juror of this award")
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.status != RoundStatus.OPEN:
        raise ValidationError(_("This round is closed; scores can no longer change."))
    if not queries.round_entries(locked).filter(pk=entry.pk).exists():
        raise ValidationError(_("This entry is not in this round."))
    if is_conflicted(juror, entry):
        raise PermissionDenied("conflict of interest")
    criteria = list(locked.award.criteria.all())
    errors: dict[str, list[str]] = {}
    clean: dict[int, Decimal] = {}
    for criterion in criteria:
        raw = values.get(criterion.pk)
        field = f"criterion_{criterion.pk}"
        if raw in (None, ""):
            errors[field] = [_("Score every criterion.")]
            continue
        value = to_decimal(raw, "score")  # a float raises TypeError: scores are exact too
        if not Decimal(0) <= value <= criterion.max_score or value != value.quantize(
            Decimal("0.01")
        ):
            errors[field] = [
                _("Give a score from 0 to %(max)s, with at most 2 decimals.")
                % {"max": criterion.max_score}
            ]
            continue
        clean[criterion.pk] = value.quantize(Decimal("0.01"))
    unknown = set(values) - {criterion.pk for criterion in criteria}
    if unknown:
        errors["__all__"] = [_("Unknown criterion.")]
    if errors:
        raise ValidationError(errors)
    scores = []
    for criterion in criteria:
        score, _created = Score.objects.update_or_create(
            round=locked,
            entry=entry,
            juror=juror,
            criterion=criterion,
            defaults={"value": clean[criterion.pk]},
        )
        scores.append(score)
    audit.record(
        actor,
        "awards.score.submit",
        entry,
        edition=locked.award.edition,
        changes={"round": [None, locked.kind], "criteria": [None, len(scores)]},
    )
    return scores


def _note(straddling: list[queries.Ranked], count: int) -> str:
    if not straddling:
        return ""
    return _(
        "%(n)s entries tied at rank %(rank)s across the cut of %(count)s: all of them go through."
    ) % {"n": len(straddling), "rank": straddling[0].rank, "count": count}


@transaction.atomic
def close_round(actor: Actor, round_: Round) -> Round:
    """Close a round. A shortlist advances the best `advance_count` entries (ties at the cut all
    advance, and the outcome says so)."""
    require(actor, Perm.MANAGE_AWARDS, round_.award.edition)
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.status == RoundStatus.CLOSED:
        return locked
    locked.status = RoundStatus.CLOSED
    locked.closed_at = timezone.now()
    if locked.kind == RoundKind.SHORTLIST:
        inside, outside, straddling = queries.cut(
            queries.ranking(locked), locked.advance_count or 0
        )
        Entry.objects.filter(pk__in=[i.entry.pk for i in inside]).update(
            status=EntryStatus.SHORTLISTED
        )
        Entry.objects.filter(pk__in=[i.entry.pk for i in outside]).update(
            status=EntryStatus.NOT_SHORTLISTED
        )
        locked.outcome_note = _note(straddling, locked.advance_count or 0)
    save_validated(locked)
    audit.record(
        actor,
        "awards.round.close",
        locked,
        edition=locked.award.edition,
        changes={"status": ["open", "closed"], "outcome": [None, locked.outcome_note]},
    )
    return locked


@transaction.atomic
def publish_results(actor: Actor, award: Award) -> Award:
    """Name the winners from the final round's ranking and publish them on the public site."""
    require(actor, Perm.MANAGE_AWARDS, award.edition)
    locked = Award.objects.select_for_update().get(pk=award.pk)
    final = locked.rounds.filter(kind=RoundKind.FINAL).first()
    if final is None or final.status != RoundStatus.CLOSED:
        raise ValidationError(_("Close the final round before publishing the results."))
    ranked = queries.ranking(final)
    inside, outside, straddling = queries.cut(ranked, locked.winners_count)
    for item in inside:
        Entry.objects.filter(pk=item.entry.pk).update(
            status=EntryStatus.WINNER, final_rank=item.rank, rank_tied=item.tied
        )
    Entry.objects.filter(pk__in=[item.entry.pk for item in outside]).update(
        status=EntryStatus.NOT_AWARDED
    )
    locked.status = AwardStatus.PUBLISHED
    locked.published_at = timezone.now()
    save_validated(locked)
    final.outcome_note = _note(straddling, locked.winners_count)
    final.save(update_fields=["outcome_note"])
    audit.record(
        actor,
        "awards.award.publish",
        locked,
        edition=locked.edition,
        changes={"winners": [None, len(inside)], "ties": [None, final.outcome_note]},
    )
    return locked
