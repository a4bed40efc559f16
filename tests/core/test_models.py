import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from showfloor.core.models import Edition
from tests.factories import EditionFactory, ExpoFactory


@pytest.mark.django_db
def test_edition_ending_before_it_starts_is_refused():
    edition = EditionFactory.build(
        expo=ExpoFactory(), start_date=dt.date(2026, 11, 15), end_date=dt.date(2026, 11, 11)
    )
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert caught.value.message_dict["end_date"] == [
        "The last day (2026-11-11) is before the first day (2026-11-15)."
    ]


@pytest.mark.django_db
def test_edition_with_unknown_currency_is_refused():
    edition = EditionFactory.build(expo=ExpoFactory(), currency="XYZ")
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert (
        "“XYZ” is not an ISO 4217 currency code (for example CNY, EUR, USD)."
        in (caught.value.message_dict["currency"])
    )


@pytest.mark.django_db
def test_edition_with_unknown_timezone_is_refused():
    edition = EditionFactory.build(expo=ExpoFactory(), timezone="Mars/Olympus")
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert caught.value.message_dict["timezone"] == [
        "“Mars/Olympus” is not a known time zone (for example Asia/Shanghai, Europe/Paris)."
    ]


@pytest.mark.django_db
def test_duplicate_edition_number_in_one_expo_is_refused():
    first = EditionFactory(number=22)
    duplicate = EditionFactory.build(expo=first.expo, number=22, slug="other")
    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    assert caught.value.messages == ["This expo already has an edition with this number."]


@pytest.mark.django_db
def test_same_edition_number_in_two_expos_is_allowed():
    EditionFactory(number=22)
    other = EditionFactory.build(expo=ExpoFactory(), number=22, slug="other")
    other.full_clean()


@pytest.mark.django_db
def test_edition_days_and_bounds_follow_its_timezone():
    edition = EditionFactory(
        start_date=dt.date(2020, 11, 11), end_date=dt.date(2020, 11, 15), timezone="Asia/Shanghai"
    )
    assert len(edition.days) == 5
    start, end = edition.day_bounds(dt.date(2020, 11, 11))
    assert start == dt.datetime(2020, 11, 10, 16, 0, tzinfo=dt.UTC)
    assert end == dt.datetime(2020, 11, 11, 16, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_reserved_slug_is_refused():
    edition = EditionFactory.build(expo=ExpoFactory(), slug="admin")
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert "slug" in caught.value.message_dict


@pytest.mark.django_db
def test_default_language_must_be_one_of_the_editions_languages():
    edition = EditionFactory.build(
        expo=ExpoFactory(), languages=["en", "fr"], default_language="zh-hans"
    )
    with pytest.raises(ValidationError) as caught:
        edition.full_clean()
    assert caught.value.message_dict["default_language"] == [
        "The default language must be one of the edition's languages."
    ]
    assert Edition.objects.count() == 0
