// The MovieRec REST API as seen from the page: JSON in and out; an answer other than 2xx is an ApiError carrying the
// server's message, the field at fault and the valid values.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.title)) || `the server answered ${status}`);
    this.status = status;
    this.field = body ? body.field : undefined;
    this.valid = body ? body.valid : undefined;
  }
}

/** A path with its query: parameters in the order given, empty values left out. */
export function pathWith(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      query.append(name, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { message: `the server cannot be reached (${e.message})` });
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { message: `the server answered ${response.status} with something other than JSON` };
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

export function get(path) {
  return send(path, { headers: { Accept: 'application/json' } });
}

export function post(path, body) {
  return send(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}
