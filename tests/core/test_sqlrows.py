"""Hand-written statements build the same instances as the ORM, on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from showfloor.core.models import Edition, Sector
from showfloor.core.sqlrows import Columns, Statement, any_of, rows_of_each, table, values
from tests.factories import EditionFactory
from tests.utils import postgresql_only

EDITION = Columns(Edition, "e")
BY_SLUG = Statement(lambda: f"SELECT {EDITION.sql()} FROM {table(Edition)} e WHERE e.slug = %s")


def _field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in Edition._meta.fields}


@pytest.mark.django_db
def test_columns_build_equals_the_orm_instance():
    edition = EditionFactory(name={"en": "Fair", "fr": "Salon"}, languages=["en", "fr"])
    built = EDITION.build(BY_SLUG.rows([edition.slug])[0])
    assert _field_values(built) == _field_values(Edition.objects.get(pk=edition.pk))


@pytest.mark.django_db
def test_columns_build_defers_fields_not_selected():
    edition = EditionFactory()
    some = Columns(Edition, "e", ["id", "slug"])
    statement = Statement(lambda: f"SELECT {some.sql()} FROM {table(Edition)} e")
    built = some.build(statement.rows([])[0])
    assert (built.slug, built.get_deferred_fields() >= {"start_date", "timezone"}) == (
        edition.slug,
        True,
    )


def test_columns_build_null_key_is_none():
    assert EDITION.build([None] * EDITION.width) is None


def test_columns_unknown_field_is_refused_with_its_name():
    with pytest.raises(ValueError, match="no concrete field \\['colour'\\]"):
        Columns(Edition, "e", ["id", "colour"])


@pytest.mark.django_db
def test_any_of_takes_more_values_than_sqlite_binds():
    codes = [f"code-{n}" for n in range(40_000)] + ["zz-quantum"]
    Sector.objects.create(code="zz-quantum", name={"en": "Quantum"})
    statement = Statement(
        lambda: f"SELECT code FROM {table(Sector)} s WHERE {any_of('s.code')}",
    )
    assert statement.rows([values(codes)]) == [("zz-quantum",)]


@postgresql_only
@pytest.mark.django_db
def test_statement_runs_prepared_on_postgresql():
    edition = EditionFactory()
    BY_SLUG.rows([edition.slug])
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(text.startswith('SELECT "e"."id"') for text in prepared) is True


@pytest.mark.django_db
def test_statement_shows_in_the_query_log():
    edition = EditionFactory()
    with CaptureQueriesContext(connection) as log:
        assert len(BY_SLUG.rows([edition.slug])) == 1
    assert [query["sql"].startswith('SELECT "e"."id"') for query in log.captured_queries] == [True]


@pytest.mark.django_db
def test_rows_of_each_returns_each_statements_rows_in_order():
    first, second = EditionFactory(), EditionFactory()
    unprepared = Statement(BY_SLUG.build, prepared=False)
    rows = rows_of_each((unprepared, [second.slug]), (unprepared, [first.slug]))
    assert [EDITION.build(found[0]).pk for found in rows] == [second.pk, first.pk]


@postgresql_only
@pytest.mark.django_db
def test_rows_of_each_is_one_round_trip_on_postgresql():
    edition = EditionFactory()
    unprepared = Statement(BY_SLUG.build, prepared=False)
    with CaptureQueriesContext(connection) as log:
        rows_of_each((unprepared, [edition.slug]), (unprepared, ["none"]))
    assert len(log.captured_queries) == 1
