-- The anonymous public read mix of ReadsBenchmark, run by wrk with one connection per thread (so each answer is the
-- answer to its thread's last request). The data (innovation ids, OPD codes, words, the mix's shares, how many
-- threads revalidate, compression) come from the Lua file named by the script's first argument, which ReadsBenchmark
-- writes. A revalidating thread remembers the ETag of every address it read and sends it as If-None-Match, as a
-- browser does. done() prints one line, MIX ..., that ReadsBenchmark reads.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  dofile(args[1])
  math.randomseed(id)
  revalidates = id <= mix.revalidating
  etags = {}
  reads, not_modified, from_copy, others = 0, 0, 0, 0
  kinds = {}
end

local function pick(list)
  return list[math.random(#list)]
end

local function next_kind()
  local roll = math.random(100) - 1
  for _, share in ipairs(mix.shares) do
    roll = roll - share[2]
    if roll < 0 then
      return share[1]
    end
  end
  return mix.shares[#mix.shares][1]
end

local function path_of(kind)
  if kind == "SEARCH" then
    local search = "/api/v1/innovations?q=" .. pick(mix.words)
    local filter = math.random(4)
    if filter == 1 then
      return search .. "&opdCode=" .. pick(mix.opds)
    elseif filter == 2 then
      return search .. "&field=" .. pick(mix.fields)
    end
    return search
  elseif kind == "INNOVATION" then
    return "/api/v1/innovations/" .. pick(mix.innovations)
  elseif kind == "SIMILAR" then
    return "/api/v1/innovations/" .. pick(mix.innovations) .. "/similar"
  elseif kind == "OVERVIEW" then
    return "/api/v1/stats/overview"
  end
  return "/api/v1/stats/breakdown?by=" .. pick(mix.dimensions)
end

function request()
  last_kind = next_kind()
  last_path = path_of(last_kind)
  local headers = {}
  if mix.gzip then
    headers["Accept-Encoding"] = "gzip"
  end
  if revalidates and etags[last_path] then
    headers["If-None-Match"] = etags[last_path]
  end
  return wrk.format("GET", last_path, headers)
end

function response(status, headers, body)
  if status == 200 or status == 304 then
    reads = reads + 1
    kinds[last_kind] = (kinds[last_kind] or 0) + 1
    if status == 304 then
      not_modified = not_modified + 1
    end
    if headers["Age"] then
      from_copy = from_copy + 1
    end
    if revalidates and headers["ETag"] then
      etags[last_path] = headers["ETag"]
    end
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local total = { reads = 0, not_modified = 0, from_copy = 0, others = 0 }
  local kinds_total = {}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do
      total[name] = total[name] + thread:get(name)
    end
    for kind, n in pairs(thread:get("kinds")) do
      kinds_total[kind] = (kinds_total[kind] or 0) + n
    end
  end
  local kinds_line = ""
  for kind, n in pairs(kinds_total) do
    kinds_line = kinds_line .. " " .. kind .. "=" .. n
  end
  local errors = summary.errors
  print(string.format("MIX reads=%d not_modified=%d from_copy=%d others=%d micros=%d p50=%d p95=%d p99=%d"
      .. " failed=%d%s", total.reads, total.not_modified, total.from_copy, total.others, summary.duration,
      latency:percentile(50), latency:percentile(95), latency:percentile(99),
      errors.connect + errors.read + errors.write + errors.timeout, kinds_line))
end
