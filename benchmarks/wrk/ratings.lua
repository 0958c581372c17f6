-- POST /api/users/{id}/ratings: one rating each, known users 1..6040, movies of MovieLens 1M.
dofile(os.getenv("WRK_LUA_DIR") .. "/report.lua")
local movies = {1, 2, 10, 32, 50, 110, 260, 296, 318, 356, 480, 527, 589, 593, 608, 1196, 1198, 1210, 1270, 2028,
  2571, 2762, 2858, 2959, 3578}
local n = 0
request = function()
  n = n + 1
  local body = string.format('[{"movieId": %d, "stars": %d}]', movies[n % #movies + 1], n % 5 + 1)
  return wrk.format("POST", string.format("/api/users/%d/ratings", (n * 7919) % 6040 + 1),
      {["Content-Type"] = "application/json"}, body)
end
