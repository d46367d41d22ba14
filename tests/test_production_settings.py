"""config.settings.production takes every address and secret from the environment: a single node
without them, or PostgreSQL with a replica, Redis and S3 for several nodes."""

from __future__ import annotations

import pytest

NAMES = [
    "DATABASES",
    "DATABASE_ROUTERS",
    "CACHES",
    "SESSION_ENGINE",
    "STORAGES",
    "LOGGING",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "STATIC_ROOT",
]


def test_production_refuses_to_start_without_a_secret_key(production):
    with pytest.raises(RuntimeError, match="DJANGO_SECRET_KEY must be set"):
        production(["DEBUG"], DJANGO_SECRET_KEY="")


def test_several_nodes_share_postgresql_with_a_replica_redis_and_s3(production):
    values = production(
        NAMES,
        DATABASE_URL="postgres://geopark:pw@db-primary:5432/geopark",
        DATABASE_REPLICA_URL="postgres://geopark:pw@db-replica:5432/geopark",
        REDIS_URL="redis://cache:6379/1",
        GEOPARK_S3_BUCKET="geopark-media",
        GEOPARK_S3_PRIVATE_BUCKET="geopark-private",
        GEOPARK_S3_ENDPOINT_URL="https://s3.example.org",
        GEOPARK_S3_REGION="ap-southeast-1",
        GEOPARK_S3_CUSTOM_DOMAIN="media.geopark.example.org",
        DJANGO_ALLOWED_HOSTS="geopark.example.org,www.geopark.example.org",
        STATIC_ROOT="/srv/geopark/static",
    )
    assert values["DATABASES"]["default"]["HOST"] == "db-primary"
    assert values["DATABASES"]["replica"]["HOST"] == "db-replica"
    assert values["DATABASE_ROUTERS"] == ["geopark.operations.dbrouters.PrimaryReplicaRouter"]
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache:6379/1"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    public, private = values["STORAGES"]["default"], values["STORAGES"]["private"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "geopark-media"
    assert public["OPTIONS"]["custom_domain"] == "media.geopark.example.org"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["bucket_name"] == "geopark-private"
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["custom_domain"] is None if "custom_domain" in private["OPTIONS"] else True
    assert public["OPTIONS"]["endpoint_url"] == private["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert values["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    assert values["CSRF_TRUSTED_ORIGINS"] == [
        "https://geopark.example.org",
        "https://www.geopark.example.org",
    ]
    assert values["STATIC_ROOT"] == "/srv/geopark/static"


def test_a_single_node_without_those_variables_keeps_local_memory_files_and_database_sessions(production):
    values = production(NAMES)
    assert set(values["DATABASES"]) == {"default"}
    assert values["DATABASE_ROUTERS"] is None
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    # Per-worker memory cannot hold sessions that every worker must see the same.
    assert values["SESSION_ENGINE"] is None
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["STORAGES"]["private"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_the_aws_bucket_variable_is_understood_too(production):
    values = production(["STORAGES"], AWS_STORAGE_BUCKET_NAME="legacy-bucket")
    assert values["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "legacy-bucket"
    assert values["STORAGES"]["private"]["OPTIONS"]["location"] == "private"


def test_sqlite_gets_a_page_cache_for_the_search_index_and_postgresql_plans_without_jit_or_workers(
    production,
):
    assert (
        production(["DATABASES"])["DATABASES"]["default"]["OPTIONS"]["init_command"]
        == "PRAGMA cache_size = -65536"
    )
    smaller = production(["DATABASES"], SQLITE_CACHE_MB="16")
    assert smaller["DATABASES"]["default"]["OPTIONS"]["init_command"] == "PRAGMA cache_size = -16384"
    postgres = production(["DATABASES"], DATABASE_URL="postgres://geopark:pw@db:5432/geopark")
    assert "init_command" not in postgres["DATABASES"]["default"]["OPTIONS"]
    assert (
        postgres["DATABASES"]["default"]["OPTIONS"]["options"]
        == "-c jit=off -c max_parallel_workers_per_gather=0"
    )


# What each connection is told when it opens (config/settings/base.py), read back from the database.
SESSION_SETTINGS = {
    "sqlite": ("PRAGMA cache_size", (-64 * 1024,)),
    "postgresql": (
        "SELECT current_setting('jit'), current_setting('max_parallel_workers_per_gather')",
        ("off", "0"),
    ),
}


@pytest.mark.django_db
def test_each_connection_opens_with_its_databases_session_settings():
    from django.db import connection

    query, expected = SESSION_SETTINGS[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query)
        assert cursor.fetchone() == expected
