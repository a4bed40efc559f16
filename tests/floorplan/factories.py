"""Factories for the floor plan. Exhibitors are made here too (plain rows), so these tests do not
depend on the exhibitors app's own factories."""

from __future__ import annotations

from decimal import Decimal

import factory

from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import geometry
from showfloor.floorplan.models import Booth, Hall, Pavilion, Venue
from tests.factories import EditionFactory, OrganizationFactory


def rect(x, y, width, depth) -> list[list[str]]:
    return geometry.to_json(
        geometry.rectangle(
            Decimal(str(x)), Decimal(str(y)), Decimal(str(width)), Decimal(str(depth))
        )
    )


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibitor

    edition = factory.SubFactory(EditionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = "approved"
    attendance_mode = "onsite"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    edition = factory.SubFactory(EditionFactory)
    name = {"en": "Exhibition centre", "zh-hans": "会展中心"}


class HallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hall

    venue = factory.SubFactory(VenueFactory)
    edition = factory.LazyAttribute(lambda hall: hall.venue.edition)
    code = factory.Sequence(lambda n: f"hall-{n}")
    name = factory.Sequence(lambda n: {"en": f"Hall {n}", "zh-hans": f"{n}号馆"})
    outline = factory.LazyFunction(lambda: rect(0, 0, 60, 40))
    gross_area = factory.LazyAttribute(lambda hall: geometry.area(geometry.from_json(hall.outline)))


class PavilionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pavilion

    edition = factory.SubFactory(EditionFactory)
    code = factory.Sequence(lambda n: f"pavilion-{n}")
    name = factory.Sequence(lambda n: {"en": f"Pavilion {n}"})
    kind = "country"


class BoothFactory(factory.django.DjangoModelFactory):
    """A 3 × 3 m booth; pass `at=(x, y)` to place it, or `polygon`."""

    class Meta:
        model = Booth
        exclude = ("at",)

    hall = factory.SubFactory(HallFactory)
    edition = factory.LazyAttribute(lambda booth: booth.hall.edition)
    code = factory.Sequence(lambda n: f"B{n:03d}")
    at = factory.Sequence(lambda n: (3 * (n % 19), 3 * ((n // 19) % 13)))
    polygon = factory.LazyAttribute(lambda booth: rect(booth.at[0], booth.at[1], 3, 3))
    area = factory.LazyAttribute(lambda booth: geometry.area(geometry.from_json(booth.polygon)))
    min_x = factory.LazyAttribute(
        lambda booth: geometry.bounds(geometry.from_json(booth.polygon))[0]
    )
    min_y = factory.LazyAttribute(
        lambda booth: geometry.bounds(geometry.from_json(booth.polygon))[1]
    )
    max_x = factory.LazyAttribute(
        lambda booth: geometry.bounds(geometry.from_json(booth.polygon))[2]
    )
    max_y = factory.LazyAttribute(
        lambda booth: geometry.bounds(geometry.from_json(booth.polygon))[3]
    )
