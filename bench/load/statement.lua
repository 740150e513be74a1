-- wrk script: POST a new shared statement per request, each with its own id (thread number + counter).
-- wrk -s statement.lua -H "Authorization: Bearer TOKEN" http://host/api/negotiations/ID/statements
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", string.format("load-%d-%d", os.time(), threads))
end
function init(args)
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local body = string.format('{"id":"%s-%d","text":"Load statement %d.","signatories":["ua"]}', prefix, counter, counter)
  return wrk.format("POST", nil, nil, body)
end
