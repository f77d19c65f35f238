#!/usr/bin/env bash
# Starts the gateway on Payara Micro from the files that `mvn package` gathered in target/.
# Configuration comes from the environment (see docs/configuration.md).
set -euo pipefail

# say [LEVEL] MESSAGE: a line of this script's own, in the log's format (PAYGATE_LOG_FORMAT):
# "paygate: MESSAGE", or a JSON object with the fields of the server's JSON lines.
say() {
  local level=INFO text
  case $1 in INFO | WARNING | SEVERE) level=$1 && shift ;; esac
  if [ "${PAYGATE_LOG_FORMAT:-text}" = json ]; then
    text=${*//\\/\\\\}
    text=${text//\"/\\\"}
    printf '{"Timestamp":"%s","Level":"%s","LoggerName":"paygate.start","LogMessage":"%s"}\n' \
      "$(date -u +%Y-%m-%dT%H:%M:%S.%3N+0000)" "$level" "$text"
  else
    echo "paygate: $*"
  fi
}

here=$(cd "$(dirname "$0")" && pwd)
root=${PAYGATE_HOME:-$(cd "$here/../.." && pwd)}
payara_dir=${PAYGATE_PAYARA_DIR:-$root/target/payara}
war=${PAYGATE_WAR:-$root/target/paygate.war}
port=${PAYGATE_PORT:-8080}
export PAYGATE_DATA_DIR=${PAYGATE_DATA_DIR:-$HOME/.paygate}
export PAYGATE_PAYARA_DIR=$payara_dir

for f in "$payara_dir/payara-micro.jar" "$payara_dir/activemq-rar.rar" "$payara_dir"/hibernate/hibernate-core-*.jar "$war"; do
  [ -f "$f" ] || { say SEVERE "missing $f: build first with 'mvn package'" >&2; exit 1; }
done

# A directory the gateway cannot write to (in a container, a host directory owned by root mounted
# over the data volume) would fail later with a bare "Permission denied".
if ! mkdir -p "$PAYGATE_DATA_DIR" 2> /dev/null || [ ! -w "$PAYGATE_DATA_DIR" ]; then
  say SEVERE "the data directory $PAYGATE_DATA_DIR is not writable by uid $(id -u);" \
    "give it to that uid (chown $(id -u) on the host) or use a named volume" >&2
  exit 1
fi
post_boot="$PAYGATE_DATA_DIR/post-boot.asadmin"
bash "$here/post-boot.sh" "$post_boot"
bash "$here/logging.sh" "$PAYGATE_DATA_DIR/logging"

if [ -n "${PAYGATE_DB_HOST:-}" ]; then
  say "database PostgreSQL at ${PAYGATE_DB_HOST}:${PAYGATE_DB_PORT:-5432}/${PAYGATE_DB_NAME:-paygate}"
else
  say "database embedded H2 in $PAYGATE_DATA_DIR/db (set PAYGATE_DB_HOST to use PostgreSQL)"
fi
say "broker ${PAYGATE_BROKER_URL:-embedded ActiveMQ in $PAYGATE_DATA_DIR/broker}"
say "starting on http://localhost:$port/api/v1 (API docs: http://localhost:$port/apidocs/)"

# JVM options: PAYGATE_JAVA_OPTS, or else the defaults in jvm.options.
# Request threads: Payara's default pool grows to 200 threads; on a small machine 16 serve more
# requests with shorter tails (bench/RESULTS.md), and further requests wait in the HTTP queue.
java_opts=${PAYGATE_JAVA_OPTS:-$(sed -e 's/#.*//' "$here/jvm.options" | xargs)}
java_opts="$java_opts -Dlog4j2.configurationFile=$PAYGATE_DATA_DIR/logging.log4j2.properties"

# Class-data sharing: the first start of a build records the classes it loaded into an archive,
# written when it stops (that stop takes ~10 s longer); later starts map the archive instead of
# loading, parsing and verifying ~19,000 classes again, which saves ~3 s of every start-up. The
# archive belongs to this Java runtime and this Payara Micro jar, so either changing makes a new
# one. PAYGATE_CDS=off starts without it.
recording=
if [ "${PAYGATE_CDS:-on}" != off ]; then
  java_bin=$(command -v java)
  cds_key=$( { readlink -f "$java_bin"; stat -L -c '%s %Y' "$java_bin" "$payara_dir/payara-micro.jar"; } | cksum | cut -d ' ' -f 1)
  cds_name=paygate-$cds_key.jsa
  # The JVM writes an archive's header last: a file without it (a start killed while writing)
  # does not count, and is replaced by the next recording.
  cds_complete() { [ -f "$1" ] && [ "$(od -A n -t x1 -N 4 "$1" | tr -d ' ')" = a8ab0bf0 ]; }
  # Where one is kept: PAYGATE_CDS_DIR, else beside the runtime (an image records it there when it
  # is built), else, when that is not writable, in the data directory.
  cds_archive=
  for d in "${PAYGATE_CDS_DIR:-$payara_dir}" "$PAYGATE_DATA_DIR/cds"; do
    if cds_complete "$d/$cds_name"; then cds_archive=$d/$cds_name; break; fi
  done
  if [ -n "$cds_archive" ]; then
    say "class-data archive $cds_archive"
    java_opts="$java_opts -XX:SharedArchiveFile=$cds_archive"
  else
    cds_dir=${PAYGATE_CDS_DIR:-$payara_dir}
    [ -n "${PAYGATE_CDS_DIR:-}" ] || [ -w "$cds_dir" ] || cds_dir=$PAYGATE_DATA_DIR/cds
    mkdir -p "$cds_dir"
    rm -f "$cds_dir"/paygate-*.jsa
    cds_archive=$cds_dir/$cds_name
    say "first start of this build: the class-data archive for faster starts is written to $cds_archive when it stops"
    java_opts="$java_opts -XX:ArchiveClassesAtExit=$cds_archive -Xlog:cds=off -Xlog:cds+dynamic=off"
    recording=$cds_archive
  fi
fi

# The server's class path: the JDBC driver and the JPA provider (Hibernate and its libraries, which
# the WAR leaves to the server, so that its deployment does not unpack and scan them).
gateway=(java $java_opts
  -jar "$payara_dir/payara-micro.jar"
  --nocluster
  --disablephonehome
  --prebootcommandfile "$here/pre-boot.asadmin"
  --port "$port"
  --maxhttpthreads "${PAYGATE_HTTP_THREADS:-16}"
  --addlibs "$payara_dir/postgresql.jar:$payara_dir/hibernate"
  --systemproperties "$here/system.properties"
  --postbootcommandfile "$post_boot"
  --logproperties "$PAYGATE_DATA_DIR/logging.properties"
  --deploy "$war"
  --contextroot /)

# In JSON, every line: what the server prints outside its logging (a few lines when it stops) is
# wrapped as a JSON object of the logger "stdout", and standard error joins standard output.
if [ "${PAYGATE_LOG_FORMAT:-text}" = json ]; then
  exec > >(awk '
    /^\{/ { print; fflush(); next }
    {
      gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "")
      now = "date -u +%Y-%m-%dT%H:%M:%S.%3N+0000"; now | getline time; close(now)
      printf "{\"Timestamp\":\"%s\",\"Level\":\"INFO\",\"LoggerName\":\"stdout\",\"LogMessage\":\"%s\"}\n", time, $0
      fflush()
    }') 2>&1
fi

if [ -z "$recording" ]; then
  exec "${gateway[@]}"
fi

# A recording start: the JVM writes the archive when it exits, of the classes loaded until then.
# A start stopped before it was ready would leave an archive of only part of them, which later
# starts would map as it is; so this start keeps the archive only if, when asked to stop, the
# gateway answered its health check. The JVM runs as a child here, and a TERM, INT or HUP to this
# script is passed on to it. (A JVM that exits on its own, as after a failed deployment, keeps none.)
. "$here/http-status.sh"
ready=
stop() {
  [ -n "$ready" ] || [ "$(http_status "$port" GET /api/v1/health)" != 200 ] || ready=1
  kill -TERM "$jvm" 2> /dev/null || true
}
"${gateway[@]}" &
jvm=$!
trap stop TERM INT HUP
status=0
while kill -0 "$jvm" 2> /dev/null; do
  wait "$jvm" && status=0 || status=$?
done
if [ -z "$ready" ]; then
  rm -f "$recording"
  say "stopped before it was ready; no class-data archive kept (the next start records one)"
fi
exit "$status"
