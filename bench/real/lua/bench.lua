-- The Lua workload: a mix of what interpreted programs spend time on (calls,
-- tables, strings, closures, sorting with a Lua comparator), read from stdin
-- by the stock `lua -` so no file access is needed. arg[1] scales the work.
-- Ends with a checksum line that every variant must print identically.
local scale = tonumber(arg and arg[1]) or 10
local sum = 0
local function mix(v) sum = (sum * 31 + v) % 4294967296 end

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
mix(fib(20 + scale // 10))

-- tables: a sieve and a hash of squares
for round = 1, scale do
  local n, sieve, count = 20000, {}, 0
  for i = 2, n do sieve[i] = true end
  for i = 2, n do
    if sieve[i] then
      count = count + 1
      for j = i * i, n, i do sieve[j] = false end
    end
  end
  local h = {}
  for i = 1, 5000 do h["k" .. i] = i * i end
  local t = 0
  for k, v in pairs(h) do t = t + v % 97 end
  mix(count); mix(t)
end

-- strings: formatting, concatenation through a buffer table, gsub, find
for round = 1, scale do
  local parts = {}
  for i = 1, 2000 do parts[#parts + 1] = string.format("%d:%x;", i, i * round) end
  local s = table.concat(parts)
  local replaced, n = s:gsub("(%d+):", "<%1>")
  local hits = 0
  for _ in s:gmatch("1[0-9a-f];") do hits = hits + 1 end
  mix(#replaced); mix(n); mix(hits); mix(#s:upper():rep(2))
end

-- closures and higher-order functions
local function counter() local c = 0 return function(d) c = c + d return c end end
for round = 1, scale do
  local cs = {}
  for i = 1, 200 do cs[i] = counter() end
  local acc = 0
  for k = 1, 200 do for i = 1, 200 do acc = acc + cs[i](k % 7) end end
  mix(acc % 1000003)
end

-- sorting with a comparator, and float arithmetic
for round = 1, scale do
  local xs, seed = {}, round
  for i = 1, 20000 do seed = (seed * 1103515245 + 12345) % 2147483648; xs[i] = seed end
  table.sort(xs, function(a, b) return a % 1000 < b % 1000 or (a % 1000 == b % 1000 and a < b) end)
  mix(xs[1] % 65536); mix(xs[#xs] % 65536)
  local x = 0.0
  for i = 1, 100000 do x = x + math.sqrt(i) * 0.5 / (i + 1.0) end
  mix(math.floor(x * 1000))
end

print(string.format("lua checksum: %08x", sum))
