"""Read-side helpers of the e-exhibition: the public catalogue with its facets, booth pages, the
staff lists. Views, the API, the export and the figures share these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.utils import translation
from django_countries import countries

from showfloor.core.i18n import localized, normalise_language
from showfloor.core.models import Edition, Sector
from showfloor.exhibitors import search
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus, ExhibitStage, Seeking
from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact, Media, SearchEntry

FACETS = ("sector", "country", "pavilion", "mode", "seeking")


@dataclass
class CatalogueFilters:
    """What a visitor asked the catalogue for; every value is optional."""

    q: str = ""
    sector: str = ""
    country: str = ""
    pavilion: str = ""
    mode: str = ""
    seeking: str = ""
    stage: str = ""

    @classmethod
    def from_params(cls, params: Any) -> CatalogueFilters:
        return cls(
            **{
                name: str(params.get(name, "") or "").strip()[:200]
                for name in cls.__dataclass_fields__
            }
        )

    def __post_init__(self) -> None:
        # NUL cannot be stored or compared in PostgreSQL text; no real filter contains it.
        for name in self.__dataclass_fields__:
            setattr(self, name, str(getattr(self, name) or "").replace("\x00", "")[:200])

    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.__dict__.items() if value}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facets:
    groups: dict[str, list[FacetValue]] = field(default_factory=dict)


def public_exhibitors(edition: Edition) -> QuerySet[Exhibitor]:
    """Approved exhibitors whose stand holder (for co-exhibitors) is approved too."""
    return Exhibitor.objects.filter(edition=edition, status=ExhibitorStatus.APPROVED).filter(
        Q(host__isnull=True) | Q(host__status=ExhibitorStatus.APPROVED)
    )


def public_exhibits(edition: Edition) -> QuerySet[Exhibit]:
    return Exhibit.objects.filter(
        edition=edition,
        is_published=True,
        exhibitor__in=public_exhibitors(edition).values("pk"),
    )


def _seeking_q(value: str, prefix: str = "") -> Q:
    if value not in Seeking.values:
        return Q(pk__in=[])
    return Q(**{f"{prefix}seeks_{value}": True})


def filter_exhibitors(
    edition: Edition, filters: CatalogueFilters, *, skip: str = ""
) -> QuerySet[Exhibitor]:
    result = public_exhibitors(edition)
    ids = search.matching_ids(edition, SearchEntry.KIND_EXHIBITOR, filters.q)
    if ids is not None:
        result = result.filter(pk__in=ids)
    if filters.sector and skip != "sector":
        result = result.filter(pk__in=_exhibitors_in_sector(filters.sector))
    if filters.country and skip != "country":
        result = result.filter(organization__country=filters.country.upper())
    if filters.pavilion and skip != "pavilion":
        result = result.filter(pavilion_code=filters.pavilion)
    if filters.mode and skip != "mode":
        result = result.filter(attendance_mode__in=_modes(filters.mode))
    if filters.seeking and skip != "seeking":
        seekers = Exhibit.objects.filter(
            _seeking_q(filters.seeking), edition=edition, is_published=True
        ).values("exhibitor_id")
        result = result.filter(pk__in=seekers)
    return result


def _exhibitors_in_sector(code: str) -> QuerySet[Any]:
    return Exhibitor.sectors.through.objects.filter(sector__code=code).values("exhibitor_id")


def _modes(mode: str) -> list[str]:
    # "Both" exhibitors are found under on-site and under remote.
    if mode in (ExhibitorMode.ONSITE, ExhibitorMode.REMOTE):
        return [mode, ExhibitorMode.BOTH]
    return [mode]


def filter_exhibits(
    edition: Edition, filters: CatalogueFilters, *, skip: str = ""
) -> QuerySet[Exhibit]:
    result = public_exhibits(edition)
    ids = search.matching_ids(edition, SearchEntry.KIND_EXHIBIT, filters.q)
    if ids is not None:
        result = result.filter(pk__in=ids)
    if filters.sector and skip != "sector":
        result = result.filter(
            pk__in=Exhibit.sectors.through.objects.filter(sector__code=filters.sector).values(
                "exhibit_id"
            )
        )
    if filters.country and skip != "country":
        result = result.filter(exhibitor__organization__country=filters.country.upper())
    if filters.pavilion and skip != "pavilion":
        result = result.filter(exhibitor__pavilion_code=filters.pavilion)
    if filters.mode and skip != "mode":
        result = result.filter(exhibitor__attendance_mode__in=_modes(filters.mode))
    if filters.seeking and skip != "seeking":
        result = result.filter(_seeking_q(filters.seeking))
    if filters.stage:
        result = result.filter(stage=filters.stage)
    return result


def _name_key() -> str:
    return normalise_language(translation.get_language())


def exhibitor_cards(exhibitors: QuerySet[Exhibitor]) -> QuerySet[Exhibitor]:
    """What a catalogue card shows: organisation, sectors and the logo, in few queries."""
    return (
        exhibitors.select_related("organization", "host__organization", "edition")
        .prefetch_related(
            "sectors",
            Prefetch("media", queryset=Media.objects.filter(kind="logo"), to_attr="logos"),
        )
        .annotate(sort_name=KeyTextTransform(_name_key(), "organization__name"))
        .order_by("sort_name", "id")
    )


def exhibit_cards(exhibits: QuerySet[Exhibit]) -> QuerySet[Exhibit]:
    return (
        exhibits.select_related("exhibitor__organization", "exhibitor__edition")
        .prefetch_related(
            "sectors",
            Prefetch(
                "media",
                queryset=Media.objects.filter(kind__in=["photo", "panorama"]),
                to_attr="images",
            ),
        )
        .order_by("-id")
    )


def exhibit_facets(edition: Edition, filters: CatalogueFilters) -> Facets:
    """The facets of the exhibits tab: the same groups, counting exhibits."""
    result = Facets()
    selected = filters.active()

    def base(skip: str) -> QuerySet[Exhibit]:
        return filter_exhibits(edition, filters, skip=skip)

    sectors = {sector.pk: sector for sector in Sector.objects.all()}
    by_sector = (
        Exhibit.sectors.through.objects.filter(exhibit_id__in=base("sector").values("pk"))
        .values("sector_id")
        .annotate(n=Count("id"))
    )
    result.groups["sector"] = _sorted(
        FacetValue(
            sectors[row["sector_id"]].code,
            localized(sectors[row["sector_id"]].name),
            row["n"],
            selected.get("sector") == sectors[row["sector_id"]].code,
        )
        for row in by_sector
    )
    result.groups["country"] = _sorted(
        FacetValue(
            row["exhibitor__organization__country"],
            str(countries.name(row["exhibitor__organization__country"])),
            row["n"],
            selected.get("country", "").upper() == row["exhibitor__organization__country"],
        )
        for row in base("country")
        .values("exhibitor__organization__country")
        .annotate(n=Count("id"))
    )
    names = Exhibitor.objects.filter(
        edition=edition, pavilion_code=OuterRef("exhibitor__pavilion_code")
    ).values("pavilion_name")[:1]
    result.groups["pavilion"] = _sorted(
        FacetValue(
            row["exhibitor__pavilion_code"],
            localized(row["pavilion_label"]) or row["exhibitor__pavilion_code"],
            row["n"],
            selected.get("pavilion") == row["exhibitor__pavilion_code"],
        )
        for row in base("pavilion")
        .exclude(exhibitor__pavilion_code="")
        .values("exhibitor__pavilion_code")
        .annotate(n=Count("id"), pavilion_label=Subquery(names, output_field=JSONField()))
    )
    by_mode = dict(base("mode").values_list("exhibitor__attendance_mode").annotate(n=Count("id")))
    result.groups["mode"] = [
        FacetValue(
            mode,
            str(ExhibitorMode(mode).label),
            by_mode.get(mode, 0) + by_mode.get(ExhibitorMode.BOTH, 0),
            selected.get("mode") == mode,
        )
        for mode in (ExhibitorMode.ONSITE, ExhibitorMode.REMOTE)
        if by_mode.get(mode, 0) + by_mode.get(ExhibitorMode.BOTH, 0)
    ]
    seekers = base("seeking").aggregate(
        **{value: Count("id", filter=Q(**{f"seeks_{value}": True})) for value in Seeking.values}
    )
    result.groups["seeking"] = [
        FacetValue(
            value, str(Seeking(value).label), seekers[value], selected.get("seeking") == value
        )
        for value in Seeking.values
        if seekers[value]
    ]
    return result


def _sorted(values: Any) -> list[FacetValue]:
    return sorted(values, key=lambda item: (-item.count, item.label))


def facets(edition: Edition, filters: CatalogueFilters) -> Facets:
    """Counts per facet value; each facet counts with every other filter applied but its own, so
    a visitor sees what choosing another value of it would give."""
    result = Facets()
    selected = filters.active()

    sectors = {sector.pk: sector for sector in Sector.objects.all()}
    by_sector = (
        Exhibitor.sectors.through.objects.filter(
            exhibitor_id__in=filter_exhibitors(edition, filters, skip="sector").values("pk")
        )
        .values("sector_id")
        .annotate(n=Count("id"))
    )
    result.groups["sector"] = sorted(
        (
            FacetValue(
                sectors[row["sector_id"]].code,
                localized(sectors[row["sector_id"]].name),
                row["n"],
                selected.get("sector") == sectors[row["sector_id"]].code,
            )
            for row in by_sector
        ),
        key=lambda item: (-item.count, item.label),
    )

    by_country = (
        filter_exhibitors(edition, filters, skip="country")
        .values("organization__country")
        .annotate(n=Count("id"))
    )
    result.groups["country"] = sorted(
        (
            FacetValue(
                row["organization__country"],
                str(countries.name(row["organization__country"])),
                row["n"],
                selected.get("country", "").upper() == row["organization__country"],
            )
            for row in by_country
        ),
        key=lambda item: (-item.count, item.label),
    )

    names = Exhibitor.objects.filter(
        edition=edition, pavilion_code=OuterRef("pavilion_code")
    ).values("pavilion_name")[:1]
    by_pavilion = (
        filter_exhibitors(edition, filters, skip="pavilion")
        .exclude(pavilion_code="")
        .values("pavilion_code")
        .annotate(n=Count("id"), pavilion_label=Subquery(names, output_field=JSONField()))
    )
    result.groups["pavilion"] = sorted(
        (
            FacetValue(
                row["pavilion_code"],
                localized(row["pavilion_label"]) or row["pavilion_code"],
                row["n"],
                selected.get("pavilion") == row["pavilion_code"],
            )
            for row in by_pavilion
        ),
        key=lambda item: (-item.count, item.label),
    )

    by_mode = dict(
        filter_exhibitors(edition, filters, skip="mode")
        .values_list("attendance_mode")
        .annotate(n=Count("id"))
    )
    result.groups["mode"] = [
        FacetValue(
            mode,
            str(ExhibitorMode(mode).label),
            by_mode.get(mode, 0) + by_mode.get(ExhibitorMode.BOTH, 0),
            selected.get("mode") == mode,
        )
        for mode in (ExhibitorMode.ONSITE, ExhibitorMode.REMOTE)
        if by_mode.get(mode, 0) + by_mode.get(ExhibitorMode.BOTH, 0)
    ]

    seekers = Exhibit.objects.filter(
        edition=edition,
        is_published=True,
        exhibitor_id__in=filter_exhibitors(edition, filters, skip="seeking").values("pk"),
    ).aggregate(
        **{
            value: Count("exhibitor_id", filter=Q(**{f"seeks_{value}": True}), distinct=True)
            for value in Seeking.values
        }
    )
    result.groups["seeking"] = [
        FacetValue(
            value, str(Seeking(value).label), seekers[value] or 0, selected.get("seeking") == value
        )
        for value in Seeking.values
        if seekers[value]
    ]
    return result


def stage_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in ExhibitStage.choices]


# Booth page --------------------------------------------------------------------------------------


def booth(edition: Edition, pk: int) -> Exhibitor | None:
    """An exhibitor with everything its virtual booth shows (any status: the view decides)."""
    return (
        Exhibitor.objects.filter(edition=edition, pk=pk)
        .select_related("organization", "host__organization", "edition")
        .prefetch_related(
            "sectors",
            Prefetch(
                "contacts",
                to_attr="public_contacts",
                queryset=ExhibitorContact.objects.filter(is_public=True),
            ),
            Prefetch(
                "media", queryset=Media.objects.order_by("position", "id"), to_attr="all_media"
            ),
            Prefetch(
                "exhibits",
                queryset=Exhibit.objects.filter(is_published=True).prefetch_related("sectors"),
                to_attr="published_exhibits",
            ),
            Prefetch(
                "co_exhibitors",
                queryset=Exhibitor.objects.filter(status=ExhibitorStatus.APPROVED).select_related(
                    "organization", "edition"
                ),
                to_attr="public_co_exhibitors",
            ),
        )
        .first()
    )


def staff_exhibitors(edition: Edition, status: str = "", q: str = "") -> QuerySet[Exhibitor]:
    result = Exhibitor.objects.filter(edition=edition).select_related(
        "organization", "host__organization", "edition"
    )
    if status:
        result = result.filter(status=status)
    ids = search.matching_ids(edition, SearchEntry.KIND_EXHIBITOR, q)
    if ids is not None:
        result = result.filter(pk__in=ids)
    return result.annotate(exhibit_count=Count("exhibits")).order_by("-created_at", "-id")


def exhibitors_of_user(edition: Edition, user: Any) -> QuerySet[Exhibitor]:
    """The exhibitors of the organisations the user is a member of, in this edition."""
    if user is None or not user.is_authenticated:
        return Exhibitor.objects.none()
    return (
        Exhibitor.objects.filter(edition=edition, organization__members__user=user)
        .select_related("organization")
        .order_by("id")
    )


def status_counts(edition: Edition) -> dict[str, int]:
    return dict(
        Exhibitor.objects.filter(edition=edition).values_list("status").annotate(n=Count("id"))
    )
