#!/usr/bin/env bash
# Records the class-data archive that start.sh maps (PAYGATE_CDS in docs/configuration.md), so that even the
# first start of a build or of an image is fast: starts the gateway once on a throw-away embedded
# database, sends it a payment and a few reads, and stops it, which writes the archive. The
# Dockerfile runs it when the image is built.
#
#   record-cds.sh [PORT]     (default 18099; only 127.0.0.1 is used)
#
# Exits 0 with the archive in place (or when start.sh already had one), 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${1:-18099}
key=sk_test_paygate_record_cds_key_0000000000000
work=$(mktemp -d)
pid=

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
    kill -KILL "$pid" 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# status METHOD PATH [BODY]: the HTTP status of one request with the record's key.
. "$here/http-status.sh"
status() { http_status "$port" "$1" "$2" "$key" "${3:-}"; }

# Only what this needs: no database or broker setting of the caller's environment applies.
env $(compgen -e | grep '^PAYGATE_' | grep -v '^PAYGATE_\(CDS_DIR\|JAVA_OPTS\|PAYARA_DIR\|WAR\|HOME\)$' | sed 's/^/-u /') \
  PAYGATE_DATA_DIR="$work" PAYGATE_PORT="$port" PAYGATE_CDS=on \
  PAYGATE_DEMO_MERCHANT=true PAYGATE_DEMO_KEY="$key" PAYGATE_PROCESSING_DELAY_MS=0 \
  bash "$here/start.sh" > "$work/gateway.log" 2>&1 < /dev/null &
pid=$!

for _ in $(seq 1 100); do # start.sh says which it does before it starts the JVM
  grep -q '^paygate: \(class-data archive\|first start of this build\)' "$work/gateway.log" 2> /dev/null && break
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.1
done
if grep -q '^paygate: class-data archive ' "$work/gateway.log"; then
  echo "record-cds: start.sh already maps an archive: $(sed -n 's/^paygate: class-data archive //p' "$work/gateway.log")"
  exit 0
fi
archive=$(sed -n 's/^paygate: first start of this build: .* written to \(.*\) when it stops$/\1/p' "$work/gateway.log")
if [ -z "$archive" ]; then
  cat "$work/gateway.log" >&2
  echo "record-cds: start.sh did not say where it records the archive (PAYGATE_CDS=off?)" >&2
  exit 1
fi

ready=
for _ in $(seq 1 360); do # up to 180 s
  kill -0 "$pid" 2> /dev/null || break
  if [ "$(status GET /api/v1/health)" = 200 ]; then ready=1; break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  tail -n 40 "$work/gateway.log" >&2
  echo "record-cds: the gateway did not become ready" >&2
  exit 1
fi

# The request path's classes too: a payment, reads, a list page, an error.
for i in 1 2 3; do
  status POST /api/v1/payments "{\"merchant_id\":\"merchant_123\",\"order_id\":\"record-cds-$i\",\"amount\":10.00,\"currency\":\"USD\",\"payment_method\":\"credit_card\",\"card_number\":\"4111111111111111\",\"card_expiry_month\":12,\"card_expiry_year\":2030,\"card_cvv\":\"123\"}" > /dev/null
  status GET '/api/v1/payments?merchant_id=merchant_123&limit=5' > /dev/null
  status POST /api/v1/payments '{}' > /dev/null
done
sleep 1

kill -TERM "$pid"
for _ in $(seq 1 240); do # up to 120 s for the archive to be written
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2> /dev/null; then
  echo "record-cds: the gateway did not stop within 120 s" >&2
  exit 1
fi
pid=

if [ "$(od -A n -t x1 -N 4 "$archive" 2> /dev/null | tr -d ' ')" != a8ab0bf0 ]; then
  tail -n 40 "$work/gateway.log" >&2
  echo "record-cds: no complete archive at $archive" >&2
  exit 1
fi
echo "record-cds: $archive ($(($(stat -c %s "$archive") / 1048576)) MB)"
