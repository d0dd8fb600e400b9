-- Shared by the benchmark's wrk scripts (appended to each): numbers the threads, counts answers by status
-- code in every thread, and prints one machine-readable summary at the end:
--   WRK_RESULT key=value ...   requests, duration, latency percentiles (microseconds), socket errors, wrk's CPU
--   WRK_STATUS code=count ...  answers by HTTP status, all threads together

local threads = {}

function setup(thread)
   thread:set("thread_id", #threads)
   table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

local function cpu_ticks()
   -- utime and stime of wrk itself (fields 14 and 15 of /proc/self/stat, counted from the pid)
   local f = io.open("/proc/self/stat", "r")
   if not f then return -1 end
   local s = f:read("*a")
   f:close()
   local rest = s:sub(s:match(".*()%)") + 2)
   local fields = {}
   for field in rest:gmatch("%S+") do fields[#fields + 1] = field end
   return tonumber(fields[12]) + tonumber(fields[13])
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("WRK_RESULT requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d "
         .. "timeout=%d p50=%d p90=%d p99=%d p999=%d max=%d mean=%.1f cpu_ticks=%d threads=%d\n",
         summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
         latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
         latency.max, latency.mean, cpu_ticks(), #threads))
   local counts = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      if s then
         for code, n in pairs(s) do counts[code] = (counts[code] or 0) + n end
      end
   end
   local parts = {}
   for code, n in pairs(counts) do parts[#parts + 1] = string.format("%d=%d", code, n) end
   io.write("WRK_STATUS ", table.concat(parts, " "), "\n")
end
