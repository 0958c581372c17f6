// The page: who the user is (a segment, or a user id of the API), the movies to rate, the recommendations and the
// similar movies. Every list shows one API answer; the list's data-query is the request it shows, data-state is
// loading, ready or error (the test and people alike can tell what they are looking at).
import { get, post, pathWith } from './api.js';
import { el, showRated } from './dom.js';
import { movieItems, ratingItems, recommendationItems, similarItems } from './lists.js';
import { clearError, initErrors, showError } from './errors.js';

const K = 10;
const LIST_LIMIT = 12;
const DEFAULTS = { age: '2', gender: 'F', job: '12' };
const $ = (id) => document.getElementById(id);

const state = {
  options: null,
  userId: null,
  user: null, // the answer of GET /api/users/{id}
  rated: new Map(), // movie id -> the user's stars
  filter: { genre: '', years: '' },
  writes: Promise.resolve(), // ratings are posted one after the other
};

const handlers = { open: showSimilar, rate, ratedOf: (id) => state.rated.get(id) };

/** Shows the answer of GET path in the list; an answer to an older request of the same list is dropped. */
async function load(list, path, show) {
  const token = String((Number(list.dataset.token) || 0) + 1);
  Object.assign(list.dataset, { token, query: path, state: 'loading' });
  list.setAttribute('aria-busy', 'true');
  let answer;
  try {
    answer = await get(path);
  } catch (e) {
    if (list.dataset.token === token) {
      list.replaceChildren();
      list.dataset.state = 'error';
      list.removeAttribute('aria-busy');
      showError(e);
    }
    return;
  }
  if (list.dataset.token === token) {
    show(answer);
    list.dataset.state = 'ready';
    list.removeAttribute('aria-busy');
  }
}

function demographics() {
  return { age: $('age').value, gender: $('gender').value, job: $('job').value };
}

function label(choices, code) {
  const c = choices.find((x) => x.code === code);
  return c ? c.label : code;
}

function segmentText() {
  const d = demographics();
  const o = state.options;
  return `${label(o.genders, d.gender)}, ${label(o.ages, d.age)}, ${label(o.occupations, d.job)}`;
}

// ---- recommendations

function refreshRecommendations() {
  const filter = { k: K, genre: state.filter.genre, years: state.filter.years };
  const path = state.userId === null
    ? pathWith('/api/recommendations', { ...demographics(), ...filter })
    : pathWith(`/api/users/${state.userId}/recommendations`, filter);
  const list = $('recommendations');
  return load(list, path, (answer) => {
    list.replaceChildren(...recommendationItems(answer, handlers));
    const u = answer.user;
    list.dataset.userId = u.userId ?? '';
    list.dataset.ratings = u.ratings;
    const who = u.userId == null ? `a new user: ${segmentText()}`
      : `user ${u.userId} (${label(state.options.genders, u.gender)}, ${u.age}, ${u.occupation}), ${u.ratings} rated`;
    const only = [state.filter.genre, state.filter.years].filter((x) => x).join(', ');
    $('recs-caption').textContent = `For ${who}${only ? `; only ${only}` : ''}.`
      + (answer.recommendations.length ? '' : ' No movie matches these filters.');
  });
}

// ---- movies to rate: popular in the segment, or found by title

function refreshRateList() {
  const q = $('search-input').value.trim();
  const path = q ? pathWith('/api/movies', { q, limit: LIST_LIMIT })
    : pathWith('/api/movies/popular', { ...demographics(), limit: LIST_LIMIT });
  const list = $('rate-list');
  return load(list, path, (answer) => {
    list.replaceChildren(...movieItems(answer, handlers));
    $('rate-caption').textContent = q
      ? `${answer.movies.length ? answer.movies.length : 'No'} title${answer.movies.length === 1 ? '' : 's'}`
        + ` matching \u201c${q}\u201d`
      : `Most liked by users like you (${segmentText()})`;
  });
}

// ---- similar movies

