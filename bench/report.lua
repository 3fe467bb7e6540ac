-- wrk hooks: a 2xx-only check and one machine-readable RESULT line per run.
-- wrk counts only status >= 400 as errors; a 3xx or 1xx is counted here too.
-- With STORM_TOTAL set, each thread stops after its share of responses, so a run makes
-- (about) that many requests: the boot storm.
local total = tonumber(os.getenv("STORM_TOTAL") or "0")
local threads = tonumber(os.getenv("STORM_THREADS") or "1")
local counters = {}

function setup(thread)
  table.insert(counters, thread)
end

seen = 0
bad = 0
local share = 0

function init(args)
  if total > 0 then
    share = math.ceil(total / threads)
  end
end

function response(status, headers, body)
  seen = seen + 1
  if status < 200 or status > 299 then
    bad = bad + 1
  end
  if share > 0 and seen >= share then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(counters) do
    non2xx = non2xx + (thread:get("bad") or 0)
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.2f p50_us=%d p99_us=%d max_us=%d non2xx=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50), latency:percentile(99), latency.max,
    non2xx, e.connect, e.read, e.write, e.timeout))
end
