-- One wrk script for every HTTP scenario; the runner says what to send through the environment:
--   BENCH_METHOD  GET or POST (default POST)
--   BENCH_PATH    the path; @ID@ becomes an id drawn from BENCH_IDS
--   BENCH_BODY    the body; @ID@ as above, @N@ a number unique within the thread
--   BENCH_IDS     a file with one id (session uuid, chat id) per line, drawn at random
--   BENCH_BODY_FILE  the body read from this file instead (a file upload; sent as it is, no @ID@ or @N@)
--   BENCH_CONTENT_TYPE  the Content-Type (default application/json)
-- Each thread formats up to 4096 requests once (ids drawn at random) and sends them in turn, so that wrk spends
-- its share of the 2 cores on sending rather than on building strings.
--   BENCH_TOKEN   sent as Authorization: Bearer
--   BENCH_OUT     where done() writes one JSON line with the throughput, latencies and errors
-- A response counts as an error when wrk sees a status >= 400 or the body is a JSON-RPC error result.

local method = os.getenv("BENCH_METHOD") or "POST"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local ids_file = os.getenv("BENCH_IDS")
local out = os.getenv("BENCH_OUT")
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
end
local content_type = os.getenv("BENCH_CONTENT_TYPE")
if content_type == nil or content_type == "" then content_type = "application/json" end

local ids = {}
if ids_file and ids_file ~= "" then
  for line in io.lines(ids_file) do
    if line ~= "" then ids[#ids + 1] = line end
  end
end

local headers = { ["Content-Type"] = content_type }
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  threads[#threads + 1] = thread
end

local counter = 0
app_errors = 0
first_error = ""

local static_request = nil
local pool = {}
local pool_size = 0
local next_request = 0

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  counter = (thread_id or 0) * 100000000
  -- wrk.format takes our headers instead of wrk.headers, which hold the Host header
  for name, value in pairs(wrk.headers) do
    if headers[name] == nil then headers[name] = value end
  end
  if (body_file and body_file ~= "") or (#ids == 0 and (body == nil or not string.find(body, "@N@", 1, true))) then
    static_request = wrk.format(method, path, headers, body)
    return
  end
  for i = 1, 4096 do
    counter = counter + 1
    local id = ""
    if #ids > 0 then id = ids[math.random(#ids)] end
    local p = string.gsub(path, "@ID@", id)
    local b = body
    if b then
      b = string.gsub(b, "@ID@", id)
      b = string.gsub(b, "@N@", tostring(counter))
    end
    pool[i] = wrk.format(method, p, headers, b)
  end
  pool_size = 4096
end

function request()
  if static_request then return static_request end
  next_request = next_request % pool_size + 1
  return pool[next_request]
end

function response(status, hdrs, resp)
  -- a large answer (a file downloaded) is no JSON-RPC error: its status says it all
  if status >= 400 or (#resp <= 65536 and (string.find(resp, '"status":"error"', 1, true)
      or string.find(resp, '"error":{', 1, true))) then
    app_errors = app_errors + 1
    if first_error == "" then first_error = tostring(status) .. " " .. string.sub(resp, 1, 200) end
  end
end

local function json_string(s)
  return '"' .. string.gsub(string.gsub(s, '\\', '\\\\'), '"', '\\"') .. '"'
end

function done(summary, latency, requests)
  local errors = 0
  local sample = ""
  for _, t in ipairs(threads) do
    errors = errors + t:get("app_errors")
    if sample == "" then sample = t:get("first_error") end
  end
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"errors":%d,"socket_errors":%d,"timeouts":%d,"first_error":%s}',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout,
    json_string(sample))
  io.write(line .. "\n")
  if out and out ~= "" then
    local f = io.open(out, "w")
    f:write(line .. "\n")
    f:close()
  end
end
