// Konsol Reviewer: sign in with a reviewer API key (kept in sessionStorage), the queue, one submission with its
// evidence, verification of evidence, lifecycle decisions and the history.
import { api, download, esc, labels, session } from './api.js';
import { oidcSignIn } from './auth.js';
import { innovationBody } from './catalog.js';
import { formatDate, i18n, statusLabel, t } from './i18n.js';

const QUEUES = ['SUBMITTED', 'VERIFIED', 'REVISION_REQUESTED', 'PUBLISHED'];
const DECISIONS = { SUBMITTED: ['VERIFY', 'REQUEST_REVISION'], VERIFIED: ['PUBLISH'], PUBLISHED: ['ARCHIVE'] };
let queueStatus = 'SUBMITTED';

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
    <div class="console-layout">
      <aside class="queue" aria-labelledby="queue-title">
        <h2 id="queue-title">${esc(t('queue'))}</h2>
        <label for="queue-status">${esc(t('status'))}</label>
        <select id="queue-status">${QUEUES.map((s) => `<option value="${s}" ${s === queueStatus ? 'selected' : ''}>
          ${esc(statusLabel(s))}</option>`).join('')}</select>
        <div id="queue-list"><p class="loading">${esc(t('loading'))}</p></div>
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
  main.querySelector('#queue-status').addEventListener('change', (e) => {
    queueStatus = e.target.value;
    showQueue(main, id);
  });
  const label = await labels();
  await Promise.all([showQueue(main, id, label), id ? showReview(main, id, label) : null]);
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

