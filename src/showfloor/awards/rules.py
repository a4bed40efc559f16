"""Object-level rules of awards: who is a juror, who may not score what."""

from __future__ import annotations

from showfloor.core.models import OrganizationMember
from showfloor.core.permissions import Actor


def juror_for(actor: Actor, award_id: int):  # -> JuryMember | None
    from showfloor.awards.models import JuryMember  # rules stay a leaf: models import late

    if actor.user is None:
        return None
    return JuryMember.objects.filter(award_id=award_id, user=actor.user).first()


def conflicted_organization_ids(juror) -> set[int]:  # juror: JuryMember
    """Organisations whose entries this juror never scores: their own (as recorded, or as a
    member of it) and those named in a declaration."""
    ids = set(
        OrganizationMember.objects.filter(user_id=juror.user_id).values_list(
            "organization_id", flat=True
        )
    )
    if juror.organization_id is not None:
        ids.add(juror.organization_id)
    ids |= set(
        juror.conflicts.filter(organization__isnull=False).values_list("organization_id", flat=True)
    )
    return ids


def conflicted_entry_ids(juror) -> set[int]:
    return set(juror.conflicts.filter(entry__isnull=False).values_list("entry_id", flat=True))


def is_conflicted(juror, entry) -> bool:
    return entry.organization_id in conflicted_organization_ids(
        juror
    ) or entry.pk in conflicted_entry_ids(juror)
