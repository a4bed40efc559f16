import datetime as dt
from decimal import Decimal

from django.template import Context, Template

from showfloor.core.money import Money


def render(source, **context):
    return Template(source).render(Context(context))


def test_in_tz_shows_the_wall_clock_time_of_the_zone_even_through_date():
    instant = dt.datetime(2020, 11, 11, 1, 30, tzinfo=dt.UTC)
    assert render('{{ t|in_tz:"Asia/Shanghai"|date:"Y-m-d H:i" }}', t=instant) == "2020-11-11 09:30"


def test_amount_keeps_the_decimals_of_a_decimal():
    assert render("{{ v|amount }}", v=Decimal("83.3")) == "83.3"
    assert render("{{ v|amount }}", v=451000) == "451,000"


def test_money_shows_the_minor_units_of_its_currency():
    assert (
        render("{{ m|money }}", m=Money(Decimal("17848000000"), "CNY")) == "17,848,000,000.00 CNY"
    )
    assert render("{{ m|money }}", m=Money(Decimal("1500"), "JPY")) == "1,500 JPY"


def test_tr_picks_the_active_language_with_fallback():
    from django.utils import translation

    with translation.override("fr"):
        assert render("{{ v|tr }}", v={"en": "Fair", "fr": "Salon"}) == "Salon"
        assert render("{{ v|tr }}", v={"zh-hans": "展会"}) == "展会"
