// Small DOM builders shared by the lists: an element factory, a movie's title line, and the 1-5 star buttons.

/** An element with attributes (on* attributes become listeners) and children (strings become text). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** The title without its trailing "(year)" when the year is known: the year is shown on its own. */
export function shortTitle(movie) {
  const suffix = ` (${movie.year})`;
  return movie.year != null && movie.title.endsWith(suffix) ? movie.title.slice(0, -suffix.length) : movie.title;
}

/** Title (a button that shows similar movies) and year of a movie. */
export function movieHeading(movie, onOpen) {
  return el('div', { class: 'heading' },
    el('button', {
      type: 'button', class: 'title', 'data-testid': 'movie-title',
      title: `Movies similar to ${movie.title}`, onclick: () => onOpen(movie),
    }, shortTitle(movie)),
    movie.year != null ? el('span', { class: 'year', 'data-testid': 'movie-year' }, movie.year) : null);
}

/** The genres of a movie, with an optional note after them. */
export function genres(movie, note) {
  return el('span', { class: 'genres', 'data-testid': 'movie-genres' },
    movie.genres.map((g) => el('span', { class: 'genre', 'data-testid': 'genre' }, g)), note);
}

/** Five buttons rating the movie 1..5; the user's stars (if any) are lit. */
export function starButtons(movie, rated, onRate) {
  const group = el('span', {
    class: 'stars', role: 'group', 'aria-label': `Rate ${movie.title}`,
    'data-testid': 'stars', 'data-movie-id': movie.movieId,
  });
  for (let s = 1; s <= 5; s++) {
    group.append(el('button', {
      type: 'button', 'data-stars': s, 'aria-label': `${s} star${s > 1 ? 's' : ''}`, title: `${s} of 5`,
      onclick: () => onRate(movie, s),
    }, '\u2605'));
  }
  showRated(group, rated);
  return group;
}

/** Lights the stars of a rating (none when {@code rated} is undefined). */
export function showRated(group, rated) {
  group.dataset.rated = rated || '';
  for (const b of group.querySelectorAll('button')) {
    const on = rated !== undefined && Number(b.dataset.stars) <= rated;
    b.classList.toggle('on', on);
    b.setAttribute('aria-pressed', String(rated !== undefined && Number(b.dataset.stars) === rated));
  }
}
