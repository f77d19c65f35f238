#!/usr/bin/env bash
# Trusts the certificate authorities given in EXTRA_CA_CERTS (PEM text, one certificate or more)
# in the Java runtime's store, for networks whose proxy re-signs outgoing HTTPS: Maven's downloads
# in the build stage, the gateway's own outgoing calls in the run stage. Nothing to do without it.
set -euo pipefail
[ -n "${EXTRA_CA_CERTS:-}" ] || exit 0
dir=$(mktemp -d)
printf '%s\n' "$EXTRA_CA_CERTS" |
  awk -v dir="$dir" '/-----BEGIN CERTIFICATE-----/ { n++ } n { print > (dir "/" n ".pem") }'
count=0
for pem in "$dir"/*.pem; do
  [ -f "$pem" ] || continue
  count=$((count + 1))
  keytool -importcert -noprompt -cacerts -storepass changeit -alias "paygate-extra-ca-$count" -file "$pem" > /dev/null
done
rm -rf "$dir"
[ "$count" -gt 0 ] || { echo "EXTRA_CA_CERTS holds no PEM certificate" >&2; exit 1; }
echo "trusted $count extra certificate authorities"
