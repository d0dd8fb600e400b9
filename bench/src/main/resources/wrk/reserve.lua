-- POST /api/v1/tickets/reserve {"tierId": ..., "quantity": 1} as many users.
-- Arguments (after --): a file of access tokens (one a line), the tier id, the number of wrk threads.
-- Thread t of T takes every T-th token; each request is the next of its thread's tokens in turn, so with at
-- least as many tokens as connections a user hardly ever has two requests in flight.

local requests = {}
local next_request = 0

function init(args)
   local tokens = {}
   for line in io.lines(args[1]) do
      if #line > 0 then tokens[#tokens + 1] = line end
   end
   local body = '{"tierId":"' .. args[2] .. '","quantity":1}'
   local thread_count = tonumber(args[3])
   for i = thread_id + 1, #tokens, thread_count do
      requests[#requests + 1] = wrk.format("POST", "/api/v1/tickets/reserve", {
         ["Authorization"] = "Bearer " .. tokens[i],
         ["Content-Type"] = "application/json",
         ["Accept"] = "application/json"
      }, body)
   end
end

function request()
   next_request = next_request % #requests + 1
   return requests[next_request]
end
