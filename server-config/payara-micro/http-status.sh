# Sourced by start.sh and record-cds.sh.
# http_status PORT METHOD PATH [KEY] [BODY]: the HTTP status of one request to 127.0.0.1:PORT, with
# the API key KEY when given, or 000 when nothing answers. Through bash's /dev/tcp, so that it works
# in a runtime image without curl.
http_status() {
  local port=$1 method=$2 path=$3 key=${4:-} body=${5:-} auth= code
  [ -z "$key" ] || auth="Authorization: Bearer $key"$'\r\n'
  code=$( (exec 3<> "/dev/tcp/127.0.0.1/$port" &&
    printf '%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\n%sContent-Type: application/json\r\nContent-Length: %s\r\n\r\n%s' \
      "$method" "$path" "$auth" "${#body}" "$body" >&3 &&
    read -r -t 10 _ code _ <&3 && echo "$code") 2> /dev/null || true)
  echo "${code:-000}"
}
