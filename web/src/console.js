// Konsol Peninjau: sign in with a reviewer API key (kept in sessionStorage), the queue (counts per status, search,
// filters, paging; each item's waiting time and evidence completeness), one innovation (its content, its evidence with
// the reviewer's notes beside each indicator, the decisions with a checklist before Verifikasi and a confirmation
// before Arsipkan) and its history in words.
import { api, download, esc, labels, session } from './api.js';
import { oidcSignIn } from './auth.js';
import { innovationBody } from './catalog.js';
import { formatDate, i18n, statusLabel, t } from './i18n.js';

const QUEUES = ['SUBMITTED', 'REVISION_REQUESTED', 'VERIFIED', 'PUBLISHED', 'ARCHIVED', 'WITHDRAWN'];
const DECISIONS = { SUBMITTED: ['VERIFY', 'REQUEST_REVISION'], VERIFIED: ['PUBLISH'], PUBLISHED: ['ARCHIVE'] };
/** Decisions a reviewer confirms first: Verifikasi after a checklist, Arsipkan after a question. */
const CONFIRMED = ['VERIFY', 'ARCHIVE'];
const PAGE_SIZE = 20;
const WAITING_DAYS = [3, 7, 14, 30];
/** Words the IID asks of the design text (the API's designWords is compared with it). */
const DESIGN_WORDS = 300;
const filters = { status: 'SUBMITTED', q: '', opdCode: '', field: '', waitingMoreThanDays: '', page: 0 };
let choices;
let queueRequests = 0;

export async function renderConsole(main, id) {
  if (!session.signedIn) {
    signInForm(main);
    return;
  }
  main.innerHTML = `
    <section class="console-head">
      <h1>${esc(t('console'))}</h1>
      <p>${esc(t('signedIn'))} · <button type="button" class="link" id="sign-out">${esc(t('signOut'))}</button></p>
    </section>
    <div class="console-layout${id ? ' has-item' : ''}">
      <aside class="queue" aria-labelledby="queue-title">
        <h2 id="queue-title">${esc(t('queue'))}</h2>
        <div class="status-tabs" id="status-tabs" role="group" aria-label="${esc(t('status'))}"></div>
        <form id="queue-filters" role="search" class="queue-filters"><p class="loading">${esc(t('loading'))}</p></form>
        <p id="queue-total" class="queue-total" role="status"></p>
        <div id="queue-list"><p class="loading">${esc(t('loading'))}</p></div>
        <nav class="pager" id="queue-pager" aria-label="${esc(t('queue'))}"></nav>
      </aside>
      <section class="review" id="review" aria-live="polite">
        ${id ? `<p class="loading">${esc(t('loading'))}</p>` : `<p class="notice">${esc(t('choose'))}</p>`}
      </section>
    </div>
    <details class="spd" id="spd"><summary>${esc(t('spdTitle'))}</summary><div id="spd-body"></div></details>`;
  spdSection(main.querySelector('#spd'));
  main.querySelector('#sign-out').addEventListener('click', () => {
    session.signOut();
    renderConsole(main, id);
  });
  const label = await labels();
  await Promise.all([showFilters(main, id, label), showQueue(main, id, label),
    id ? showReview(main, id, label) : null]);
}

function signInForm(main, failed = false) {
  main.innerHTML = `
    <section class="signin">
      <h1>${esc(t('console'))}</h1>
      <p>${esc(t('signInText'))}</p>
      <form id="signin-form">
        <label for="api-key">${esc(t('apiKey'))}</label>
        <input type="password" id="api-key" autocomplete="off" required>
        ${failed ? `<p class="error" role="alert" id="signin-error">${esc(t('badKey'))}</p>` : ''}
        <button type="submit" class="button primary" id="sign-in">${esc(t('signIn'))}</button>
      </form>
      <div id="oidc"></div>
    </section>`;
  main.querySelector('#api-key').focus();
  oidcSignIn(main.querySelector('#oidc'), location.hash);
  main.querySelector('#signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = main.querySelector('#api-key').value.trim();
    const caller = await api('/api/v1/session', { key }).catch(() => null);
    if (caller?.roles.includes('reviewer')) {
      session.signIn(key);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      signInForm(main, true);
    }
  });
}

/** The OPDs and fields to filter by, read once. */
function filterChoices() {
  choices ??= Promise.all([api('/api/v1/opds'), api('/api/v1/reference')])
    .then(([opds, reference]) => ({ opds, fields: reference.field ?? [] }));
  return choices.catch((e) => { choices = undefined; throw e; });
}

