-- GET /api/recommendations for new users: every (age, gender, occupation) in turn, k=10.
dofile(os.getenv("WRK_LUA_DIR") .. "/report.lua")
local paths = {}
for age = 0, 6 do
  for _, gender in ipairs({"M", "F"}) do
    for job = 0, 20 do
      paths[#paths + 1] = string.format("/api/recommendations?age=%d&gender=%s&job=%d&k=10", age, gender, job)
    end
  end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
