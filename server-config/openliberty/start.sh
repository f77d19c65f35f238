#!/usr/bin/env bash
# Starts the gateway on Open Liberty from the WAR that `mvn package` built.
#
#   WLP_HOME=/path/to/wlp server-config/openliberty/start.sh
#
# Open Liberty itself is not part of the build: unpack io.openliberty:openliberty-runtime:26.0.0.3:zip
# (Maven Central) anywhere and point WLP_HOME at its wlp directory; it is never written to. The
# server's own files live in $PAYGATE_DATA_DIR/liberty.
#
# Configuration: the same PAYGATE_* variables as on Payara Micro (docs/configuration.md), read by server.xml at
# every start. On Open Liberty the database is always PostgreSQL and the broker is Liberty's own
# embedded messaging engine; MicroProfile Health is at /health on PAYGATE_PORT.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=${PAYGATE_HOME:-$(cd "$here/../.." && pwd)}
wlp=${WLP_HOME:?set WLP_HOME to the wlp directory of an unpacked Open Liberty (io.openliberty:openliberty-runtime:26.0.0.3:zip)}
war=${PAYGATE_WAR:-$root/target/paygate.war}
driver=${PAYGATE_JDBC_DRIVER:-$root/target/payara/postgresql.jar}
hibernate=${PAYGATE_HIBERNATE_DIR:-$root/target/payara/hibernate}
data_dir=${PAYGATE_DATA_DIR:-$HOME/.paygate}

for f in "$wlp/bin/server" "$war" "$driver" "$hibernate"/hibernate-core-*.jar; do
  [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
done

export WLP_USER_DIR=$data_dir/liberty
server_dir=$WLP_USER_DIR/servers/paygate
mkdir -p "$server_dir/apps" "$server_dir/lib"
cp "$here/server.xml" "$server_dir/server.xml"
cp "$driver" "$server_dir/lib/postgresql.jar"
# The JPA provider: Hibernate and its libraries, a shared library of the server (server.xml).
rm -rf "$server_dir/lib/hibernate"
cp -r "$hibernate" "$server_dir/lib/hibernate"
cp "$war" "$server_dir/apps/paygate.war"

echo "paygate: database PostgreSQL at ${PAYGATE_DB_HOST:-127.0.0.1}:${PAYGATE_DB_PORT:-5432}/${PAYGATE_DB_NAME:-paygate}"
echo "paygate: starting on Open Liberty, http://localhost:${PAYGATE_PORT:-8080}/api/v1 (API docs: http://localhost:${PAYGATE_PORT:-8080}/apidocs/)"
exec "$wlp/bin/server" run paygate
