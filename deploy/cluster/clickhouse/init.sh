#!/usr/bin/env bash
# One-shot: create the database and the Vigil users on every server (users.sql, ON CLUSTER),
# with the passwords from the environment. Run by the clickhouse-init service of compose.yaml.
set -euo pipefail
sql=$(cat /init/users.sql)
for name in VIGIL_MIGRATOR_PASSWORD VIGIL_APP_PASSWORD VIGIL_INGEST_PASSWORD VIGIL_READER_PASSWORD; do
  value=${!name:-}
  # substituted into a quoted SQL literal: a safe character set only, and long enough
  if [[ ! $value =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
    echo "init: $name must be 16 or more letters, digits, _ or - (set it in .env)" >&2
    exit 1
  fi
  sql=${sql//"\${$name}"/$value}
done
clickhouse-client --host ch-1-1 --user "$CLICKHOUSE_ADMIN_USER" --password "$CLICKHOUSE_ADMIN_PASSWORD" --multiquery <<<"$sql"
echo "init: database vigil and the Vigil users exist on every server"
