// Ruang OPD: an agency signs in with its portal's API key or with OIDC (kept in sessionStorage), proposes innovations
// (drafts in localStorage until sent, one Idempotency-Key per send, reused on a retry), follows its own innovations
// with the reviewer's message, revises (If-Match) or withdraws them and gives evidence per IID indicator (files
// uploaded, downloaded and removed).
import { api, ApiError, credentials, download, esc, labels } from './api.js';
import { oidc, oidcSignIn } from './auth.js';
import { fieldErrorText, formatDate, humanise, i18n, statusLabel, t } from './i18n.js';

const KEY = 'inovasi.portalKey';
const OPD = 'inovasi.portalOpd';
const DRAFT = 'inovasi.opd.draft.';
const ENUMS = ['source', 'initiatorType', 'field', 'governmentAffair', 'form', 'kind', 'stage', 'programme'];
const REVISABLE = ['SUBMITTED', 'REVISION_REQUESTED'];
const CLOSED = ['ARCHIVED', 'WITHDRAWN'];
const DESIGN_WORDS = 300;
const MAX_FILE = 10 * 1024 * 1024;
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const POLL_MS = 500;
const POLL_DEADLINE_MS = 30000;

/** The portal's key (or the tab's OIDC sign-in) and the OPD it acts for, kept for this tab only. */
const portal = {
  get key() { return sessionStorage.getItem(KEY); },
  get signedIn() { return Boolean(this.key || oidc.token); },
  get opd() { return sessionStorage.getItem(OPD); },
  signIn(key) { sessionStorage.setItem(KEY, key); },
  actFor(opd) { sessionStorage.setItem(OPD, opd); },
  signOut() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(OPD);
    oidc.signOut();
  },
};

/** Calls the API as the signed-in portal. */
function call(path, options = {}) {
  return api(path, { ...options, key: portal.key });
}

/** Renders #/opd (the list), #/opd/baru (a new proposal) or #/opd/<id> (one innovation). */
export async function renderOpd(main, id) {
  const [reference, opds] = await Promise.all([api('/api/v1/reference'), api('/api/v1/opds')]);
  if (!portal.signedIn) {
    signInForm(main);
    return;
  }
  // Who the key or token is (GET /api/v1/session): it must be a portal's, and it acts for one of its OPD codes.
  const caller = await call('/api/v1/session').catch((e) => e);
  const refusal = caller instanceof Error ? caller : allowedOpds(caller, opds).length ? null : 'opdNotPortal';
  if (refusal) {
    // A token that ended: api.js already asks to sign in again.
    if (refusal instanceof ApiError && refusal.status === 401 && !portal.key) return;
    portal.signOut();
    signInForm(main, refusal instanceof ApiError && refusal.status === 401 ? t('opdBadKey')
      : refusal instanceof Error ? `${t('error')}: ${refusal.message}` : t(refusal));
    return;
  }
  const allowed = allowedOpds(caller, opds);
  if (!allowed.some((o) => o.code === portal.opd)) portal.actFor(allowed[0].code);
  const context = { reference, opds, label: await labels() };
  const head = `<section class="console-head">
      <h1>${esc(t('opdSpace'))}</h1>
      <p>${esc(t('opdSignedIn', caller.clientId))} ·
        <button type="button" class="link" id="opd-sign-out">${esc(t('signOut'))}</button></p>
      <p id="opd-allowed">${esc(t(caller.method === 'OIDC' ? 'opdAllowedToken' : 'opdAllowedKey',
        caller.opdCodes.includes('*') ? t('opdAllOpds') : allowed.map((o) => o.name).join(', ')))}</p>
      ${allowed.length > 1 ? `<p class="acting"><label for="opd-acting">${esc(t('opdActsFor'))}</label>
        <select id="opd-acting">${allowed.map((o) => `<option value="${esc(o.code)}"
          ${o.code === portal.opd ? 'selected' : ''}>${esc(o.name)} (${esc(o.code)})</option>`).join('')}</select></p>`
    : `<p>${esc(t('opdActsFor'))}: <strong id="opd-acting-name">${esc(allowed[0].name)}</strong></p>`}
    </section>`;
  main.innerHTML = `${head}<div id="opd-body"><p class="loading">${esc(t('loading'))}</p></div>`;
  main.querySelector('#opd-sign-out').addEventListener('click', () => {
    portal.signOut();
    renderOpd(main, id);
  });
  main.querySelector('#opd-acting')?.addEventListener('change', (event) => {
    portal.actFor(event.target.value);
    if (id) location.hash = '#/opd';
    else renderOpd(main, id);
  });
  const body = main.querySelector('#opd-body');
  if (id === 'baru') proposalPage(body, context);
  else if (id) await innovationPage(body, context, id);
  else await listPage(body, context);
}

