// OIDC sign-in for the console and Ruang OPD, when the gateway offers it (GET /api/v1/session/config): the
// Authorization Code flow with PKCE (S256) for a public client. The provider redirects back to the pages' own "/" with
// ?code=&state=; the code is exchanged at its token endpoint and the access token kept in sessionStorage (this tab
// only) until it expires or the user signs out.
import { esc } from './html.js';
import { t } from './i18n.js';

const TOKEN = 'inovasi.oidc.token';
const PENDING = 'inovasi.oidc.pending';
const NOTICE = 'inovasi.oidc.notice';

let options;

/** How the pages may sign in: `{ oidc: { issuer, clientId, scopes } }`, or `{ oidc: null }` for API keys only. */
export function signInOptions() {
  options ??= fetch('/api/v1/session/config', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : { oidc: null })).catch(() => ({ oidc: null }));
  return options;
}

/** The OIDC access token of this tab, while it is valid. */
export const oidc = {
  get token() {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN) ?? 'null');
    if (!stored) return null;
    if (Date.now() >= stored.expiresAt) {
      this.expire();
      return null;
    }
    return stored.accessToken;
  },
  /** The token ended (its lifetime, or the API refused it): the next sign-in form says so. */
  expire() {
    if (sessionStorage.getItem(TOKEN)) sessionStorage.setItem(NOTICE, 'oidcExpired');
    sessionStorage.removeItem(TOKEN);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(NOTICE);
  },
  /** Why the user must sign in (again), once: an expired session or a failed sign-in at the provider. */
  takeNotice() {
    const notice = sessionStorage.getItem(NOTICE);
    sessionStorage.removeItem(NOTICE);
    return notice ? t(notice) : null;
  },
};

/**
 * The "sign in with SSO" part of a sign-in form: a button when OIDC is configured, nothing otherwise. After the
 * provider's answer the pages come back to `returnTo` (a hash route).
 */
export async function oidcSignIn(host, returnTo) {
  const { oidc: provider } = await signInOptions();
  const notice = oidc.takeNotice();
  host.innerHTML = `${notice ? `<p class="error" role="alert" id="oidc-notice">${esc(notice)}</p>` : ''}${provider
    ? `<p class="oidc-or">${esc(t('oidcOr'))}</p>
      <button type="button" class="button" id="oidc-sign-in">${esc(t('oidcSignIn'))}</button>` : ''}`;
  host.querySelector('#oidc-sign-in')?.addEventListener('click', () => begin(provider, returnTo));
}

async function begin(provider, returnTo) {
  const discovery = await fetch(`${provider.issuer}/.well-known/openid-configuration`).then((r) => r.json());
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256',
    new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo, clientId: provider.clientId,
    tokenEndpoint: discovery.token_endpoint }));
  const query = new URLSearchParams({ response_type: 'code', client_id: provider.clientId,
    redirect_uri: redirectUri(), scope: provider.scopes, state, code_challenge: challenge,
    code_challenge_method: 'S256' });
  location.assign(`${discovery.authorization_endpoint}?${query}`);
}

/**
 * Finishes a sign-in when the provider redirected back here (?code=&state= or ?error=): exchanges the code for a
 * token, then shows the page the user started from. Called once before the first route.
 */
export async function completeSignIn() {
  const answer = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  if (!answer.has('code') && !answer.has('error')) return;
  sessionStorage.removeItem(PENDING);
  try {
    if (!pending || answer.get('state') !== pending.state || !answer.has('code')) throw new Error('refused');
    const response = await fetch(pending.tokenEndpoint, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: answer.get('code'),
        redirect_uri: redirectUri(), client_id: pending.clientId, code_verifier: pending.verifier }) });
    if (!response.ok) throw new Error(`token endpoint ${response.status}`);
    const token = await response.json();
    sessionStorage.setItem(TOKEN, JSON.stringify({ accessToken: token.access_token,
      expiresAt: expiry(token) }));
    sessionStorage.removeItem(NOTICE);
  } catch (e) {
    sessionStorage.setItem(NOTICE, 'oidcFailed');
  }
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
}

/** When the token ends: its `exp` claim, else `expires_in`, a little early so a call never carries a dead token. */
function expiry(token) {
  let exp;
  try {
    exp = JSON.parse(atob(token.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp;
  } catch (e) {
    exp = undefined;
  }
  const end = exp ? exp * 1000 : Date.now() + (token.expires_in ?? 300) * 1000;
  return end - 10000;
}

function redirectUri() {
  return `${location.origin}/`;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
