-- POST /api/v1/payments with a unique order id per request:
--   <BENCH_ORDER_PREFIX>.<thread>.<n>
-- The prefix names the run, so the database can tell which payments it created.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local prefix = os.getenv("BENCH_ORDER_PREFIX") or "bench"
local body = '{"merchant_id":"merchant_123","order_id":"%s.%d.%d","amount":100.00,"currency":"USD",' ..
  '"payment_method":"credit_card","card_number":"4111111111111111","card_expiry_month":12,' ..
  '"card_expiry_year":2030,"card_cvv":"123","customer_email":"c@example.com"}'

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local n = 0
function request()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format(body, prefix, thread_no, n))
end
