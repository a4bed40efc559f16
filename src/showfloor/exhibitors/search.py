"""Catalogue search behind one interface: `matching_ids(edition, kind, query)`.

Every exhibitor and exhibit has one SearchEntry holding the plain text of all its languages,
normalised (case-folded, accents removed, NFKC) so "energie" finds "Énergie". Two backends:

- SQLite: an FTS5 table with the trigram tokenizer (migration 0003). A term of three characters
  or more is a trigram MATCH; a shorter one ("5G", "芯片") is a LIKE on the entry text, because
  trigrams cannot index it.
- PostgreSQL: pg_trgm's GIN index on the entry text, which serves LIKE '%term%' for any script.

Both treat a query as terms separated by spaces that must all occur (Chinese needs no spaces:
"智能制造" is one term and matches as a substring).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Protocol

from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from showfloor.core.i18n import plain_text
from showfloor.core.models import Edition
from showfloor.exhibitors.models import Exhibit, Exhibitor, SearchEntry

MAX_TERMS = 8
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, no accents, compatibility forms folded (full-width Ａ → a)."""
    text = unicodedata.normalize("NFKD", (text or "").replace("\x00", ""))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", text).casefold()


def terms(query: str) -> list[str]:
    seen: list[str] = []
    for term in _SPACES.split(normalise(query).strip()):
        term = term.strip("\"'*")
        if term and term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


class SearchBackend(Protocol):
    def filter_entries(self, entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet: ...


class SqliteTrigramBackend:
    """FTS5 trigram MATCH for terms of 3+ characters, LIKE for shorter ones."""

    def filter_entries(self, entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet:
        long_terms = [term for term in terms if len(term) >= 3]
        if long_terms:
            match = " AND ".join('"' + term.replace('"', '""') + '"' for term in long_terms)
            entries = entries.filter(
                id__in=RawSQL(
                    "SELECT rowid FROM exhibitors_search_fts WHERE exhibitors_search_fts MATCH %s",
                    (match,),
                )
            )
        for term in terms:
            if len(term) < 3:
                entries = entries.filter(text__contains=term)
        return entries


class PostgresTrigramBackend:
    """pg_trgm: the GIN index answers LIKE '%term%' (the text is already case-folded)."""

    def filter_entries(self, entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet:
        for term in terms:
            entries = entries.filter(text__contains=term)
        return entries


def backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        return PostgresTrigramBackend()
    if connection.vendor == "sqlite":
        return SqliteTrigramBackend()
    raise NotImplementedError(f"no catalogue search backend for {connection.vendor}")


def matching_ids(edition: Edition, kind: str, query: str) -> QuerySet[Any] | None:
    """A subquery of the ids of `kind` documents matching every term; None for an empty query."""
    found = terms(query)
    if not found:
        return None
    entries = SearchEntry.objects.filter(edition=edition, kind=kind)
    return backend().filter_entries(entries, found).values("object_id")


# Indexing ----------------------------------------------------------------------------------------


def exhibitor_text(exhibitor: Exhibitor, exhibits: Iterable[Exhibit] = ()) -> str:
    organization = exhibitor.organization
    parts = [
        plain_text(organization.name),
        plain_text(exhibitor.profile),
        plain_text(organization.description),
        organization.city,
        organization.region,
        plain_text(exhibitor.pavilion_name),
        *(plain_text(exhibit.title) for exhibit in exhibits),
    ]
    return normalise(" ".join(part for part in parts if part))


def exhibit_text(exhibit: Exhibit) -> str:
    parts = [
        plain_text(exhibit.title),
        plain_text(exhibit.description),
        plain_text(exhibit.exhibitor.organization.name),
    ]
    return normalise(" ".join(part for part in parts if part))


@transaction.atomic
def index_exhibitor(exhibitor: Exhibitor) -> None:
    """(Re)index an exhibitor and its exhibits; public visibility is applied at query time."""
    exhibits = list(exhibitor.exhibits.select_related("exhibitor__organization"))
    _upsert(
        exhibitor, SearchEntry.KIND_EXHIBITOR, exhibitor.pk, exhibitor_text(exhibitor, exhibits)
    )
    for exhibit in exhibits:
        _upsert(exhibitor, SearchEntry.KIND_EXHIBIT, exhibit.pk, exhibit_text(exhibit))
    SearchEntry.objects.filter(kind=SearchEntry.KIND_EXHIBIT, exhibitor=exhibitor).exclude(
        object_id__in=[exhibit.pk for exhibit in exhibits]
    ).delete()


def _upsert(exhibitor: Exhibitor, kind: str, object_id: int, text: str) -> None:
    SearchEntry.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={"edition_id": exhibitor.edition_id, "exhibitor": exhibitor, "text": text},
    )


def unindex_exhibit(exhibit_id: int) -> None:
    SearchEntry.objects.filter(kind=SearchEntry.KIND_EXHIBIT, object_id=exhibit_id).delete()


@transaction.atomic
def rebuild_edition_index(edition: Edition) -> int:
    """Rebuild every entry of an edition in bulk (imports, the demo); returns the entry count."""
    SearchEntry.objects.filter(edition=edition).delete()
    exhibitors = list(
        Exhibitor.objects.filter(edition=edition).select_related("organization").order_by("id")
    )
    by_exhibitor: dict[int, list[Exhibit]] = {}
    exhibits = Exhibit.objects.filter(edition=edition).order_by("id")
    for exhibit in exhibits:
        by_exhibitor.setdefault(exhibit.exhibitor_id, []).append(exhibit)
    entries = []
    for exhibitor in exhibitors:
        own = by_exhibitor.get(exhibitor.pk, [])
        entries.append(
            SearchEntry(
                edition=edition,
                kind=SearchEntry.KIND_EXHIBITOR,
                object_id=exhibitor.pk,
                exhibitor=exhibitor,
                text=exhibitor_text(exhibitor, own),
            )
        )
        for exhibit in own:
            exhibit.exhibitor = exhibitor
            entries.append(
                SearchEntry(
                    edition=edition,
                    kind=SearchEntry.KIND_EXHIBIT,
                    object_id=exhibit.pk,
                    exhibitor=exhibitor,
                    text=exhibit_text(exhibit),
                )
            )
    SearchEntry.objects.bulk_create(entries, batch_size=2000)
    refresh_statistics()
    return len(entries)


ANALYZED_TABLES = (
    "exhibitors_exhibitor",
    "exhibitors_exhibitor_sectors",
    "exhibitors_exhibit",
    "exhibitors_exhibit_sectors",
    "exhibitors_searchentry",
)


def refresh_statistics() -> None:
    """Update PostgreSQL's planner statistics after a bulk load: without them it plans the
    catalogue's joins for one row and a search can take seconds instead of milliseconds. (On
    SQLite, measured on the chtf2020 demo, ANALYZE made the catalogue queries slower: its
    default plans already use the edition indexes and the FTS table.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(ANALYZED_TABLES)}")
