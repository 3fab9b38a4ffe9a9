-- One fixed request per scenario, described by environment variables:
--   BENCH_METHOD (GET/POST), BENCH_PATH, BENCH_BODY (optional JSON), BENCH_TOKEN (bearer token);
--   BENCH_RATE (optional): open-loop at that many requests/s (paced.lua).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local summary = require("summary")

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }
if body then headers["Content-Type"] = "application/json" end

local prepared = nil

function request()
  if prepared == nil then prepared = wrk.format(method, path, headers, body) end
  return prepared
end

require("paced").install(summary)
