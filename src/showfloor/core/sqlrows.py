"""Hand-written SQL for the few hot paths where building an ORM query costs more than running it
(an entrance scan: about 1 ms of Python per ORM query on this project's target machine, against
0.2 ms for the round trip to PostgreSQL).

The statements keep the ORM's guarantees: their text is built once per backend from the models'
own table and column names, they run through Django's cursor wrapper (error translation, query
logging, `django_assert_num_queries`), every value read goes through the ORM's own converters
(dates on SQLite, JSON on both), and the fields not selected are deferred, as with `only()`. On
PostgreSQL a fixed-shape statement runs prepared (parsed and planned once per connection).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import psycopg
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, Any], Any]


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table(model: type[Model]) -> str:
    return quote(model._meta.db_table)


def column_of(field: Field) -> str:
    """The database column of a concrete field (Django types it optional for the others)."""
    assert field.column is not None
    return field.column


class Columns(Generic[M]):
    """Some fields of a model under a table alias: their select list, and instances from rows."""

    def __init__(self, model: type[M], alias: str, fields: Sequence[str] | None = None) -> None:
        self.model = model
        self.alias = alias
        # In the model's own order: Model.from_db reads a full row positionally.
        self.fields: list[Field] = [
            field
            for field in model._meta.concrete_fields
            if fields is None or field.name in fields or field.attname in fields
        ]
        self.attnames = [field.attname for field in self.fields]
        unknown = set(fields or ()) - {field.name for field in self.fields} - set(self.attnames)
        if unknown:
            raise ValueError(f"{model.__name__} has no concrete field {sorted(unknown)}")
        self.width = len(self.fields)
        self._pk_index = self.attnames.index(model._meta.pk.attname)
        self._converters: dict[str, list[tuple[list[Converter], Any]]] = {}

    def sql(self) -> str:
        return ", ".join(f"{quote(self.alias)}.{quote(column_of(field))}" for field in self.fields)

    def column(self, name: str) -> str:
        field = self.model._meta.get_field(name)
        assert isinstance(field, Field)  # a concrete field, not a reverse relation
        return f"{quote(self.alias)}.{quote(column_of(field))}"

    def converters(self, wrapper: Any) -> list[tuple[list[Converter], Any]]:
        """The ORM's converters of each field on this backend (found once per vendor)."""
        vendor = wrapper.vendor
        if vendor not in self._converters:
            found = []
            for field in self.fields:
                col = field.get_col(self.alias)
                chain = wrapper.ops.get_db_converters(col) + col.get_db_converters(wrapper)
                found.append((chain, col))
            self._converters[vendor] = found
        return self._converters[vendor]

    def build(self, row: Sequence[Any], start: int = 0) -> M | None:
        """The instance in row[start:start + width]; None when its key is NULL (an outer join)."""
        values = list(row[start : start + self.width])
        if values[self._pk_index] is None:
            return None
        # The wrapper itself, not the `connection` proxy (a thread-local lookup per attribute).
        wrapper = connections[DEFAULT_DB_ALIAS]
        for index, (chain, col) in enumerate(self.converters(wrapper)):
            for converter in chain:
                values[index] = converter(values[index], col, wrapper)
        return self.model.from_db(DEFAULT_DB_ALIAS, self.attnames, values)


class Statement:
    """A statement whose text is built once per backend (by `build`, from the models' names)."""

    def __init__(self, build: Callable[[], str], *, prepared: bool = True) -> None:
        self.build = build
        self.prepared = prepared
        self._text: dict[str, str] = {}

    def text(self) -> str:
        vendor = connection.vendor
        if vendor not in self._text:
            self._text[vendor] = self.build()
        return self._text[vendor]

    def rows(self, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with _cursor(self.prepared) as cursor:
            cursor.execute(self.text(), params)
            return cursor.fetchall()


def rows_of_each(*runs: tuple[Statement, Sequence[Any]]) -> list[list[tuple[Any, ...]]]:
    """The rows of several statements, each with its parameters, in this order. On PostgreSQL
    statements that are not prepared travel together, in one round trip; each still reads the
    database as it is when it starts (a statement that waits for a lock delays the next)."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    if wrapper.vendor != "postgresql" or any(statement.prepared for statement, _ in runs):
        return [statement.rows(params) for statement, params in runs]
    text = ";\n".join(statement.text() for statement, _ in runs)
    with wrapper.cursor() as cursor:
        cursor.execute(text, [param for _, params in runs for param in params])
        results = [cursor.fetchall()]
        while cursor.nextset():
            results.append(cursor.fetchall())
    return results


class _PreparedCursor(psycopg.Cursor):
    """Server-side binding, and every statement prepared (psycopg keeps the last 100 per
    connection). Django's own cursors bind on the client and never prepare, which connection
    poolers in transaction mode need; SHOWFLOOR_DB_PREPARE=0 turns this off for those."""

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        return super().execute(query, params, prepare=True)


def _cursor(prepared: bool) -> Any:
    wrapper = connections[DEFAULT_DB_ALIAS]
    # While queries are logged (DEBUG, a test counting queries), Django's own cursor runs the
    # statement: the log shows its SQL, which psycopg does not keep for a prepared statement.
    if not prepared or wrapper.vendor != "postgresql" or wrapper.queries_logged:
        return wrapper.cursor()
    wrapper.close_if_health_check_failed()
    wrapper.ensure_connection()
    with wrapper.wrap_database_errors:
        # Django's own wrapping of a cursor (query log, error translation), for ours.
        return wrapper._prepare_cursor(  # type: ignore[attr-defined]
            _PreparedCursor(wrapper.connection)
        )


def any_of(column: str) -> str:
    """SQL for `column` equal to one of a list given as one parameter (see `values`): an offline
    queue of 20,000 scans would pass SQLite's limit of bound variables as an IN list."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)"
    return f"{column} IN (SELECT value FROM json_each(%s))"


def values(items: Sequence[Any]) -> Any:
    """The parameter of an `any_of` condition."""
    if connection.vendor == "postgresql":
        return list(items)
    return json.dumps(list(items))


def lock_suffix(alias: str) -> str:
    """FOR UPDATE OF the aliased table where the backend has row locks (PostgreSQL); SQLite's
    write transaction is exclusive already (IMMEDIATE, see settings)."""
    if connection.features.has_select_for_update_of:
        return f" FOR UPDATE OF {quote(alias)}"
    return ""
