-- POST a fixed JSON body to one path (the baseline of a scan: a request of the same shape with no work behind it).
-- Arguments (after --): the path, the body.

local req

function init(args)
   req = wrk.format("POST", args[1], {["Content-Type"] = "application/json", ["Accept"] = "application/json"}, args[2])
end

function request()
   return req
end
