#!/usr/bin/env bash
# The container test: builds the image from the Dockerfile and checks, from outside, what a team
# running it expects. Run by .ci/run after `mvn verify`; needs a Docker engine, curl and jq, and
# the PostgreSQL that the integration tests use (PAYGATE_DB_HOST, PAYGATE_DB_PORT, PAYGATE_DB_USER).
#
#   docker/test.sh
#
# - It becomes ready (health and Docker's HEALTHCHECK), takes a payment with the demo key and
#   completes it, with nothing configured (embedded database and broker on a named volume).
# - The payment is still there after the container is removed and a new one starts on the volume.
# - The gateway runs as uid 10001, not root, and its home is not the data volume.
# - `docker stop` stops it within a few seconds, with no SIGKILL.
# - A root-owned host directory as the data directory fails at once with a message naming the uid.
# - On the host's PostgreSQL it completes a payment too.
# It prints the image's size and each start's time to ready.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${PAYGATE_TEST_IMAGE:-paygate:test}
port=${PAYGATE_TEST_PORT:-18080}
db_host=${PAYGATE_DB_HOST:-127.0.0.1}
db_port=${PAYGATE_DB_PORT:-5432}
db_user=${PAYGATE_DB_USER:-postgres}
db_name=paygate_container
name=paygate-container-test
volume=paygate-container-test-data
key=sk_test_paygate_demo_key_for_merchant_123
api=http://127.0.0.1:$port/api/v1

fail() {
  echo "container test FAILED: $*" >&2
  if docker container inspect "$name" > /dev/null 2>&1; then
    echo "--- the container's log (last 60 lines)" >&2
    docker logs --tail 60 "$name" >&2 2>&1 || true
  fi
  exit 1
}
ok() { echo "container test: $*"; }
cleanup() {
  docker rm -f "$name" > /dev/null 2>&1 || true
  docker volume rm -f "$volume" > /dev/null 2>&1 || true
  [ -z "${host_dir:-}" ] || rm -rf "$host_dir"
}
trap cleanup EXIT
cleanup

