// The page's lists, drawn from the API's answers as they are (same order, same movies, nothing added).
// Each function takes the answer and the handlers: open(movie) shows similar movies, rate(movie, stars) rates,
// ratedOf(movieId) is the user's stars for a movie or undefined.
import { el, genres, movieHeading, starButtons } from './dom.js';

/** Stars as the page shows them: one decimal. */
export function formatStars(stars) {
  return stars.toFixed(1);
}

function because(list) {
  if (!list.length) {
    return null;
  }
  return el('p', { class: 'because', 'data-testid': 'because' }, 'Because you liked ',
    list.map((b, i) => [i > 0 ? ' and ' : '',
      el('span', { class: 'because-movie', 'data-testid': 'because-movie', 'data-movie-id': b.movieId }, b.title)]));
}

/** GET .../recommendations: each with its rank, predicted stars and "because" movies. */
export function recommendationItems(answer, handlers) {
  return answer.recommendations.map((r) => el('li', { 'data-testid': 'rec', 'data-movie-id': r.movie.movieId },
    el('div', { class: 'row' },
      el('span', { class: 'rank', 'data-testid': 'rank' }, r.rank),
      movieHeading(r.movie, handlers.open),
      r.predictedStars != null
        ? el('span', { class: 'predicted', 'data-testid': 'predicted-stars', title: 'Predicted stars' },
          formatStars(r.predictedStars), el('span', { 'aria-hidden': 'true' }, '\u2605'))
        : null),
    el('div', { class: 'row sub' }, genres(r.movie), starButtons(r.movie, handlers.ratedOf(r.movie.movieId),
      handlers.rate)),
    because(r.because)));
}

/** GET /api/movies or /api/movies/popular: movies to rate, with how many ratings the data holds. */
export function movieItems(answer, handlers) {
  return answer.movies.map((m) => el('li', { 'data-testid': 'movie', 'data-movie-id': m.movieId },
    el('div', { class: 'row' }, movieHeading(m, handlers.open)),
    el('div', { class: 'row sub' },
      genres(m, el('span', { class: 'count', title: 'Ratings in the data set' },
        `${m.ratings.toLocaleString('en')} ratings`)),
      starButtons(m, handlers.ratedOf(m.movieId), handlers.rate))));
}

/** GET /api/movies/{id}/similar: the closest movies with their cosine. */
export function similarItems(answer, handlers) {
  return answer.similar.map((s) => el('li', { 'data-testid': 'similar-movie', 'data-movie-id': s.movie.movieId },
    el('div', { class: 'row' },
      movieHeading(s.movie, handlers.open),
      el('span', { class: 'similarity', 'data-testid': 'similarity', title: 'Cosine of the movie vectors' },
        s.similarity.toFixed(2))),
    el('div', { class: 'row sub' }, genres(s.movie),
      starButtons(s.movie, handlers.ratedOf(s.movie.movieId), handlers.rate))));
}

/** GET /api/users/{id}: the ratings given through the API, latest first, and a count of the data set's. */
export function ratingItems(user) {
  const api = user.ratings.filter((r) => r.source === 'api').reverse();
  const fromData = user.ratings.length - api.length;
  const items = api.map((r) => el('li', { 'data-testid': 'rating', 'data-movie-id': r.movieId },
    el('span', { class: 'rated-stars', 'aria-label': `${r.stars} stars` }, '\u2605'.repeat(r.stars)),
    ' ', r.title));
  if (fromData > 0) {
    items.push(el('li', { class: 'caption' }, `and ${fromData.toLocaleString('en')} from the data set`));
  }
  return items;
}
