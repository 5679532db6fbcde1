// Everything the pages read or write goes to the gateway's own /api/... (same origin).
import { oidc } from './auth.js';
import { i18n, humanise } from './i18n.js';

const KEY = 'inovasi.reviewerKey';

/** The reviewer's API key, or the OIDC sign-in, kept for this tab only. */
export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get signedIn() { return Boolean(this.key || oidc.token); },
  signIn(key) { sessionStorage.setItem(KEY, key); },
  signOut() {
    sessionStorage.removeItem(KEY);
    oidc.signOut();
  },
};

/** An answer other than 2xx, with the RFC 9457 problem (its detail, field errors in `problem.errors`). */
export class ApiError extends Error {
  constructor(status, detail, problem = {}) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * The credentials a call carries: this API key (the reviewer's when none is given), else the OIDC token of the tab;
 * none for `null` with `anonymous`.
 */
export function credentials(key, anonymous = false) {
  if (anonymous) return {};
  const apiKey = key === undefined ? session.key : key;
  if (apiKey) return { 'X-Api-Key': apiKey };
  const token = oidc.token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function headers(extra = {}, key = undefined, anonymous = false) {
  return { Accept: 'application/json', ...extra, ...credentials(key, anonymous) };
}

/**
 * Calls the API with the signed-in reviewer's key, another key, or as the public (`anonymous`: the catalogue
 * shows what the public sees, even in a reviewer's tab); `idempotencyKey` goes with writes through intake.
 */
export async function api(path, { method = 'GET', body, ifMatch, idempotencyKey, key, anonymous = false } = {}) {
  const extra = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (ifMatch !== undefined) extra['If-Match'] = `"${ifMatch}"`;
  if (idempotencyKey !== undefined) extra['Idempotency-Key'] = idempotencyKey;
  const all = headers(extra, key, anonymous);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(path, { method, headers: all, body: payload });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401 && all.Authorization) signInAgain();
    throw new ApiError(response.status, problem.detail, problem);
  }
  return response.status === 204 ? null : response.json();
}

/** The OIDC token was refused (expired or revoked at the provider): the page asks to sign in again. */
function signInAgain() {
  oidc.expire();
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Saves what a GET answers as a file (CSV, evidence files), with the given key or the tab's credentials. */
export async function download(path, filename, accept = '*/*', key = undefined) {
  const response = await fetch(path, { headers: headers({ Accept: accept }, key) });
  if (!response.ok) throw new ApiError(response.status);
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob, filename) {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/**
 * Follows a Server-Sent Events stream with fetch (EventSource cannot send the reviewer's key) and reconnects when it
 * ends. Returns a function that stops it.
 */
export function follow(path, onEvent, onState) {
  const abort = new AbortController();
  const connect = async () => {
    try {
      const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal: abort.signal });
      if (!response.ok) throw new ApiError(response.status);
      onState(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replaceAll('\r\n', '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart()).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      if (abort.signal.aborted) return;
    }
    onState(false);
    setTimeout(() => abort.signal.aborted || connect(), 3000);
  };
  connect();
  return () => abort.abort();
}

let reference;

/** Labels of every enumeration (Indonesian from the API, English humanised) and the OPD names. */
export async function labels() {
  reference ??= Promise.all([api('/api/v1/reference'), api('/api/v1/opds')]).then(([enums, opds]) => ({
    enums: Object.fromEntries(Object.entries(enums).map(([k, list]) => [k, Object.fromEntries(
      list.map((c) => [c.code, c.label]))])),
    opds: Object.fromEntries(opds.map((o) => [o.code, o.name])),
  }));
  const loaded = await reference.catch((e) => { reference = undefined; throw e; });
  return {
    of(kind, code) {
      if (code === null || code === undefined) return '–';
      if (kind === 'opdCode') return loaded.opds[code] ?? code;
      if (kind === 'year') return String(code);
      return i18n.lang === 'en' ? humanise(code) : loaded.enums[kind]?.[code] ?? humanise(code);
    },
  };
}

export { esc } from './html.js';
