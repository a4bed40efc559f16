"""Settings come from the environment: SQLite by default, PostgreSQL and Redis when configured."""

import json
import os
import subprocess
import sys

SNIPPET = (
    "import json, showfloor.settings as s; print(json.dumps({"
    "'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
    "'cache': s.CACHES['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER,"
    "'broker': s.CELERY_BROKER_URL, 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS,"
    "'prepare': s.DATABASES['default'].get('OPTIONS', {}).get('prepare_threshold')}))"
)


def read_settings(**env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("SHOWFLOOR_")}
    result = subprocess.run(
        [sys.executable, "-c", SNIPPET], env={**clean, **env}, capture_output=True, text=True
    )
    return result


def test_defaults_are_sqlite_local_cache_and_eager_tasks():
    result = read_settings(SHOWFLOOR_DEBUG="1")
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["eager"] is True


def test_postgresql_and_redis_from_the_environment():
    result = read_settings(
        SHOWFLOOR_SECRET_KEY="k" * 50,
        SHOWFLOOR_DATABASE_URL="postgres://fair:pw@db.internal:5432/showfloor",
        SHOWFLOOR_REDIS_URL="redis://cache.internal:6379/0",
        SHOWFLOOR_ALLOWED_HOSTS="fair.example.org",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "showfloor"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["eager"] is False
    assert values["broker"] == "redis://cache.internal:6379/0"
    assert values["debug"] is False
    assert values["hosts"] == ["fair.example.org"]


def test_production_without_a_secret_key_refuses_to_start():
    result = read_settings()
    assert result.returncode != 0
    assert "SHOWFLOOR_SECRET_KEY must be set when SHOWFLOOR_DEBUG is off." in result.stderr


def test_postgresql_prepares_only_on_request_and_can_be_switched_off():
    url = "postgres://fair:pw@db.internal:5432/showfloor"
    on = json.loads(read_settings(SHOWFLOOR_DEBUG="1", SHOWFLOOR_DATABASE_URL=url).stdout)
    off = json.loads(
        read_settings(
            SHOWFLOOR_DEBUG="1", SHOWFLOOR_DATABASE_URL=url, SHOWFLOOR_DB_PREPARE="0"
        ).stdout
    )
    assert (on["prepare"], off["prepare"]) == (2**31 - 1, None)