/** The OPDs a portal caller may act for (every OPD for `*`); none for a caller that is not a portal's. */
function allowedOpds(caller, opds) {
  if (!caller.roles.includes('portal')) return [];
  if (caller.opdCodes.includes('*')) return opds;
  return caller.opdCodes.map((code) => opds.find((o) => o.code === code) ?? { code, name: code });
}

function signInForm(main, failure) {
  main.innerHTML = `
    <section class="signin">
      <h1>${esc(t('opdSpace'))}</h1>
      <p>${esc(t('opdSignInText'))}</p>
      <form id="opd-signin-form" novalidate>
        <label for="opd-key">${esc(t('opdKey'))}</label>
        <p class="hint" id="opd-key-hint">${esc(t('opdKeyHint'))}</p>
        <input type="password" id="opd-key" autocomplete="off" required aria-describedby="opd-key-hint">
        ${failure ? `<p class="error" role="alert" id="opd-signin-error">${esc(failure)}</p>` : ''}
        <button type="submit" class="button primary" id="opd-sign-in">${esc(t('signIn'))}</button>
      </form>
      <div id="oidc"></div>
    </section>`;
  main.querySelector('#opd-key').focus();
  oidcSignIn(main.querySelector('#oidc'), '#/opd');
  main.querySelector('#opd-signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = main.querySelector('#opd-key').value.trim();
    if (!key) {
      signInForm(main, t('opdBadKey'));
      return;
    }
    portal.signIn(key);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

async function listPage(body, { label }) {
  const page = await call(`/api/v1/innovations?opdCode=${encodeURIComponent(portal.opd)}&sort=NEWEST&size=100`)
    .catch((e) => e);
  if (page instanceof Error) {
    body.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(page.message)}</p>`;
    return;
  }
  const asked = await reviewerMessages(page.items.filter((i) => i.status === 'REVISION_REQUESTED'));
  body.innerHTML = `
    <p class="actions"><a class="button primary" href="#/opd/baru" id="opd-new">${esc(t('opdNew'))}</a></p>
    <h2 id="opd-list-title">${esc(t('opdMine'))}</h2>
    ${page.items.length ? `<ul class="opd-list" aria-labelledby="opd-list-title" id="opd-list">${page.items.map((i) => `
      <li id="opd-item-${esc(i.id)}">
        <a href="#/opd/${esc(i.id)}"><strong>${esc(i.title)}</strong></a>
        <span class="chip status status-${esc(i.status)}">${esc(statusLabel(i.status))}</span>
        <span class="muted">${esc(t('version'))} ${esc(i.version)} · ${esc(t('opdChanged'))}
          ${esc(formatDate(i.updatedAt))} · ${esc(label.of('year', i.year))}</span>
        ${asked[i.id] ? `<p class="reviewer-message"><strong>${esc(t('opdAsked'))}</strong>
          ${esc(asked[i.id])}</p>` : ''}
      </li>`).join('')}</ul>` : `<p>${esc(t('opdNone'))}</p>`}`;
}

/** The reviewer's latest message to the OPD on each innovation sent back for revision. */
async function reviewerMessages(items) {
  const entries = await Promise.all(items.map(async (i) => {
    const history = await call(`/api/v1/innovations/${i.id}/history`).catch(() => []);
    return [i.id, lastMessage(history)];
  }));
  return Object.fromEntries(entries.filter(([, message]) => message));
}

function lastMessage(history) {
  return history.slice().reverse().find((h) => h.action === 'REQUEST_REVISION')?.message ?? null;
}

function proposalPage(body, context) {
  body.innerHTML = `<p><a href="#/opd" id="opd-back">${esc(t('opdBack'))}</a></p>
    <h2 id="form-title">${esc(t('opdNew'))}</h2><div id="proposal"></div>`;
  proposalForm(body.querySelector('#proposal'), context, {
    draftKey: `${DRAFT}new.${portal.opd}`,
    initial: { opdCode: portal.opd, year: new Date().getFullYear(), source: 'OPD' },
    send: (proposal, idempotencyKey) => call('/api/v1/submissions', { method: 'POST', body: proposal,
      idempotencyKey }),
  });
}

async function innovationPage(body, context, id) {
  let innovation;
  let history;
  let evidence;
  try {
    [innovation, history, evidence] = await Promise.all([call(`/api/v1/innovations/${id}`),
      call(`/api/v1/innovations/${id}/history`), call(`/api/v1/innovations/${id}/evidence`)]);
  } catch (e) {
    body.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
    return;
  }
  const message = innovation.status === 'REVISION_REQUESTED' ? lastMessage(history) : null;
  body.innerHTML = `
    <p><a href="#/opd" id="opd-back">${esc(t('opdBack'))}</a></p>
    <h2 id="innovation-title">${esc(innovation.title)}</h2>
    <p class="status-line"><span class="chip status" id="opd-status">${esc(statusLabel(innovation.status))}</span>
      ${esc(t('version'))} <span id="opd-version">${esc(innovation.version)}</span> · ${esc(t('opdChanged'))}
      ${esc(formatDate(innovation.updatedAt))}</p>
    ${message ? `<div class="reviewer-message" id="opd-reviewer-message"><strong>${esc(t('opdAsked'))}</strong>
      <p>${esc(message)}</p></div>` : ''}
    <div id="opd-outcome" role="status"></div>
    ${REVISABLE.includes(innovation.status) ? `<section aria-labelledby="revise-title">
      <h2 id="revise-title">${esc(t('opdRevise'))}</h2><div id="proposal"></div></section>` : ''}
    <section aria-labelledby="evidence-title" id="opd-evidence"></section>
    ${CLOSED.includes(innovation.status) ? '' : `<section aria-labelledby="withdraw-title" class="withdraw">
      <h2 id="withdraw-title">${esc(t('opdWithdraw'))}</h2>
      <form id="withdraw-form" novalidate>
        <label for="withdraw-reason">${esc(t('opdWithdrawReason'))}</label>
        <p class="hint" id="withdraw-hint">${esc(t('opdWithdrawHint'))}</p>
        <textarea id="withdraw-reason" rows="2" maxlength="1000" aria-describedby="withdraw-hint"></textarea>
        <button type="submit" class="button" id="withdraw-send">${esc(t('opdWithdraw'))}</button>
      </form></section>`}
    <section aria-labelledby="history-title">
      <h2 id="history-title">${esc(t('history'))}</h2>
      <ol class="history" id="opd-history">${history.slice().reverse().map((h) => `<li>
        <strong>${esc(t(h.action.split(' ')[0]))}${h.action.includes(' ') ? ` ${esc(h.action.split(' ')[1])}` : ''}
        </strong> · ${h.statusBefore ? `${esc(statusLabel(h.statusBefore))} → ` : ''}
        ${esc(statusLabel(h.statusAfter))}
        <span>${esc(new Date(h.at).toLocaleString(i18n.locale))} · ${esc(t('version'))} ${esc(h.version)}</span>
        ${h.message ? `<q>${esc(h.message)}</q>` : ''}${h.note ? `<q>${esc(h.note)}</q>` : ''}</li>`).join('')}
      </ol></section>`;
  const outcome = body.querySelector('#opd-outcome');
  if (REVISABLE.includes(innovation.status)) {
    proposalForm(body.querySelector('#proposal'), context, {
      draftKey: `${DRAFT}${id}.${innovation.version}`,
      initial: { ...innovation, initiatorNamePublic: false },
      send: (proposal, idempotencyKey) => call(`/api/v1/innovations/${id}`, { method: 'PUT', body: proposal,
        ifMatch: innovation.version, idempotencyKey }),
      revisedFrom: innovation.version,
      after: (status) => reopen(body, context, id, status, innovation.version),
    });
  }
  evidenceSection(body.querySelector('#opd-evidence'), id, evidence, !CLOSED.includes(innovation.status));
  body.querySelector('#withdraw-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = body.querySelector('#withdraw-reason').value.trim();
    const withdrawal = { opdCode: innovation.opdCode, reason: reason || null };
    sendOnce(`${DRAFT}withdraw.${id}`, withdrawal, outcome, body.querySelector('#withdraw-send'), (key) =>
      call(`/api/v1/innovations/${id}/withdrawal`, { method: 'POST', body: withdrawal, ifMatch: innovation.version,
        idempotencyKey: key }), { revisedFrom: innovation.version,
      after: (status) => reopen(body, context, id, status, innovation.version) });
  });
}

/** After an applied revision or withdrawal: the innovation as it is now, with what happened. */
async function reopen(body, context, id, status, revisedFrom) {
  if (status.status !== 'APPLIED') return;
  await innovationPage(body, context, id);
  body.querySelector('#opd-outcome').innerHTML = outcomeText(status, id, revisedFrom);
}

/**
 * The whole record of DOMAIN.md, grouped as the national index's form is (profile, design, goals, benefits,
 * results, dates, links), each field with its rule; kept as a draft in localStorage while it is being written.
 */
function proposalForm(host, { reference, opds }, { draftKey, initial, send, revisedFrom, after }) {
  const saved = JSON.parse(localStorage.getItem(draftKey) ?? 'null');
  const values = saved?.values ?? initial;
  const select = (name, required = true) => field(name, `<select id="f-${name}" name="${name}"
      ${required ? 'required' : ''}>${required ? '' : '<option value=""></option>'}${reference[name].map((c) =>
    `<option value="${esc(c.code)}" ${values[name] === c.code ? 'selected' : ''}>${esc(i18n.lang === 'en'
      ? humanise(c.code) : c.label)}</option>`).join('')}
      </select>`);
  const text = (name, rule, attrs = '', value = values[name]) => field(name, `<input id="f-${name}" name="${name}"
      ${attrs} value="${esc(value ?? '')}">`, rule);
  const area = (name, rows, rule) => field(name, `<textarea id="f-${name}" name="${name}" rows="${rows}"
      maxlength="${name === 'design' ? 20000 : 5000}">${esc(values[name] ?? '')}</textarea>`, rule);
  const links = values.links ?? {};
  host.innerHTML = `
    <form id="proposal-form" class="proposal" novalidate>
      ${saved ? `<p class="notice" id="draft-restored">${esc(t('opdDraftRestored', new Date(saved.at)
        .toLocaleString(i18n.locale)))} <button type="button" class="link" id="draft-discard">
        ${esc(t('opdDraftDiscard'))}</button></p>` : ''}
      <div class="error-summary" id="form-errors" role="alert" tabindex="-1" hidden></div>
      <fieldset><legend>${esc(t('opdProfile'))}</legend>
        ${text('title', t('opdRuleTitle'), 'required minlength="5" maxlength="200"')}
        ${field('opdCode', `<select id="f-opdCode" name="opdCode" required>${opds.map((o) => `<option
          value="${esc(o.code)}" ${values.opdCode === o.code ? 'selected' : ''}>${esc(o.name)}</option>`).join('')}
          </select>`)}
        ${select('source')}${select('initiatorType')}
        ${text('initiatorName', t('opdRuleInitiator'), 'maxlength="200" autocomplete="name"')}
        <div class="check"><input type="checkbox" id="f-initiatorNamePublic" name="initiatorNamePublic"
          ${values.initiatorNamePublic ? 'checked' : ''}><label for="f-initiatorNamePublic">
          ${esc(t('opdConsent'))}</label></div>
        ${select('field')}${select('governmentAffair')}
        ${field('secondaryAffairs', `<select id="f-secondaryAffairs" name="secondaryAffairs" multiple size="5">
          ${reference.governmentAffair.map((c) => `<option value="${esc(c.code)}"
          ${(values.secondaryAffairs ?? []).includes(c.code) ? 'selected' : ''}>${esc(c.label)}</option>`).join('')}
          </select>`, t('opdRuleSecondary'))}
        ${select('form')}${select('kind')}${select('stage')}${select('programme')}
        ${text('year', t('opdRuleYear', new Date().getFullYear() + 1), `type="number" required min="2015"
          max="${new Date().getFullYear() + 1}" inputmode="numeric"`)}
      </fieldset>
      <fieldset><legend>${esc(t('opdDesign'))}</legend>
        ${area('design', 10, t('opdRuleDesign', DESIGN_WORDS))}
        <p class="word-count" id="design-words" aria-live="polite"></p>
      </fieldset>
      <fieldset><legend>${esc(t('opdGoalsBenefitsResults'))}</legend>
        ${area('goals', 3, t('opdRuleText'))}${area('benefits', 3, t('opdRuleText'))}
        ${area('results', 3, t('opdRuleText'))}
      </fieldset>
      <fieldset><legend>${esc(t('opdDates'))}</legend>
        ${text('trialDate', null, 'type="date"')}
        ${text('implementationDate', t('opdRuleImplementation'), 'type="date"')}
      </fieldset>
      <fieldset><legend>${esc(t('links'))}</legend>
        ${text('links-videoUrl', t('opdRuleVideo'), 'type="url" inputmode="url"', links.videoUrl)}
        ${text('links-appUrl', t('opdRuleUrl'), 'type="url" inputmode="url"', links.appUrl)}
        ${field('links-documents', `<textarea id="f-links-documents" name="links-documents" rows="3">${esc(
          (links.documents ?? []).join('\n'))}</textarea>`, t('opdRuleDocuments'))}
      </fieldset>
      <div class="actions"><button type="submit" class="button primary" id="proposal-send">
        ${esc(t(revisedFrom ? 'opdSendRevision' : 'opdSend'))}</button></div>
      <div id="proposal-outcome" role="status"></div>
    </form>`;
  const form = host.querySelector('#proposal-form');
  const design = form.querySelector('#f-design');
  const words = form.querySelector('#design-words');
  const count = () => {
    const n = design.value.trim() ? design.value.trim().split(/\s+/).length : 0;
    words.textContent = t('opdWords', n, DESIGN_WORDS);
    words.classList.toggle('short', n < DESIGN_WORDS);
  };
  count();
  design.addEventListener('input', count);
  form.addEventListener('input', () => {
    localStorage.setItem(draftKey, JSON.stringify({ at: Date.now(), values: read(form),
      pending: JSON.parse(localStorage.getItem(draftKey) ?? '{}').pending }));
  });
  form.querySelector('#draft-discard')?.addEventListener('click', () => {
    localStorage.removeItem(draftKey);
    proposalForm(host, { reference, opds }, { draftKey, initial, send, revisedFrom, after });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const proposal = read(form);
    localStorage.setItem(draftKey, JSON.stringify({ at: Date.now(), values: proposal,
      pending: JSON.parse(localStorage.getItem(draftKey) ?? '{}').pending }));
    sendOnce(draftKey, proposal, form.querySelector('#proposal-outcome'), form.querySelector('#proposal-send'),
      (key) => send(proposal, key), { form, revisedFrom, after });
  });
}

/** One labelled field with its rule before it (aria-describedby) and a place for the API's error beside it. */
function field(name, control, rule) {
  const described = [rule ? `hint-${name}` : null, `err-${name}`].filter(Boolean).join(' ');
  return `<div class="form-field" id="field-${name}">
    <label for="f-${name}">${esc(t(`opdF_${name}`))}</label>
    ${rule ? `<p class="hint" id="hint-${name}">${esc(rule)}</p>` : ''}
    ${control.replace(/^<(\w+) /, `<$1 aria-describedby="${described}" `)}
    <p class="field-error" id="err-${name}" hidden></p></div>`;
}

/** The form as the API's record: empty texts are absent, the year a number, documents one per line. */
function read(form) {
  const value = (name) => form.querySelector(`[name="${name}"]`).value.trim() || null;
  const proposal = { title: value('title'), opdCode: value('opdCode') };
  ENUMS.forEach((name) => { proposal[name] = value(name); });
  proposal.initiatorName = value('initiatorName');
  proposal.initiatorNamePublic = form.querySelector('#f-initiatorNamePublic').checked;
  proposal.secondaryAffairs = [...form.querySelector('#f-secondaryAffairs').selectedOptions].map((o) => o.value);
  const year = value('year');
  proposal.year = year !== null && /^\d+$/.test(year) ? Number(year) : null;
  ['trialDate', 'implementationDate', 'design', 'goals', 'benefits', 'results']
    .forEach((name) => { proposal[name] = value(name); });
  proposal.links = { videoUrl: value('links-videoUrl'), appUrl: value('links-appUrl'),
    documents: (value('links-documents') ?? '').split('\n').map((l) => l.trim()).filter(Boolean) };
  return proposal;
}

/**
 * Sends a write through intake at most once: the Idempotency-Key is kept with the draft until an answer arrives, so a
 * retry after a lost answer (or a second click) reuses it and intake answers the first result again; a changed body
 * gets a new key. After the 202 it follows the submission until the catalogue applied or rejected it.
 */
async function sendOnce(draftKey, body, outcome, button, request, { form, revisedFrom, after } = {}) {
  if (button.disabled) return;
  const stored = JSON.parse(localStorage.getItem(draftKey) ?? '{}');
  const json = JSON.stringify(body);
  const key = stored.pending?.body === json ? stored.pending.key : crypto.randomUUID();
  localStorage.setItem(draftKey, JSON.stringify({ ...stored, pending: { key, body: json } }));
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  outcome.className = '';
  outcome.innerHTML = `<p class="loading">${esc(t('opdSending'))}</p>`;
  if (form) showErrors(form, []);
  try {
    const accepted = await request(key);
    localStorage.removeItem(draftKey);
    outcome.innerHTML = `<p id="opd-received">${esc(t('opdReceived'))}</p>${accepted.warnings?.length
      ? `<div class="warnings" id="opd-warnings"><strong>${esc(t('opdWarnings'))}</strong><ul>${accepted.warnings
        .map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''}`;
    const status = await follow(accepted.submissionId);
    outcome.insertAdjacentHTML('beforeend', outcomeText(status, accepted.innovationId, revisedFrom));
    if (after) await after(status);
  } catch (e) {
    outcome.className = 'error';
    if (!(e instanceof ApiError)) {
      outcome.innerHTML = `<p role="alert" id="opd-lost">${esc(t('opdLost'))}</p>`;
    } else if (e.status === 400 && form && e.problem.errors) {
      outcome.innerHTML = '';
      showErrors(form, e.problem.errors);
    } else {
      outcome.innerHTML = `<p role="alert">${esc(problemText(e, revisedFrom))}</p>`;
    }
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Polls the submission's status until the catalogue decided, at most POLL_DEADLINE_MS. */
async function follow(submissionId) {
  const deadline = Date.now() + POLL_DEADLINE_MS;
  for (;;) {
    const status = await call(`/api/v1/submissions/${submissionId}`);
    if (status.status !== 'RECEIVED' || Date.now() > deadline) return status;
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
  }
}

function outcomeText(status, innovationId, revisedFrom) {
  if (status.status === 'APPLIED') {
    return `<p class="applied" id="opd-applied">${esc(t('opdApplied', status.version))}
      <a href="#/opd/${esc(innovationId)}" id="opd-open">${esc(t('opdOpen'))}</a></p>`;
  }
  if (status.status === 'RECEIVED') return `<p id="opd-pending">${esc(t('opdStillReceived'))}</p>`;
  return `<div class="error" id="opd-rejected" role="alert"><strong>${esc(t('opdRejected'))}</strong>
    <ul>${status.reasons.map((r) => `<li>${esc(reasonText(r, revisedFrom))}</li>`).join('')}</ul></div>`;
}

/** A catalogue rejection ("CODE: detail") in words. */
function reasonText(reason, revisedFrom) {
  const [code] = reason.split(':');
  if (code === 'CONFLICT') {
    const current = reason.match(/current version is (\d+)/)?.[1] ?? '?';
    return t('opdStale', revisedFrom ?? '?', current);
  }
  return ['DUPLICATE_TITLE', 'FORBIDDEN', 'INVALID_STATE'].includes(code) ? t(`opdReason_${code}`) : reason;
}

/** An intake refusal other than field errors, in words. */
function problemText(error, revisedFrom) {
  if (error.status === 401 || error.status === 403) return t('opdForbidden');
  if (error.status === 412 || error.status === 409) {
    return t('opdStale', revisedFrom ?? '?', error.problem.version ?? '?');
  }
  if (error.status === 422) return t('opdKeyReused');
  if (error.status === 503 || error.status === 429) return t('opdLater');
  return `${t('error')}: ${error.message}`;
}

/** Places each problem `errors` entry beside its field; what has no field goes to the summary. */
function showErrors(form, errors) {
  form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const summary = form.querySelector('#form-errors');
  const loose = [];
  errors.forEach((error) => {
    const { pointer } = error;
    const detail = fieldErrorText(error);
    const name = pointer.replace(/^\//, '').replace(/\/\d+$/, '').replaceAll('/', '-');
    const place = form.querySelector(`#err-${CSS.escape(name)}`);
    if (!place) {
      loose.push(`${pointer}: ${detail}`);
      return;
    }
    place.hidden = false;
    place.textContent = place.textContent ? `${place.textContent}; ${detail}` : detail;
    form.querySelector(`#f-${CSS.escape(name)}`)?.setAttribute('aria-invalid', 'true');
  });
  summary.hidden = errors.length === 0;
  summary.innerHTML = errors.length ? `<p>${esc(t('opdFix', errors.length))}</p>${loose.length
    ? `<ul>${loose.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}` : '';
  if (errors.length) summary.focus();
}

/** The indicators of the period with weights, the OPD's evidence, its verification and the claimed score. */
function evidenceSection(host, id, evidence, open) {
  host.innerHTML = `
    <h2 id="evidence-title">${esc(t('evidence'))} ${esc(evidence.period)}</h2>
    <p id="opd-scores" aria-live="polite">${esc(t('scores', evidence.scores?.claimed ?? 0,
      evidence.scores?.verified ?? 0))}</p>
    <p class="hint">${esc(t('opdFileRule'))}</p>
    <ul class="indicators">${evidence.indicators.map(({ indicator, evidence: given, score }) => `
      <li id="opd-indicator-${esc(indicator.code)}"><h3>${esc(indicator.code)}. ${esc(indicator.name)}
        ${indicator.mandatory ? `<span class="chip">${esc(t('opdMandatory'))}</span>` : ''}</h3>
        <p class="muted">${esc(t('weight'))} ${esc(indicator.weight)} · ${esc(t('opdScore'))} ${esc(score ?? 0)}
          ${given ? `· <span class="chip state-${esc(given.state)}" id="opd-state-${esc(indicator.code)}">
          ${esc(t(given.state))}</span>` : ''}</p>
        ${given?.reviewerNote ? `<p class="reviewer-message">${esc(t('opdReviewerNote'))}:
          ${esc(given.reviewerNote)}</p>` : ''}
        ${given?.files?.length ? `<ul class="files" id="opd-files-${esc(indicator.code)}">${given.files
          .map((f) => fileItem(indicator.code, f, open)).join('')}</ul>` : ''}
        ${open ? indicatorForm(indicator, given) : ''}
      </li>`).join('')}</ul>`;
  host.querySelectorAll('[data-file]').forEach((button) => {
    const { indicator, file, name } = button.dataset;
    const path = `/api/v1/innovations/${id}/evidence/${indicator}/files/${encodeURIComponent(file)}`;
    const status = host.querySelector(`#evidence-status-${indicator}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        if (button.dataset.action === 'download') await download(path, name, '*/*', portal.key);
        else {
          await call(path, { method: 'DELETE' });
          await refreshEvidence(host, id, open);
          host.querySelector(`#evidence-status-${indicator}`).textContent = t('opdFileRemoved', name);
          return;
        }
      } catch (e) {
        if (status) {
          status.className = 'error';
          status.textContent = e instanceof ApiError ? problemText(e) : e.message;
        }
      }
      button.disabled = false;
    });
  });
  host.querySelectorAll('form[data-indicator]').forEach((form) => {
    const code = form.dataset.indicator;
    const status = form.querySelector('[role="status"]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const parameter = Number(form.querySelector(`#param-${code}`).value);
      const links = form.querySelector(`#links-${code}`).value.split('\n').map((l) => l.trim()).filter(Boolean);
      try {
        await call(`/api/v1/innovations/${id}/evidence/${code}`, { method: 'PUT', body: { parameter, links } });
        await refreshEvidence(host, id, open);
      } catch (e) {
        status.className = 'error';
        status.textContent = e instanceof ApiError && e.problem.errors
          ? e.problem.errors.map(fieldErrorText).join('; ') : problemText(e);
      }
    });
    form.querySelector(`#file-${code}`).addEventListener('change', async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      const refusal = fileRefusal(file);
      status.className = refusal ? 'error' : '';
      if (refusal) {
        status.textContent = refusal;
        event.target.value = '';
        return;
      }
      const progress = form.querySelector(`#progress-${code}`);
      progress.hidden = false;
      try {
        await upload(`/api/v1/innovations/${id}/evidence/${code}/files`, file, (done) => { progress.value = done; });
        await refreshEvidence(host, id, open);
      } catch (e) {
        status.className = 'error';
        status.textContent = e.message;
        progress.hidden = true;
      }
    });
  });
}

