-- POSTs each line of BENCH_BODIES_FILE exactly once (envelopes are one-time use), split across wrk threads:
-- thread i of n takes lines i, i+n, i+2n, ... When a thread runs out it stops (the run then ends early,
-- which the report shows as fewer requests than time x rate: size the file for the run).
-- With BENCH_RATE set it runs open-loop at that rate (paced.lua).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local summary = require("summary")

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("BENCH_PATH")
  local headers = {
    ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
    ["Content-Type"] = "application/json",
  }
  local total = tonumber(os.getenv("BENCH_THREADS") or "1")
  requests_for_thread = {}
  local n = 0
  for line in io.lines(os.getenv("BENCH_BODIES_FILE")) do
    if n % total == index then
      table.insert(requests_for_thread, wrk.format("POST", path, headers, line))
    end
    n = n + 1
  end
  position = 0
end

function request()
  position = position + 1
  local next_request = requests_for_thread[position]
  if next_request == nil then
    wrk.thread:stop()
    return requests_for_thread[#requests_for_thread]
  end
  return next_request
end

require("paced").install(summary)
