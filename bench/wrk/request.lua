-- One fixed request per scenario, described by environment variables:
--   BENCH_METHOD (GET/POST), BENCH_PATH, BENCH_BODY (optional JSON), BENCH_TOKEN (bearer token);
--   BENCH_BODY_CYCLE (optional, instead of BENCH_BODY): a file of JSON bodies, one a line, sent in turn and again
--     from the top (create-envelope names a different prompt in each, so that the 32 concurrent requests never
--     hold more than the per-prompt secret-attempt limit of reservations on one prompt and get 429 by design);
--   BENCH_RATE (optional): open-loop at that many requests/s (paced.lua).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local summary = require("summary")

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }

local cycle_file = os.getenv("BENCH_BODY_CYCLE")
if body or cycle_file then headers["Content-Type"] = "application/json" end

local prepared = nil
local position = 0
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

function request()
  if prepared == nil then
    prepared = {}
    if cycle_file then
      for line in io.lines(cycle_file) do table.insert(prepared, wrk.format(method, path, headers, line)) end
      position = ((index or 0) * 7) % #prepared -- threads start at different prompts
    else
      prepared[1] = wrk.format(method, path, headers, body)
    end
  end
  position = position % #prepared + 1
  return prepared[position]
end

require("paced").install(summary)