/** One evidence file: its name, size, a download and (while evidence may change) a remove button. */
function fileItem(code, file, open) {
  const data = `data-indicator="${esc(code)}" data-file="${esc(file.id)}" data-name="${esc(file.name)}"`;
  return `<li><span>${esc(file.name)}</span> <span class="muted">${esc((file.size / 1024).toFixed(0))} KiB</span>
    <button type="button" class="link" data-action="download" ${data} id="download-${esc(file.id)}"
      aria-label="${esc(t('opdFileDownload', file.name))}">${esc(t('download'))}</button>
    ${open ? `<button type="button" class="link" data-action="remove" ${data} id="remove-${esc(file.id)}"
      aria-label="${esc(t('opdFileRemove', file.name))}">${esc(t('opdRemove'))}</button>` : ''}</li>`;
}

function indicatorForm(indicator, given) {
  const code = esc(indicator.code);
  return `<form data-indicator="${code}" class="indicator-form" novalidate>
    <label for="param-${code}">${esc(t('parameter'))}</label>
    <select id="param-${code}">${[1, 2, 3].map((p) => `<option value="${p}" ${given?.parameter === p
      ? 'selected' : ''}>${p} (${esc(t('opdScore'))} ${p * indicator.weight})</option>`).join('')}</select>
    <label for="links-${code}">${esc(t('opdEvidenceLinks'))}</label>
    <textarea id="links-${code}" rows="2">${esc((given?.links ?? []).join('\n'))}</textarea>
    <button type="submit" class="button small" id="save-${code}">${esc(t('opdSaveEvidence'))}</button>
    <label for="file-${code}">${esc(t('opdUpload'))}</label>
    <input type="file" id="file-${code}" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
    <progress id="progress-${code}" max="1" value="0" hidden aria-label="${esc(t('opdUploading'))}"></progress>
    <p role="status" id="evidence-status-${code}"></p></form>`;
}

async function refreshEvidence(host, id, open) {
  evidenceSection(host, id, await call(`/api/v1/innovations/${id}/evidence`), open);
}

/** Why a file is refused before sending: the type (PDF, JPEG, PNG) or the size (at most 10 MiB); null if it may go. */
function fileRefusal(file) {
  if (!FILE_TYPES.includes(file.type)) return t('opdFileType', file.name);
  if (file.size > MAX_FILE) return t('opdFileSize', file.name, (file.size / 1048576).toFixed(1));
  return null;
}

/** Uploads one file as multipart `file`, reporting progress (fetch cannot report an upload's progress). */
function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    Object.entries({ ...credentials(portal.key), Accept: 'application/json' })
      .forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    request.addEventListener('load', () => {
      if (request.status < 300) {
        resolve();
        return;
      }
      const problem = JSON.parse(request.responseText || '{}');
      reject(new ApiError(request.status, problem.detail, problem));
    });
    request.addEventListener('error', () => reject(new Error(t('opdLost'))));
    const data = new FormData();
    data.append('file', file);
    request.send(data);
  });
}