function showSimilar(movie) {
  clearError();
  const list = $('similar');
  list.dataset.movieId = movie.movieId;
  $('similar-caption').textContent = `Closest to ${movie.title}, by the cosine of their vectors:`;
  load(list, pathWith(`/api/movies/${movie.movieId}/similar`, { k: K }), (answer) => {
    list.replaceChildren(...similarItems(answer, handlers));
  });
  const panel = $('similar-panel');
  if (panel.getBoundingClientRect().top > window.innerHeight) {
    panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}

// ---- the user: created on the first rating, or loaded by id

function rate(movie, stars) {
  clearError();
  const who = demographics();
  state.writes = state.writes.then(async () => {
    if (state.userId === null) {
      const created = await post('/api/users', who);
      setUser(created.userId, created);
    }
    await post(`/api/users/${state.userId}/ratings`, [{ movieId: movie.movieId, stars }]);
    state.rated.set(movie.movieId, stars);
    markRated();
    refreshRecommendations();
    refreshUser();
  }).catch(showError);
}

function setUser(id, user) {
  state.userId = id;
  state.user = user;
  history.replaceState(null, '', `#user=${id}`);
  showUserLine();
}

function showUserLine() {
  const line = $('user-line');
  if (state.userId === null) {
    line.replaceChildren('New user: nothing rated yet. Your first rating makes you a user id.');
    return;
  }
  const n = state.user ? state.user.ratings.length : 0;
  line.replaceChildren('You are user ', el('strong', { 'data-testid': 'user-id', id: 'user-id' }, state.userId),
    ` (${n} rated). Type ${state.userId} above to come back. `,
    el('button', { type: 'button', id: 'new-user', 'data-testid': 'new-user', class: 'quiet', onclick: () => {
      clearError();
      startNewUser();
    } }, 'Start over'));
}

async function refreshUser() {
  if (state.userId === null) {
    return;
  }
  const id = state.userId;
  try {
    const user = await get(`/api/users/${id}`);
    if (state.userId === id) {
      showUser(user);
    }
  } catch (e) {
    showError(e);
  }
}

function showUser(user) {
  state.user = user;
  state.rated = new Map(user.ratings.map((r) => [r.movieId, r.stars]));
  $('ratings').replaceChildren(...ratingItems(user));
  $('ratings-title').hidden = user.ratings.length === 0;
  markRated();
  showUserLine();
}

function markRated() {
  for (const group of document.querySelectorAll('.stars')) {
    showRated(group, state.rated.get(Number(group.dataset.movieId)));
  }
}

async function loadUser(idText) {
  clearError();
  let user;
  try {
    user = await get(`/api/users/${encodeURIComponent(idText)}`);
  } catch (e) {
    showError(e);
    return;
  }
  const o = state.options;
  $('age').value = (o.ages.find((a) => a.label === user.age) || {}).code;
  $('gender').value = user.gender;
  $('job').value = (o.occupations.find((j) => j.label === user.occupation) || {}).code;
  setUser(user.userId, user);
  showUser(user);
  refreshRecommendations();
  refreshRateList();
}

function startNewUser() {
  state.userId = null;
  state.user = null;
  state.rated = new Map();
  history.replaceState(null, '', location.pathname);
  $('ratings').replaceChildren();
  $('ratings-title').hidden = true;
  showUserLine();
  markRated();
  refreshRecommendations();
  refreshRateList();
}

// ---- wiring

function fill(select, choices, chosen) {
  select.append(...choices.map((c) => el('option', { value: c.code, selected: c.code === chosen }, c.label)));
}

function wire() {
  for (const id of ['age', 'gender', 'job']) {
    $(id).addEventListener('change', () => {
      clearError();
      startNewUser();
    });
  }
  $('known').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('user-id-input').value.trim();
    if (id) {
      loadUser(id);
    }
  });
  const applyFilters = () => {
    clearError();
    state.filter = { genre: $('genre').value, years: $('years').value.trim() };
    refreshRecommendations();
  };
  $('genre').addEventListener('change', applyFilters);
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    clearError();
    refreshRateList();
  });
  $('show-popular').addEventListener('click', () => {
    clearError();
    $('search-input').value = '';
    refreshRateList();
  });
}

async function init() {
  initErrors();
  try {
    state.options = await get('/api/options');
  } catch (e) {
    showError(e);
    return;
  }
  const o = state.options;
  fill($('age'), o.ages, DEFAULTS.age);
  fill($('gender'), o.genders, DEFAULTS.gender);
  fill($('job'), o.occupations, DEFAULTS.job);
  fill($('genre'), o.genres.map((g) => ({ code: g, label: g })), '');
  wire();
  const known = /^#user=(\d+)$/.exec(location.hash);
  if (known) {
    loadUser(known[1]);
  } else {
    refreshRecommendations();
    refreshRateList();
  }
}

init();
