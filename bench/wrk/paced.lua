-- Open-loop pacing for any scenario script. With BENCH_RATE set (requests/s in all), each wrk thread must own
-- exactly one connection (wrk -tN -cN, BENCH_THREADS=N) and sends on a fixed schedule of BENCH_RATE/N requests/s;
-- latency is measured from each request's SCHEDULED time, not from when it went out. Plain wrk is closed-loop: while
-- the server stalls it sends nothing, so the stall appears once in its percentiles instead of in every request that
-- should have been sent meanwhile ("coordinated omission"). Measuring from the schedule keeps those requests in.
-- A request that goes out on time (the connection was idle and waited for its slot) is measured from when it went
-- out, so wrk's millisecond timer does not add its own rounding. Without BENCH_RATE, scripts run closed-loop and
-- report through summary.lua as before.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

local paced = {}

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

-- Call at the end of a scenario script, after request() (and setup(), if any) are defined.
function paced.install(summary)
  local rate = tonumber(os.getenv("BENCH_RATE") or "0")
  if rate <= 0 then
    done = summary.done
    return
  end
  local thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")
  local interval = thread_count * 1e6 / rate -- microseconds between one connection's slots
  local threads = {}
  local inner_setup, inner_request = setup, request

  setup = function(thread)
    if inner_setup then inner_setup(thread) end
    thread:set("pace_phase", #threads * interval / thread_count) -- spreads the connections over one interval
    table.insert(threads, thread)
  end

  -- Per thread (each thread has its own Lua state): read back by done() through thread:get.
  -- first_us/last_us: this thread's first send and last response. wrk starts each thread as soon as its init() has
  -- run (bodies.lua reads a large file there), so threads start at different times, some before wrk's own clock:
  -- the rate sent is the sum of each thread's own rate over its own span.
  latencies, sent, behind_max, first_us, last_us = {}, {}, 0, 0, 0
  local slot, sent_from, waited = nil, nil, false

  delay = function()
    local now = now_us()
    if slot == nil then slot = now + (pace_phase or 0) end
    local wait = slot - now
    waited = wait > 0
    return waited and math.ceil(wait / 1000) or 0
  end

  request = function()
    local now = now_us()
    if slot == nil then slot = now end
    if first_us == 0 then first_us = now end
    if waited then
      sent_from = now
    else -- behind schedule: the previous response came back after this slot
      sent_from = slot
      if now - slot > behind_max then behind_max = now - slot end
    end
    waited = false
    slot = slot + interval
    return inner_request()
  end

  response = function(status, headers, body)
    last_us = now_us()
    latencies[#latencies + 1] = last_us - sent_from
    sent[#sent + 1] = sent_from
  end

  done = function(s, latency, requests)
    local all, behind, sent_rate = {}, 0, 0
    for _, thread in ipairs(threads) do
      local own = thread:get("latencies")
      for _, v in ipairs(own) do all[#all + 1] = v end
      behind = math.max(behind, thread:get("behind_max"))
      local span = thread:get("last_us") - thread:get("first_us")
      if span > 0 then sent_rate = sent_rate + #own / (span / 1e6) end
    end
    local trace = os.getenv("BENCH_TRACE") -- optional: one line per request, to see WHEN the slow ones happened
    if trace then
      local f = io.open(trace, "w")
      f:write("thread n scheduled_us latency_us\n")
      for i, thread in ipairs(threads) do
        local l, s = thread:get("latencies"), thread:get("sent")
        for n = 1, #l do f:write(string.format("%d %d %.0f %.0f\n", i, n, s[n], l[n])) end
      end
      f:close()
    end
    table.sort(all)
    local e = s.errors
    local seconds = s.duration / 1e6
    io.write(string.format(
      'BENCH_RESULT {"load":"paced","target_rps":%d,"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,' ..
      '"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"behind_schedule_max_ms":%.2f,"socket_errors":%d,"non_2xx":%d}\n',
      rate, #all, seconds, sent_rate, percentile(all, 50) / 1000, percentile(all, 95) / 1000,
      percentile(all, 99) / 1000, percentile(all, 100) / 1000, behind / 1000,
      e.connect + e.read + e.write + e.timeout, e.status))
  end
end

return paced
