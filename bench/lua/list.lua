-- One list page: GET on the URL given to wrk (such as /api/v1/payments?merchant_id=…&limit=20).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
