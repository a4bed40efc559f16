#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 (trust auth, user postgres).
# Starts the machine's cluster when it is down; failing that, a throwaway one in a temporary folder.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432; then exit 0; fi
if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 0.5; done
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/showfloor-pg.XXXXXX)
chown postgres "$data" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
run "$bindir/initdb -D $data -U postgres --auth=trust -E UTF8" >/dev/null
run "$bindir/pg_ctl -D $data -o '-p 5432 -k /tmp -c listen_addresses=127.0.0.1' -l $data/log -w start" >/dev/null
pg_isready -h 127.0.0.1 -p 5432
