-- Fixed-rate mixed soak: round-robin over the vault's everyday calls. bench.sh runs it open-loop at BENCH_RATE
-- (paced.lua); the prompt service gets its own paced wrk (bodies.lua).
-- Lists as BENCH_LIST_TOKEN (an ordinary user) when set: an admin's exact page total counts every prompt.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local summary = require("summary")

local token = os.getenv("BENCH_TOKEN") or ""
local prompt_id = os.getenv("BENCH_PROMPT_ID") or ""
local json = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local auth = { ["Authorization"] = "Bearer " .. token }
local list_auth = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_LIST_TOKEN") or token) }

local calls
-- Built in init(), not when the script loads: wrk.format adds the Host header only once wrk has set it (requests
-- formatted at load time carry none, and Tomcat answers 400 to every one of them).
function init(args)
  calls = {
    wrk.format("POST", "/api/v1/prompts", json, '{"promptText":"soak prompt alpha beta","secret":"soak-secret"}'),
    wrk.format("GET", "/api/v1/prompts/" .. prompt_id, auth),
    wrk.format("GET", "/api/v1/prompts?limit=20", list_auth),
    wrk.format("POST", "/api/v1/envelopes", json, '{"promptId":"' .. prompt_id .. '","secret":"bench-secret"}'),
  }
end
local i = 0

function request()
  i = i + 1
  return calls[(i % #calls) + 1]
end

require("paced").install(summary)
