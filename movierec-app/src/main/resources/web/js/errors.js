// The API's errors shown in the page: its message, the valid values, and the input at fault marked invalid.

const FIELD_INPUTS = {
  id: 'user-id-input', age: 'age', gender: 'gender', job: 'job', genre: 'genre', years: 'years', q: 'search-input',
};

const box = () => document.getElementById('error');

export function showError(e) {
  clearError();
  document.getElementById('error-message').textContent = e.message;
  const valid = document.getElementById('error-valid');
  valid.hidden = !e.valid;
  valid.textContent = e.valid ? `Valid: ${e.valid}` : '';
  box().dataset.status = e.status === undefined ? '' : e.status;
  box().dataset.field = e.field || '';
  const input = e.field && document.getElementById(FIELD_INPUTS[e.field]);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
  }
  box().hidden = false;
}

export function clearError() {
  box().hidden = true;
  for (const input of document.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
}

export function initErrors() {
  document.getElementById('error-close').addEventListener('click', clearError);
}