async function showFilters(main, current, label) {
  const form = main.querySelector('#queue-filters');
  let known;
  try {
    known = await filterChoices();
  } catch (e) {
    form.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
    return;
  }
  const option = (value, text, chosen) => `<option value="${esc(value)}" ${String(chosen) === String(value)
    ? 'selected' : ''}>${esc(text)}</option>`;
  form.innerHTML = `
    <label for="queue-q">${esc(t('konSearch'))}</label>
    <div class="search-row"><input type="search" id="queue-q" value="${esc(filters.q)}" maxlength="200"
      placeholder="${esc(t('konSearchHint'))}">
      <button type="submit" class="button" id="queue-search">${esc(t('searchButton'))}</button></div>
    <label for="queue-opd">${esc(t('opdCode'))}</label>
    <select id="queue-opd">${option('', t('all'), filters.opdCode)}${known.opds.map((o) =>
      option(o.code, `${o.name} (${o.code})`, filters.opdCode)).join('')}</select>
    <label for="queue-field">${esc(t('field'))}</label>
    <select id="queue-field">${option('', t('all'), filters.field)}${known.fields.map((f) =>
      option(f.code, label.of('field', f.code), filters.field)).join('')}</select>
    <label for="queue-waiting">${esc(t('konWaiting'))}</label>
    <select id="queue-waiting">${option('', t('konWaitingAny'), filters.waitingMoreThanDays)}${WAITING_DAYS.map((d) =>
      option(d, t('konWaitingMore', d), filters.waitingMoreThanDays)).join('')}</select>`;
  const apply = () => {
    Object.assign(filters, { q: form.querySelector('#queue-q').value.trim(),
      opdCode: form.querySelector('#queue-opd').value, field: form.querySelector('#queue-field').value,
      waitingMoreThanDays: form.querySelector('#queue-waiting').value, page: 0 });
    showQueue(main, current, label);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.querySelectorAll('select').forEach((select) => select.addEventListener('change', apply));
}

function queuePath() {
  const query = new URLSearchParams({ status: filters.status, page: filters.page, size: PAGE_SIZE });
  ['q', 'opdCode', 'field', 'waitingMoreThanDays'].filter((k) => filters[k]).forEach((k) => query.set(k, filters[k]));
  return `/api/v1/review/queue?${query}`;
}

async function showQueue(main, current, label) {
  const list = main.querySelector('#queue-list');
  const names = label ?? await labels();
  const request = ++queueRequests;
  const page = await api(queuePath()).catch((e) => e);
  if (request !== queueRequests) return;
  if (page instanceof Error) {
    list.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(page.message)}</p>`;
    return;
  }
  const counts = page.facets?.status ?? {};
  const tabs = main.querySelector('#status-tabs');
  tabs.innerHTML = QUEUES.map((s) => `<button type="button" class="status-tab status-${s}" data-status="${s}"
    id="queue-status-${s}" aria-pressed="${s === filters.status}">${esc(statusLabel(s))}
    <span class="count" id="count-${s}">${esc((counts[s] ?? 0).toLocaleString(i18n.locale))}</span></button>`).join('');
  tabs.querySelectorAll('[data-status]').forEach((button) => button.addEventListener('click', () => {
    Object.assign(filters, { status: button.dataset.status, page: 0 });
    showQueue(main, current, names);
  }));
  main.querySelector('#queue-total').textContent = t('konTotal', page.total.toLocaleString(i18n.locale),
    statusLabel(filters.status));
  list.innerHTML = page.items.length ? `<ul class="queue-items">${page.items.map((i) => `<li>
      <a href="#/konsol/${esc(i.id)}" ${i.id === current ? 'aria-current="true"' : ''}>
        <strong>${esc(i.title)}</strong>
        <span>${esc(names.of('opdCode', i.opdCode))} · ${esc(names.of('field', i.field))} ·
          ${esc(t('submitted'))} ${esc(formatDate(i.submittedAt))}</span>
        <span class="waits" data-days="${esc(i.waiting.days)}">${esc(t('konWaits', i.waiting.days))}</span>
        ${completeness(i)}</a></li>`).join('')}</ul>` : `<p>${esc(t('queueEmpty'))}</p>`;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const pager = main.querySelector('#queue-pager');
  pager.innerHTML = pages > 1 ? `
    <button type="button" class="button small" id="queue-prev" ${filters.page === 0 ? 'disabled' : ''}>
      ${esc(t('prev'))}</button>
    <span id="queue-page">${esc(t('pageOf', filters.page + 1, pages))}</span>
    <button type="button" class="button small" id="queue-next" ${filters.page + 1 >= pages ? 'disabled' : ''}>
      ${esc(t('next'))}</button>` : '';
  pager.querySelectorAll('button').forEach((button) => button.addEventListener('click', () => {
    filters.page += button.id === 'queue-next' ? 1 : -1;
    showQueue(main, current, names);
  }));
}

/** Evidence completeness and intake warnings of a queue item, in words. */
function completeness(item) {
  const { evidence } = item;
  const missing = evidence.mandatoryMissing;
  return `<span class="completeness ${missing.length ? 'incomplete' : 'complete'}">
      ${esc(t('konEvidence', evidence.evidenced, evidence.indicators))} ·
      ${esc(missing.length ? t('konMandatoryMissing', missing.join(', ')) : t('konMandatoryDone'))}</span>
    ${item.warnings.length ? `<span class="intake-warnings">${esc(t('konWarnings', item.warnings.length))}</span>`
    : ''}`;
}

/** An intake warning in the reader's language (the API words them in English). */
function warning(text) {
  const short = /^design has (\d+) word/.exec(text);
  if (short) return t('konWarnDesign', Number(short[1]), DESIGN_WORDS);
  return /^no video link/.test(text) ? t('konWarnVideo') : text;
}

async function showReview(main, id, label) {
  const review = main.querySelector('#review');
  let innovation;
  let evidence;
  let history;
  let item;
  try {
    [innovation, evidence, history, item] = await Promise.all([api(`/api/v1/innovations/${id}`),
      api(`/api/v1/innovations/${id}/evidence`), api(`/api/v1/innovations/${id}/history`),
      api(`/api/v1/review/queue/${id}`)]);
  } catch (e) {
    review.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
    return;
  }
  const decisions = DECISIONS[innovation.status] ?? [];
  const names = Object.fromEntries(evidence.indicators.map((row) => [row.indicator.code, row.indicator.name]));
  review.innerHTML = `
    <p class="back-to-queue"><a href="#/konsol">${esc(t('konBackToQueue'))}</a></p>
    <p class="status-line"><span class="chip status status-${esc(innovation.status)}" id="review-status">
      ${esc(statusLabel(innovation.status))}</span> ${esc(t('version'))} ${esc(innovation.version)} ·
      <span id="review-waits">${esc(t('konWaits', item.waiting.days))}</span></p>
    ${innovationBody(innovation, label, { back: false })}
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">${esc(t('evidence'))} ${esc(evidence.period)}</h2>
      <p>${esc(t('scores', evidence.scores?.claimed ?? 0, evidence.scores?.verified ?? 0))}</p>
      <p id="review-completeness">${completeness(item)}</p>
      <table class="evidence stack">
        <thead><tr><th scope="col">${esc(t('indicator'))}</th><th scope="col">${esc(t('weight'))}</th>
          <th scope="col">${esc(t('parameter'))}</th><th scope="col">${esc(t('given'))}</th>
          <th scope="col">${esc(t('state'))}</th><th scope="col">${esc(t('actions'))}</th></tr></thead>
        <tbody>${evidence.indicators.map((row) => evidenceRow(id, row)).join('')}</tbody>
      </table>
    </section>
    <section class="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">${esc(t('decide'))}</h2>
      <label for="review-to-opd">${esc(t('messageToOpd'))}</label>
      <textarea id="review-to-opd" rows="2" maxlength="2000"></textarea>
      <label for="review-note">${esc(t('note'))}</label>
      <textarea id="review-note" rows="2" maxlength="2000"></textarea>
      <div class="actions">${decisions.map((d) => `<button type="button" class="button ${d === 'REQUEST_REVISION'
        ? '' : 'primary'}" data-decision="${d}" id="decide-${d}">${esc(t(d))}</button>`).join('')}</div>
      <div id="confirm"></div>
      <p id="review-message" role="status"></p>
    </section>
    <section aria-labelledby="history-title">
      <h2 id="history-title">${esc(t('history'))}</h2>
      <ol class="history" id="history">${history.slice().reverse().map((h) => historyEntry(h, names)).join('')}</ol>
    </section>`;
  const message = review.querySelector('#review-message');
  const act = async (call) => {
    try {
      const changed = await call();
      if (QUEUES.includes(changed?.status)) filters.status = changed.status;
      await Promise.all([showReview(main, id, label), showQueue(main, id, label)]);
      main.querySelector('#review-message').textContent = t('done');
    } catch (e) {
      message.textContent = `${t('error')}: ${e.message}`;
      message.className = 'error';
    }
  };
  const decide = (decision) => act(() => api(`/api/v1/innovations/${id}/review`, { method: 'POST',
    ifMatch: innovation.version, body: { decision, message: review.querySelector('#review-to-opd').value || null,
      note: review.querySelector('#review-note').value || null } }));
  review.querySelectorAll('[data-decision]').forEach((button) => button.addEventListener('click', () => {
    const decision = button.dataset.decision;
    if (CONFIRMED.includes(decision)) confirmation(review, decision, item, () => decide(decision));
    else decide(decision);
  }));
  review.querySelectorAll('[data-verify]').forEach((button) => button.addEventListener('click', () => act(() =>
    api(`/api/v1/innovations/${id}/evidence/${button.dataset.indicator}/verification`, { method: 'POST',
      body: { state: button.dataset.verify,
        note: review.querySelector(`#evidence-note-${button.dataset.indicator}`)?.value.trim() || null } }))));
  review.querySelectorAll('[data-file]').forEach((button) => button.addEventListener('click', () =>
    download(button.dataset.file, button.textContent.trim())));
}

/**
 * Before Verifikasi, the checklist (mandatory indicators evidenced, the design's length, the intake's warnings) with
 * what is not met; before Arsipkan, the question. Either goes ahead only when confirmed.
 */
function confirmation(review, decision, item, proceed) {
  const box = review.querySelector('#confirm');
  let body;
  if (decision === 'VERIFY') {
    const missing = item.evidence.mandatoryMissing;
    const evidenced = item.evidence.mandatory.filter((code) => !missing.includes(code));
    const checks = [
      { id: 'check-mandatory', ok: !missing.length, text: missing.length
        ? t('konCheckMandatoryMissing', missing.join(', '), evidenced.join(', ') || '–')
        : t('konCheckMandatoryDone', evidenced.join(', ')) },
      { id: 'check-design', ok: item.designWords >= DESIGN_WORDS, text: t('konCheckDesign', item.designWords,
        DESIGN_WORDS) },
      { id: 'check-warnings', ok: !item.warnings.length, text: item.warnings.length
        ? `${t('konCheckWarnings')} ${item.warnings.map(warning).join(' ')}` : t('konCheckWarningsNone') },
    ];
    const unmet = checks.filter((c) => !c.ok).length;
    body = `<h3 id="confirm-title">${esc(t('konChecklist'))}</h3>
      <ul class="checks">${checks.map((c) => `<li id="${c.id}" class="${c.ok ? 'ok' : 'unmet'}">
        <span class="mark" aria-hidden="true">${c.ok ? '✓' : '!'}</span>
        <span class="visually-hidden">${esc(t(c.ok ? 'konMet' : 'konUnmet'))}:</span> ${esc(c.text)}</li>`).join('')}
      </ul>
      <p class="${unmet ? 'warn' : ''}" id="confirm-question">${esc(unmet ? t('konCheckProblems', unmet)
        : t('konCheckAllGood'))}</p>`;
  } else {
    body = `<h3 id="confirm-title">${esc(t('ARCHIVE'))}</h3>
      <p class="warn" id="confirm-question">${esc(t('konArchiveQuestion'))}</p>`;
  }
  box.innerHTML = `<div class="confirm-box" role="group" aria-labelledby="confirm-title">${body}
    <div class="actions"><button type="button" class="button primary" id="confirm-${decision}">
      ${esc(t(decision === 'VERIFY' ? 'konConfirmVerify' : 'konConfirmArchive'))}</button>
    <button type="button" class="button" id="confirm-cancel">${esc(t('konCancel'))}</button></div></div>`;
  box.querySelector(`#confirm-${decision}`).addEventListener('click', () => {
    box.innerHTML = '';
    proceed();
  });
  box.querySelector('#confirm-cancel').addEventListener('click', () => {
    box.innerHTML = '';
    review.querySelector(`#decide-${decision}`)?.focus();
  });
  box.querySelector(`#confirm-${decision}`).focus();
}

/** A history entry that says what changed: the status step, or which indicator's evidence changed and how. */
function historyEntry(h, indicatorNames) {
  const [kind, code] = h.action.split(' ');
  const title = code ? `${t(kind)} ${code}${indicatorNames[code] ? ` (${indicatorNames[code]})` : ''}` : t(kind);
  const step = !h.statusBefore ? statusLabel(h.statusAfter)
    : h.statusBefore !== h.statusAfter ? `${statusLabel(h.statusBefore)} → ${statusLabel(h.statusAfter)}` : '';
  const changes = kind === 'CREATE' || !h.changes.length ? []
    : code ? h.changes.filter((c) => (c.from ?? '[]') !== '[]' || c.to !== '[]').map(evidenceChange)
      : [`${t('konChanged')}: ${h.changes.map((c) => fieldName(c.field)).join(', ')}`];
  return `<li><strong>${esc(title)}</strong>${step ? ` · ${esc(step)}` : ''}
    ${changes.length ? `<ul class="changes">${changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>` : ''}
    <span>${esc(new Date(h.at).toLocaleString(i18n.locale))} · ${esc(t('by'))} ${esc(h.by)} · ${esc(t('version'))}
      ${esc(h.version)}</span>${h.message ? `<q>${esc(h.message)}</q>` : ''}${h.note
      ? `<q class="internal">${esc(h.note)}</q>` : ''}</li>`;
}

/** A record field by its label in the proposal form. */
function fieldName(field) {
  const key = `opdF_${field}`;
  return (t(key) === key ? field : t(key)).replace(/ \*$/, '');
}

/** One change of an indicator's evidence with its values, e.g. "Status bukti: Menunggu → Diterima". */
function evidenceChange({ field, from, to }) {
  const part = field.split('.').pop();
  const value = (v) => (v === null || v === undefined ? '–' : part === 'state' ? t(v) : v);
  const name = { parameter: t('parameter'), links: t('konLinks'), files: t('konFiles'), state: t('state') }[part]
    ?? part;
  return `${name}: ${value(from)} → ${value(to)}`;
}

function evidenceRow(id, { indicator, evidence, score }) {
  const code = esc(indicator.code);
  const given = evidence ? [
    ...evidence.links.map((l) => `<a href="${esc(/^https?:/i.test(l) ? l : '#')}" rel="noopener noreferrer"
      target="_blank">${esc(l.replace(/^https?:\/\//, ''))}</a>`),
    ...evidence.files.map((f) => `<button type="button" class="link"
      data-file="/api/v1/innovations/${esc(id)}/evidence/${code}/files/${esc(f.id)}">
      ${esc(f.name)}</button>`),
  ].join('<br>') || `<span class="muted">${esc(t('konNoLinkOrFile'))}</span>`
    : `<span class="muted">${esc(t('noEvidence'))}</span>`;
  const actions = evidence ? `<label class="visually-hidden" for="evidence-note-${code}">${esc(t('konNoteFor', code))}
      </label><input type="text" id="evidence-note-${code}" maxlength="2000" placeholder="${esc(t('konNoteHint'))}">
    ${['ACCEPTED', 'REJECTED'].filter((s) => s !== evidence.state).map((s) =>
    `<button type="button" class="button small ${s === 'ACCEPTED' ? 'primary' : ''}" data-verify="${s}"
      data-indicator="${code}" id="evidence-${code}-${s}"
      aria-label="${esc(t(s === 'ACCEPTED' ? 'accept' : 'reject'))} ${code}">
      ${esc(t(s === 'ACCEPTED' ? 'accept' : 'reject'))}</button>`).join(' ')}` : '';
  return `<tr id="indicator-${code}">
    <th scope="row">${code}. ${esc(indicator.name)}${indicator.mandatory ? ` <span class="mandatory">(${esc(
    t('opdMandatory'))})</span>` : ''}</th>
    <td data-label="${esc(t('weight'))}">${esc(indicator.weight)}</td>
    <td data-label="${esc(t('parameter'))}">${esc(evidence?.parameter ?? '–')}</td>
    <td data-label="${esc(t('given'))}" class="given">${given}</td>
    <td data-label="${esc(t('state'))}">${evidence ? `<span class="chip state-${esc(evidence.state)}"
      id="state-${code}">${esc(t(evidence.state))}</span>` : '–'} ${score ? `(${esc(score)})` : ''}
      ${evidence?.reviewerNote ? `<p class="evidence-note" id="evidence-note-text-${code}"><span>${esc(
    t('konReviewerNote'))}:</span> ${esc(evidence.reviewerNote)}</p>` : ''}</td>
    <td data-label="${esc(t('actions'))}" class="row-actions">${actions}</td></tr>`;
}

// The regency's SPD (IID indicators 1-15) per assessment period, recorded by Bappeda: the indicators, weights and
// parameter texts come from the period data stats serves; what is recorded is read and written in the catalogue.
function spdSection(details) {
  details.addEventListener('toggle', () => details.open && showSpd(details.querySelector('#spd-body')), { once: true });
}

async function showSpd(body, chosen) {
  let rules;
  let recorded = null;
  try {
    rules = await api('/api/v1/stats/iid/periods');
  } catch (e) {
    body.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
    return;
  }
  const period = chosen ?? rules.latest;
  const rulesOf = rules.periods[period];
  try {
    recorded = await api(`/api/v1/review/iid/spd/${encodeURIComponent(period)}`);
  } catch (e) {
    if (e.status !== 404) {
      body.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
      return;
    }
  }
  const given = Object.fromEntries((recorded?.indicators ?? []).map((row) => [row.code, row]));
  body.innerHTML = `<p>${esc(t('spdText'))}</p>
    <form id="spd-form">
      <label for="spd-period">${esc(t('spdPeriod'))}</label>
      <select id="spd-period">${Object.keys(rules.periods).map((p) => `<option value="${esc(p)}"
        ${p === period ? 'selected' : ''}>${esc(p)}</option>`).join('')}</select>
      ${recorded ? `<p id="spd-recorded">${esc(t('spdRecordedBy', recorded.version, recorded.recordedBy,
        new Date(recorded.recordedAt).toLocaleString(i18n.locale)))}</p>` : ''}
      <div class="table-wrap"><table class="evidence">
        <thead><tr><th scope="col">${esc(t('indicator'))}</th><th scope="col">${esc(t('weight'))}</th>
          <th scope="col">${esc(t('parameter'))}</th><th scope="col">${esc(t('spdEvidence'))}</th></tr></thead>
        <tbody>${rulesOf.spdIndicators.map((indicator) => spdRow(indicator, given[indicator.code])).join('')}</tbody>
      </table></div>
      <p id="spd-total" role="status"></p>
      <button type="submit" class="button primary" id="spd-save">${esc(t('spdSave'))}</button>
      <p id="spd-message" role="status"></p>
    </form>`;
  const form = body.querySelector('#spd-form');
  const rows = () => rulesOf.spdIndicators.map((indicator) => ({ indicator,
    parameter: Number(form.querySelector(`#spd-parameter-${indicator.code}`).value),
    evidence: form.querySelector(`#spd-evidence-${indicator.code}`).value.trim() }));
  const total = () => {
    const score = rows().reduce((sum, r) => sum + r.indicator.weight * r.parameter, 0);
    form.querySelector('#spd-total').textContent = t('spdTotal', score.toLocaleString(i18n.locale), rulesOf.spdMaximum);
  };
  total();
  form.addEventListener('change', total);
  form.querySelector('#spd-period').addEventListener('change', (e) => showSpd(body, e.target.value));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = form.querySelector('#spd-message');
    try {
      const saved = await api(`/api/v1/review/iid/spd/${encodeURIComponent(period)}`, { method: 'PUT',
        body: { indicators: rows().filter((r) => r.parameter > 0)
          .map((r) => ({ code: r.indicator.code, parameter: r.parameter, evidence: r.evidence })) } });
      await showSpd(body, period);
      body.querySelector('#spd-message').textContent = t('spdSaved', saved.version);
    } catch (e) {
      message.textContent = `${t('error')}: ${e.message}`;
      message.className = 'error';
    }
  });
}

function spdRow(indicator, row) {
  const code = esc(indicator.code);
  return `<tr id="spd-${code}">
    <th scope="row"><label for="spd-parameter-${code}">${code}. ${esc(indicator.name)}${indicator.mandatory ? ' *' : ''}
      </label></th>
    <td>${esc(indicator.weight)}</td>
    <td><select id="spd-parameter-${code}"><option value="0">${esc(t('spdNone'))}</option>
      ${indicator.parameters.map((text, n) => `<option value="${n + 1}" ${row?.parameter === n + 1 ? 'selected' : ''}>
        ${n + 1}: ${esc(text)}</option>`).join('')}</select></td>
    <td><input type="url" id="spd-evidence-${code}" value="${esc(row?.evidence ?? '')}"
      aria-label="${esc(t('spdEvidence'))} ${code}" placeholder="https://"></td></tr>`;
}
