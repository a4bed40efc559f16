"""Every write to agreements: create, change status, import; views, API and demo call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from showfloor.core import audit
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.money import Money, to_decimal, validate_currency
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import save_validated
from showfloor.deals.enums import AgreementStatus
from showfloor.deals.models import Agreement, AgreementParty, DealSettings, SectorGroup

ONE = Decimal(1)


@dataclass
class AgreementDraft:
    """The validated values of one agreement before it is written (an import row, an API body)."""

    reference: str
    title: dict[str, str]
    type: str
    country: str
    value_amount: Decimal
    value_currency: str
    status: str = AgreementStatus.SIGNED
    region: str = ""
    city: str = ""
    exchange_rate: Decimal | None = None
    signed_on: dt.date | None = None
    description: dict[str, str] = field(default_factory=dict)
    sectors: list[Sector] = field(default_factory=list)
    parties: list[tuple[Organization, str]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # ceremony, meeting when those exist


def exchange_rate_for(edition: Edition, currency: str, rate: Any) -> Decimal:
    """The rate to the edition's currency: 1 for the same currency, required otherwise."""
    if currency == edition.currency:
        if rate not in (None, "") and to_decimal(rate, "exchange_rate") != ONE:
            raise ValidationError(
                {"exchange_rate": [_("The value is in the edition's currency: the rate is 1.")]}
            )
        return ONE
    if rate in (None, ""):
        raise ValidationError(
            {
                "exchange_rate": [
                    _("Give the rate from %(from)s to %(to)s used to report this value.")
                    % {"from": currency, "to": edition.currency}
                ]
            }
        )
    return to_decimal(rate, "exchange_rate")


def convert_to_edition(edition: Edition, amount: Decimal, currency: str, rate: Decimal) -> Money:
    return Money(amount, currency).convert(edition.currency, rate)


def _build(edition: Edition, draft: AgreementDraft) -> Agreement:
    try:
        validate_currency(draft.value_currency)
    except ValidationError as exc:
        raise ValidationError({"value_currency": exc.messages}) from exc
    amount = to_decimal(draft.value_amount, "value_amount")
    rate = exchange_rate_for(edition, draft.value_currency, draft.exchange_rate)
    agreement = Agreement(
        edition=edition,
        reference=draft.reference,
        title=draft.title,
        description=draft.description,
        type=draft.type,
        status=draft.status,
        country=draft.country,
        region=draft.region,
        city=draft.city,
        value_amount=amount,
        value_currency=draft.value_currency,
        exchange_rate=rate,
        signed_on=draft.signed_on,
        **draft.extra,
    )
    agreement.value_in_edition_currency = convert_to_edition(
        edition, amount, draft.value_currency, rate
    ).amount
    return agreement


def validate_draft(edition: Edition, draft: AgreementDraft) -> Agreement:
    """An unsaved, validated Agreement for the draft; raises ValidationError with field names."""
    if not draft.parties:
        raise ValidationError({"parties": [_("Name at least one party.")]})
    agreement = _build(edition, draft)
    agreement.full_clean(exclude=["value_in_edition_currency"])
    return agreement


def _save(actor: Actor, agreement: Agreement, draft: AgreementDraft) -> Agreement:
    agreement.full_clean(exclude=["value_in_edition_currency"])
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError as exc:  # the same reference, recorded at the same moment
        raise ValidationError(
            {"reference": [_("An agreement with this reference is already recorded.")]}
        ) from exc
    agreement.sectors.set(draft.sectors)
    AgreementParty.objects.bulk_create(
        [
            AgreementParty(agreement=agreement, organization=organization, role=role)
            for organization, role in draft.parties
        ]
    )
    audit.record(
        actor,
        "deals.agreement.create",
        agreement,
        edition=agreement.edition,
        changes={
            "value": [None, str(agreement.declared_value)],
            "value_in_edition_currency": [None, str(agreement.value_in_edition)],
            "exchange_rate": [None, agreement.exchange_rate],
            "parties": [None, [f"{org} ({role})" for org, role in draft.parties]],
        },
    )
    return agreement


@transaction.atomic
def create_agreement(actor: Actor, edition: Edition, draft: AgreementDraft) -> Agreement:
    require(actor, Perm.MANAGE_DEALS, edition)
    return _save(actor, validate_draft(edition, draft), draft)


@transaction.atomic
def import_agreements(
    actor: Actor, edition: Edition, drafts: Sequence[AgreementDraft]
) -> list[Agreement]:
    """Create every draft or none (the importer has validated each row before)."""
    require(actor, Perm.MANAGE_DEALS, edition)
    for draft in drafts:
        for organization, _role in draft.parties:
            if organization.pk is None:  # named in the file, not known yet: created with it
                save_validated(organization)
                audit.record(actor, "core.organization.create", organization, edition=edition)
    created = [_save(actor, validate_draft(edition, draft), draft) for draft in drafts]
    audit.record(
        actor, "deals.agreement.import", edition=edition, changes={"rows": [None, len(created)]}
    )
    return created


@transaction.atomic
def set_agreement_status(actor: Actor, agreement: Agreement, status: str) -> Agreement:
    require(actor, Perm.MANAGE_DEALS, agreement.edition)
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    changes = audit.apply_changes(locked, {"status": status})
    if changes:
        save_validated(locked, exclude=["value_in_edition_currency"])
        audit.record(
            actor, "deals.agreement.status", locked, edition=locked.edition, changes=changes
        )
    agreement.status = locked.status
    return locked


@transaction.atomic
def configure_reporting(
    actor: Actor, edition: Edition, *, host_country: str, host_region: str
) -> DealSettings:
    require(actor, Perm.MANAGE_DEALS, edition)
    settings_row, created = DealSettings.objects.select_for_update().get_or_create(
        edition=edition, defaults={"host_country": host_country, "host_region": host_region}
    )
    changes = audit.apply_changes(
        settings_row, {"host_country": host_country, "host_region": host_region}
    )
    save_validated(settings_row)
    if created or changes:
        audit.record(actor, "deals.settings.update", settings_row, edition=edition, changes=changes)
    return settings_row


@transaction.atomic
def define_sector_group(
    actor: Actor, edition: Edition, code: str, name: dict[str, str], sectors: Iterable[Sector]
) -> SectorGroup:
    require(actor, Perm.MANAGE_DEALS, edition)
    group = SectorGroup.objects.filter(edition=edition, code=code).first() or SectorGroup(
        edition=edition, code=code
    )
    group.name = name
    save_validated(group)
    chosen = list(sectors)
    group.sectors.set(chosen)
    audit.record(
        actor,
        "deals.sectorgroup.define",
        group,
        edition=edition,
        changes={"sectors": [None, sorted(sector.code for sector in chosen)]},
    )
    return group
