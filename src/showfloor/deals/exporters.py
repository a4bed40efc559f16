"""Agreements to CSV in the import's own format, so an export imports back unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from showfloor.deals.importers import COLUMNS
from showfloor.deals.models import Agreement

LANGUAGE_COLUMNS = {"title_en": "en", "title_fr": "fr", "title_zh": "zh-hans"}


def _name(names: dict[str, str]) -> str:
    """The English name, which the import matches on, or the first one given."""
    return names.get("en") or next(iter(names.values()), "")


def agreement_row(agreement: Agreement) -> dict[str, str]:
    parties = "; ".join(
        f"{party.role}:{_name(party.organization.name)}@{party.organization.country}"
        for party in agreement.parties.all()
    )
    same_currency = agreement.value_currency == agreement.edition.currency
    return {
        "reference": agreement.reference,
        **{column: agreement.title.get(lang, "") for column, lang in LANGUAGE_COLUMNS.items()},
        "type": agreement.type,
        "status": agreement.status,
        "sectors": ";".join(sector.code for sector in agreement.sectors.all()),
        "country": str(agreement.country),
        "region": agreement.region,
        "city": agreement.city,
        "value": str(agreement.declared_value.quantized().amount),
        "currency": agreement.value_currency,
        "exchange_rate": "" if same_currency else str(agreement.exchange_rate.normalize()),
        "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else "",
        "parties": parties,
    }


def agreements_csv(agreements: Iterable[Agreement]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for agreement in agreements:
        writer.writerow(agreement_row(agreement))
    return buffer.getvalue()
