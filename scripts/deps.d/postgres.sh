# PostgresBackgroundTest: a throw-away PostgreSQL server (initdb + pg_ctl from Debian's postgresql; LocalPostgres).
APT_PACKAGES+=(postgresql)