bash docker/base-images.sh
# Extra certificate authorities this machine trusts (a proxy that re-signs HTTPS), for Maven's
# downloads in the build.
ca_certs=$(cat /usr/local/share/ca-certificates/*.crt 2> /dev/null || true)
started=$(date +%s)
docker build --network host -q --build-arg EXTRA_CA_CERTS="$ca_certs" -t "$image" . > /dev/null ||
  fail "the image did not build"
size=$(docker image inspect -f '{{.Size}}' "$image")
ok "image $image built in $(($(date +%s) - started)) s, $((size / 1000000)) MB"

# run ARGS...: starts the container in the background on the host's network (where PostgreSQL
# listens on loopback), the gateway on $port.
run() {
  docker run -d --name "$name" --network host -e PAYGATE_PORT="$port" "$@" "$image" > /dev/null
}

# ready: waits for the health check to answer 200 and prints the seconds it took.
ready() {
  local from=$1
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health")" = 200 ]; then
      echo $(($(date +%s%N) / 1000000 - from))
      return
    fi
    [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "the container exited before it was ready"
    sleep 0.25
  done
  fail "not ready within 60 s"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# pay: creates a card payment with the demo key and waits until it is completed; prints its id.
pay() {
  local created id status
  created=$(curl -s -X POST "$api/payments" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: container-$RANDOM$RANDOM" \
    -d '{"order_id": "container-test", "amount": 12.50, "currency": "EUR", "payment_method": "credit_card",
         "card_number": "4111111111111111", "card_expiry_month": 12, "card_expiry_year": 2035,
         "card_cvv": "123", "customer_email": "customer@example.com"}')
  id=$(jq -r '.id // empty' <<< "$created")
  [ -n "$id" ] || fail "the payment was not created: $created"
  for _ in $(seq 1 100); do
    status=$(curl -s "$api/payments/$id" -H "Authorization: Bearer $key" | jq -r .status)
    [ "$status" = completed ] && { echo "$id"; return; }
    sleep 0.2
  done
  fail "payment $id is $status, not completed, 20 s after it was created"
}

# stop: docker stop, which must end the gateway with its TERM, well before Docker's 10 s SIGKILL.
stop() {
  local from code
  from=$(now_ms)
  docker stop "$name" > /dev/null
  took=$(($(now_ms) - from))
  code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
  [ "$code" != 137 ] || fail "docker stop had to kill the gateway (exit 137 after $took ms)"
  [ "$took" -lt 8000 ] || fail "docker stop took $took ms"
  ok "docker stop: stopped in $took ms, exit code $code"
}

# 1. Nothing configured: embedded database and broker on a named volume.
docker volume create "$volume" > /dev/null
from=$(now_ms)
run -v "$volume:/var/lib/paygate"
ok "ready in $(ready "$from") ms (embedded database and broker, new volume)"
for _ in $(seq 1 120); do
  health=$(docker inspect -f '{{.State.Health.Status}}' "$name")
  [ "$health" != starting ] && break
  sleep 0.5
done
[ "$health" = healthy ] || fail "Docker's health check says $health"
ok "Docker's health check: healthy"
uid=$(docker exec "$name" stat -c %u /proc/1)
[ "$uid" = 10001 ] || fail "the gateway runs as uid $uid, not 10001"
home=$(docker exec "$name" sh -c 'echo $HOME')
[ "$home" != /var/lib/paygate ] || fail "the user's home is the data volume"
ok "runs as uid $uid, home $home"
payment=$(pay)
ok "payment $payment completed with the demo key"
stop
docker rm "$name" > /dev/null
from=$(now_ms)
run -v "$volume:/var/lib/paygate"
ok "ready in $(ready "$from") ms (same volume, new container)"
kept=$(curl -s "$api/payments/$payment" -H "Authorization: Bearer $key")
[ "$(jq -r .status <<< "$kept")" = completed ] || fail "after the restart, $payment is: $kept"
stray=$(docker exec "$name" sh -c 'ls -A /var/lib/paygate | grep "^\." || true')
[ -z "$stray" ] || fail "dotfiles in the data volume: $stray"
ok "payment $payment still completed in a new container on the same volume; no dotfiles in it"
stop
docker rm "$name" > /dev/null

# 2. A host directory owned by root as the data directory.
host_dir=$(mktemp -d)
chmod 755 "$host_dir"
run -v "$host_dir:/var/lib/paygate"
for _ in $(seq 1 40); do
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || break
  sleep 0.25
done
[ "$(docker inspect -f '{{.State.Running}}' "$name")" = false ] || fail "it starts on a data directory it cannot write"
docker logs "$name" 2>&1 | grep -q 'not writable by uid 10001' ||
  fail "a root-owned data directory gives no message naming the uid"
ok "a root-owned host directory: it stops at once and says to give it to uid 10001"
docker rm "$name" > /dev/null

# 3. The host's PostgreSQL.
psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -q \
  -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" -c "CREATE DATABASE $db_name"
from=$(now_ms)
run -e PAYGATE_DB_HOST="$db_host" -e PAYGATE_DB_PORT="$db_port" -e PAYGATE_DB_USER="$db_user" \
  -e PAYGATE_DB_NAME="$db_name" -e PAYGATE_DB_PASSWORD="${PAYGATE_DB_PASSWORD:-}" -e PAYGATE_DEMO_MERCHANT=true
ok "ready in $(ready "$from") ms (the host's PostgreSQL)"
payment=$(pay)
rows=$(psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" -tA \
  -c "SELECT status FROM payments WHERE id = '$payment'")
[ "$rows" = COMPLETED ] || fail "the host's database has $payment as '$rows'"
ok "payment $payment completed and stored in the host's PostgreSQL"
stop
ok "passed"
