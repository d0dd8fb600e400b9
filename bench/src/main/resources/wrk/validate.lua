-- POST /api/v1/checkin/validate {code, eventId, direction: ENTRY, nonce} as one door scanner.
-- Arguments (after --): a file of ticket codes (one a line), the event id, the scanner's access token, the number
-- of wrk threads, and a tag that makes this run's nonces unique. Thread t of T takes every T-th code; each request
-- is the next code of its thread, so a run with at least as many codes as requests scans every ticket once (a
-- "distinct" run) and a file of tickets already inside gives only ALREADY_CHECKED_IN (the duplicate storm).

local requests = {}
local next_request = 0

function init(args)
   local codes = {}
   for line in io.lines(args[1]) do
      if #line > 0 then codes[#codes + 1] = line end
   end
   local headers = {
      ["Authorization"] = "Bearer " .. args[3],
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json"
   }
   local thread_count = tonumber(args[4])
   local n = 0
   for i = thread_id + 1, #codes, thread_count do
      n = n + 1
      local body = '{"code":"' .. codes[i] .. '","eventId":"' .. args[2] .. '","direction":"ENTRY","nonce":"'
            .. args[5] .. '-' .. thread_id .. '-' .. n .. '"}'
      requests[#requests + 1] = wrk.format("POST", "/api/v1/checkin/validate", headers, body)
   end
end

function request()
   next_request = next_request % #requests + 1
   return requests[next_request]
end
