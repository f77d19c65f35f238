-- Shared by every wrk script of the benchmark: the API key header, optional pacing, and a done()
-- that prints the run's figures as one parseable line:
--   BENCH_RESULT {"requests":…,"duration_us":…,"errors":{…},"latency_us":{"p50":…,"p90":…,"p99":…,…}}
-- Environment: BENCH_API_KEY (sent as a bearer token), BENCH_RATE (requests/s for the whole run,
-- spread over wrk's threads; unset or 0 = as fast as the connections go), BENCH_THREADS (wrk -t).

local api_key = os.getenv("BENCH_API_KEY")
if api_key and api_key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. api_key
end
wrk.headers["Accept"] = "application/json"

-- Pacing: each connection asks delay() before it sends; the thread hands out send slots on a fixed
-- schedule, so the thread sends at most BENCH_RATE / threads requests per second. A connection
-- that is late sends at once. Latency is still measured from the actual send (wrk's own clock), so
-- this is a fixed-rate load without wrk2's coordinated-omission correction.
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local CLOCK_MONOTONIC = 1
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
  local interval_ms = 1000 * threads / rate
  local next_slot = nil
  function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now - 1000 then
      next_slot = now -- first request, or more than a second behind: do not burst to catch up
    end
    local slot = next_slot
    next_slot = slot + interval_ms
    local wait = slot - now
    if wait < 0 then
      return 0
    end
    return math.floor(wait)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end
