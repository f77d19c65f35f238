-- A browser's CORS preflight of POST /api/v1/payments: OPTIONS with Origin and
-- Access-Control-Request-Method, and no API key, as browsers send it. The gateway answers 204 from
-- its pre-matching filter: no authentication, no resource method, no database. What this costs is
-- what every API request costs before the gateway's own work begins.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

wrk.method = "OPTIONS"
wrk.headers["Authorization"] = nil
wrk.headers["Origin"] = "http://shop.example"
wrk.headers["Access-Control-Request-Method"] = "POST"
wrk.headers["Access-Control-Request-Headers"] = "authorization, content-type"