async function showQueue(main, current, label) {
  const list = main.querySelector('#queue-list');
  const names = label ?? await labels();
  const page = await api(`/api/v1/review/queue?status=${queueStatus}&size=50`).catch((e) => e);
  if (page instanceof Error) {
    list.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(page.message)}</p>`;
    return;
  }
  list.innerHTML = page.items.length ? `<ul class="queue-items">${page.items.map((i) => `<li>
      <a href="#/konsol/${esc(i.id)}" ${i.id === current ? 'aria-current="true"' : ''}>
        <strong>${esc(i.title)}</strong>
        <span>${esc(names.of('opdCode', i.opdCode))} · ${esc(formatDate(i.submittedAt))}</span></a></li>`).join('')}
    </ul>` : `<p>${esc(t('queueEmpty'))}</p>`;
}

async function showReview(main, id, label) {
  const review = main.querySelector('#review');
  let innovation;
  let evidence;
  let history;
  try {
    [innovation, evidence, history] = await Promise.all([api(`/api/v1/innovations/${id}`),
      api(`/api/v1/innovations/${id}/evidence`), api(`/api/v1/innovations/${id}/history`)]);
  } catch (e) {
    review.innerHTML = `<p class="error" role="alert">${esc(t('error'))}: ${esc(e.message)}</p>`;
    return;
  }
  const decisions = DECISIONS[innovation.status] ?? [];
  const decision = `
    <section class="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">${esc(t('decide'))}</h2>
      <label for="review-to-opd">${esc(t('messageToOpd'))}</label>
      <textarea id="review-to-opd" rows="2" maxlength="2000"></textarea>
      <label for="review-note">${esc(t('note'))}</label>
      <textarea id="review-note" rows="2" maxlength="2000"></textarea>
      <div class="actions">${decisions.map((d) => `<button type="button" class="button ${d === 'REQUEST_REVISION'
        ? '' : 'primary'}" data-decision="${d}" id="decide-${d}">${esc(t(d))}</button>`).join('')}</div>
      <p id="review-message" role="status"></p>
    </section>
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">${esc(t('evidence'))} ${esc(evidence.period)}</h2>
      <p>${esc(t('scores', evidence.scores?.claimed ?? 0, evidence.scores?.verified ?? 0))}</p>
      <div class="table-wrap"><table class="evidence">
        <thead><tr><th scope="col">${esc(t('indicator'))}</th><th scope="col">${esc(t('weight'))}</th>
          <th scope="col">${esc(t('parameter'))}</th><th scope="col">${esc(t('given'))}</th>
          <th scope="col">${esc(t('state'))}</th><th scope="col">${esc(t('actions'))}</th></tr></thead>
        <tbody>${evidence.indicators.map((row) => evidenceRow(id, row)).join('')}</tbody>
      </table></div>
    </section>`;
  review.innerHTML = `
    <p class="status-line"><span class="chip status" id="review-status">${esc(statusLabel(innovation.status))}</span>
      ${esc(t('version'))} ${esc(innovation.version)}</p>
    ${innovationBody(innovation, label, { back: false, afterHead: decision })}
    <section aria-labelledby="history-title">
      <h2 id="history-title">${esc(t('history'))}</h2>
      <ol class="history" id="history">${history.slice().reverse().map((h) => `<li>
        <strong>${esc(action(h.action))}</strong> ·
        ${h.statusBefore ? `${esc(statusLabel(h.statusBefore))} → ` : ''}${esc(statusLabel(h.statusAfter))}
        <span>${esc(new Date(h.at).toLocaleString(i18n.locale))} · ${esc(t('by'))} ${esc(h.by)} · ${esc(t('version'))}
          ${esc(h.version)}</span>${h.message ? `<q>${esc(h.message)}</q>` : ''}${h.note
          ? `<q class="internal">${esc(h.note)}</q>` : ''}</li>`).join('')}</ol>
    </section>`;
  const message = review.querySelector('#review-message');
  const act = async (call) => {
    try {
      const changed = await call();
      if (QUEUES.includes(changed?.status)) {
        queueStatus = changed.status;
        main.querySelector('#queue-status').value = queueStatus;
      }
      await Promise.all([showReview(main, id, label), showQueue(main, id, label)]);
      main.querySelector('#review-message').textContent = t('done');
    } catch (e) {
      message.textContent = `${t('error')}: ${e.message}`;
      message.className = 'error';
    }
  };
  review.querySelectorAll('[data-decision]').forEach((button) => button.addEventListener('click', () => act(() =>
    api(`/api/v1/innovations/${id}/review`, { method: 'POST', ifMatch: innovation.version,
      body: { decision: button.dataset.decision, message: review.querySelector('#review-to-opd').value || null,
        note: review.querySelector('#review-note').value || null } }))));
  review.querySelectorAll('[data-verify]').forEach((button) => button.addEventListener('click', () => act(() =>
    api(`/api/v1/innovations/${id}/evidence/${button.dataset.indicator}/verification`, { method: 'POST',
      body: { state: button.dataset.verify, note: review.querySelector('#review-to-opd').value || null } }))));
  review.querySelectorAll('[data-file]').forEach((button) => button.addEventListener('click', () =>
    download(button.dataset.file, button.textContent.trim())));
}

/** A history action in words: CREATE, a decision, or an evidence change with its indicator ("EVIDENCE_ACCEPTED 16"). */
function action(name) {
  const [kind, indicator] = name.split(' ');
  return indicator ? `${t(kind)} ${indicator}` : t(kind);
}

function evidenceRow(id, { indicator, evidence, score }) {
  const given = evidence ? [
    ...evidence.links.map((l) => `<a href="${esc(/^https?:/i.test(l) ? l : '#')}" rel="noopener noreferrer"
      target="_blank">${esc(l.replace(/^https?:\/\//, ''))}</a>`),
    ...evidence.files.map((f) => `<button type="button" class="link"
      data-file="/api/v1/innovations/${esc(id)}/evidence/${esc(indicator.code)}/files/${esc(f.id)}">
      ${esc(f.name)}</button>`),
  ].join('<br>') : `<span class="muted">${esc(t('noEvidence'))}</span>`;
  const actions = evidence ? ['ACCEPTED', 'REJECTED'].filter((s) => s !== evidence.state).map((s) =>
    `<button type="button" class="button small ${s === 'ACCEPTED' ? 'primary' : ''}" data-verify="${s}"
      data-indicator="${esc(indicator.code)}" id="evidence-${esc(indicator.code)}-${s}"
      aria-label="${esc(t(s === 'ACCEPTED' ? 'accept' : 'reject'))} ${esc(indicator.code)}">
      ${esc(t(s === 'ACCEPTED' ? 'accept' : 'reject'))}</button>`).join(' ') : '';
  return `<tr id="indicator-${esc(indicator.code)}">
    <th scope="row">${esc(indicator.code)}. ${esc(indicator.name)}${indicator.mandatory ? ' *' : ''}</th>
    <td>${esc(indicator.weight)}</td><td>${esc(evidence?.parameter ?? '–')}</td><td>${given}</td>
    <td>${evidence ? `<span class="chip state-${esc(evidence.state)}" id="state-${esc(indicator.code)}">
      ${esc(t(evidence.state))}</span>` : '–'} ${score ? `(${esc(score)})` : ''}</td><td>${actions}</td></tr>`;
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
