"""The catalogue's full-text index, per database: SQLite gets an FTS5 table with the trigram
tokenizer (Chinese has no spaces, so word tokenizers miss it) kept in sync with
exhibitors_searchentry by triggers; PostgreSQL gets pg_trgm and a trigram GIN index on the text."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE exhibitors_search_fts USING fts5("
    "text, content='exhibitors_searchentry', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER exhibitors_search_ai AFTER INSERT ON exhibitors_searchentry BEGIN "
    "INSERT INTO exhibitors_search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER exhibitors_search_ad AFTER DELETE ON exhibitors_searchentry BEGIN "
    "INSERT INTO exhibitors_search_fts(exhibitors_search_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER exhibitors_search_au AFTER UPDATE ON exhibitors_searchentry BEGIN "
    "INSERT INTO exhibitors_search_fts(exhibitors_search_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO exhibitors_search_fts(rowid, text) VALUES (new.id, new.text); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS exhibitors_search_au",
    "DROP TRIGGER IF EXISTS exhibitors_search_ad",
    "DROP TRIGGER IF EXISTS exhibitors_search_ai",
    "DROP TABLE IF EXISTS exhibitors_search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS exhibitors_search_trgm ON exhibitors_searchentry "
    "USING gin (text gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS exhibitors_search_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0002_onboarding_exhibits_media")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
