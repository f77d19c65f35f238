-- GET /api/v1/payments/{id}, cycling through the ids listed in BENCH_IDS_FILE (one a line),
-- each thread from its own starting point.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids = {}
for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
  if line ~= "" then
    ids[#ids + 1] = line
  end
end
assert(#ids > 0, "no payment ids in BENCH_IDS_FILE")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local i = nil
function request()
  if i == nil then
    i = (thread_no * 7919) % #ids
  end
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/payments/" .. ids[i])
end
