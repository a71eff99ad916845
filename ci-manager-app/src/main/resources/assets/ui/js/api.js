// The only place that talks HTTP. The token lives in sessionStorage (gone with the tab) and only
// ever travels in the Authorization header, never in a URL.
import { filenameFromDisposition } from './format.js';

const TOKEN_KEY = 'ci-manager.token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(status, code, message, problems) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

/** Builds an API path, encoding each interpolated value as one path segment. */
export function path(strings, ...values) {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}

async function send(apiPath, { method = 'GET', json, yaml, form, accept = 'application/json', token = session.token() } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (yaml !== undefined) {
    headers['Content-Type'] = 'application/yaml';
    body = yaml;
  } else if (form !== undefined) {
    body = form; // FormData: the browser sets multipart/form-data with its boundary
  }
  let response;
  try {
    response = await fetch(`/api/v1${apiPath}`, { method, headers, body, cache: 'no-store' });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', `Tried to reach the server but failed: ${cause.message}`);
  }
  if (!response.ok) throw await toError(response);
  return response;
}

// The API answers {"code","message"}; a 400 on pipeline YAML also lists problems with YAML paths.
async function toError(response) {
  let payload = null;
  try { payload = await response.json(); } catch { /* not JSON: keep the status line */ }
  const message = payload?.message ?? `${response.status} ${response.statusText || 'error'}`;
  const problems = payload?.errors ?? payload?.problems ?? payload?.details ?? null;
  const error = new ApiError(response.status, payload?.code ?? null, message, Array.isArray(problems) ? problems : null);
  if (response.status === 401) window.dispatchEvent(new CustomEvent('api:unauthorized', { detail: error }));
  return error;
}

export const api = {
  async json(apiPath, options) {
    const response = await send(apiPath, options);
    return response.status === 204 ? null : response.json();
  },
  async text(apiPath, options) {
    return (await send(apiPath, { accept: 'text/plain', ...options })).text();
  },
  get: (apiPath) => api.json(apiPath),
  put: (apiPath, json = {}) => api.json(apiPath, { method: 'PUT', json }),
  del: (apiPath) => api.json(apiPath, { method: 'DELETE' }),
  /** multipart/form-data (file secrets); `method` POST to create, PUT to update. */
  form: (apiPath, form, method = 'POST') => api.json(apiPath, { method, form }),
  /** The raw response, for reads that use headers too (incremental logs). */
  response: (apiPath, options) => send(apiPath, options),
  post: (apiPath, json = {}) => api.json(apiPath, { method: 'POST', json }),
  getYaml: (apiPath) => api.text(apiPath, { accept: 'application/yaml, text/yaml;q=0.9, */*;q=0.1' }),
  putYaml: async (apiPath, yaml) => {
    const response = await send(apiPath, { method: 'PUT', yaml });
    return response.status;
  },
  /** Fetches with the token and hands the body to the browser as a file download. */
  async download(apiPath, fallbackName) {
    const response = await send(apiPath, { accept: '*/*' });
    const name = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
  /** Checks a token before keeping it. */
  me: (token) => api.json('/me', { token }),
};
