-- GET /api/users/{id}/recommendations for known users of MovieLens 1M (ids 1..6040), k=10.
dofile(os.getenv("WRK_LUA_DIR") .. "/report.lua")
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/api/users/%d/recommendations?k=10", (n * 7919) % 6040 + 1))
end
