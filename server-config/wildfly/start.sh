#!/usr/bin/env bash
# Starts the gateway on WildFly 36 (standalone-full) from the WAR that `mvn package` built.
#
#   WILDFLY_HOME=/path/to/wildfly-36.0.1.Final server-config/wildfly/start.sh
#
# WildFly itself is not part of the build: unpack org.wildfly:wildfly-dist:36.0.1.Final:zip (Maven
# Central) anywhere and point WILDFLY_HOME at it; it is never written to. The server's own files
# (configuration, logs, deployments) live in $PAYGATE_DATA_DIR/wildfly, made from WILDFLY_HOME's
# `standalone` directory and configured by configure.cli on the first start.
#
# Configuration: the same PAYGATE_* variables as on Payara Micro (docs/configuration.md). On WildFly the database
# is always PostgreSQL (PAYGATE_DB_HOST, default 127.0.0.1) and the broker is WildFly's own
# embedded one. MicroProfile Health is on the management port (PAYGATE_MANAGEMENT_PORT, 9990):
# http://localhost:9990/health; the gateway's own /api/v1/health is where it is on Payara.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=${PAYGATE_HOME:-$(cd "$here/../.." && pwd)}
wildfly=${WILDFLY_HOME:?set WILDFLY_HOME to an unpacked WildFly 36 (org.wildfly:wildfly-dist:36.0.1.Final:zip)}
war=${PAYGATE_WAR:-$root/target/paygate.war}
driver=${PAYGATE_JDBC_DRIVER:-$root/target/payara/postgresql.jar}
port=${PAYGATE_PORT:-8080}
management_port=${PAYGATE_MANAGEMENT_PORT:-9990}
data_dir=${PAYGATE_DATA_DIR:-$HOME/.paygate}
base=$data_dir/wildfly

for f in "$wildfly/bin/standalone.sh" "$war" "$driver"; do
  [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
done

# The server's configuration is made once; again when configure.cli changes or a database
# password appears or goes (the file records only the variable's name, never its value).
cli() { JAVA_OPTS="-Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" "$@" >> "$base/configure.log" 2>&1 ||
  { cat "$base/configure.log" >&2; exit 1; }; }
marker="$(cksum < "$here/configure.cli") password:${PAYGATE_DB_PASSWORD:+yes}"
if [ "$(cat "$base/configuration/.paygate-configured" 2> /dev/null)" != "$marker" ]; then
  rm -rf "$base"
  mkdir -p "$data_dir"
  cp -r "$wildfly/standalone" "$base"
  rm -rf "$base/deployments"/* "$base/data" "$base/tmp" "$base/log"
  echo "paygate: configuring WildFly in $base"
  cli --file="$here/configure.cli"
  if [ -n "${PAYGATE_DB_PASSWORD:-}" ]; then
    cli --commands='embed-server --server-config=standalone-full.xml --std-out=discard,/subsystem=datasources/data-source=gateway:write-attribute(name=password,value="${env.PAYGATE_DB_PASSWORD}"),stop-embedded-server'
  fi
  echo "$marker" > "$base/configuration/.paygate-configured"
fi

# Undertow's own 404 and 405 (configure.cli) answer with the gateway's error files.
mkdir -p "$base/errors"
unzip -o -q -j "$war" WEB-INF/errors/404.json WEB-INF/errors/405.json -d "$base/errors"

# The driver first, so that the datasource finds it; the WAR after it.
rm -f "$base/deployments"/*.failed "$base/deployments"/*.deployed
cp "$driver" "$base/deployments/postgresql.jar"
cp "$war" "$base/deployments/paygate.war"

echo "paygate: database PostgreSQL at ${PAYGATE_DB_HOST:-127.0.0.1}:${PAYGATE_DB_PORT:-5432}/${PAYGATE_DB_NAME:-paygate}"
echo "paygate: starting on WildFly, http://localhost:$port/api/v1 (API docs: http://localhost:$port/apidocs/)"
# In the background of its script, so that a TERM sent to this process stops the server cleanly.
export LAUNCH_JBOSS_IN_BACKGROUND=1
exec "$wildfly/bin/standalone.sh" -c standalone-full.xml \
  -Djboss.server.base.dir="$base" \
  -Djboss.http.port="$port" \
  -Djboss.management.http.port="$management_port" \
  -Djboss.bind.address="${PAYGATE_BIND_ADDRESS:-127.0.0.1}"
