-- Shared by every scenario script: one machine-readable result line at the end of a wrk run.
local summary = {}

function summary.done(s, latency, requests)
  local e = s.errors
  local seconds = s.duration / 1e6
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"socket_errors":%d,"non_2xx":%d}\n',
    s.requests, seconds, s.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end

return summary
