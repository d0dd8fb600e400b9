-- GET of a path chosen at random for every request from a file of paths (one a line), with the headers a
-- browser's API client sends (JSON, gzip).
-- Arguments (after --): the file of paths.

local requests = {}

function init(args)
   math.randomseed(os.time() * 1000 + thread_id * 7919)
   for line in io.lines(args[1]) do
      if #line > 0 then
         requests[#requests + 1] = wrk.format("GET", line, {
            ["Accept"] = "application/json",
            ["Accept-Encoding"] = "gzip"
         })
      end
   end
end

function request()
   return requests[math.random(#requests)]
end
