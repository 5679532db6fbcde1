// Dasbor: the public numbers (every status for a signed-in reviewer), live through the stats stream.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
} from 'chart.js';
import { api, download, esc, follow, labels, saveBlob, session } from './api.js';
import { i18n, t } from './i18n.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim()
  || 'system-ui';
Chart.defaults.color = '#334155';

const PALETTE = ['#0d6e6e', '#0b3a53', '#c98a00', '#b4432a', '#4d7c0f', '#6d28d9', '#0369a1', '#be185d', '#475569'];
const BREAKDOWNS = [
  { id: 'field', title: 'byField', key: 'byField', dimension: 'field', type: 'bar', horizontal: true },
  { id: 'opd', title: 'byOpd', key: 'byOpd', dimension: 'opd', labelKind: 'opdCode', type: 'bar', horizontal: true,
    top: 10 },
  { id: 'year', title: 'byYear', key: 'byYear', dimension: 'year', type: 'bar', byKey: true },
  { id: 'stage', title: 'byStage', key: 'byStage', dimension: 'stage', type: 'doughnut' },
];

export async function renderDashboard(main) {
  main.innerHTML = `
    <section class="dash-head">
      <div>
        <h1>${esc(t('dashTitle'))}</h1>
        <p>${esc(session.key ? t('dashAll') : t('dashPublic'))}</p>
      </div>
      <p class="live" id="live-state"><span class="dot"></span><span id="live-text">
        ${esc(t('loading'))}</span></p>
    </section>
    <section class="kpis" aria-label="${esc(t('dashTitle'))}">
      ${kpi('kpi-total', 'total')}${kpi('kpi-opds', 'opds')}${kpi('kpi-iid', 'iidIndex')}
      ${kpi('kpi-category', 'iidCategory')}
    </section>
    <section class="panels">
      ${BREAKDOWNS.map((b) => panel(b.id, t(b.title))).join('')}
      ${panel('trend', t('trend'), 'wide')}
      <figure class="panel wide" id="panel-iid">
        <figcaption><h2>${esc(t('iid'))}</h2>
          <button type="button" class="button small" id="csv-iid" aria-label="${esc(t('csvOf', t('iid')))}">
            ${esc(t('csv'))}</button></figcaption>
        <div id="iid-body"><p class="loading">${esc(t('loading'))}</p></div>
      </figure>
    </section>`;
  const label = await labels();
  const charts = {};
  let trend = { points: [] };
  let iid = null;

  const showOverview = (overview) => {
    main.querySelector('#kpi-total').textContent = overview.total.toLocaleString(i18n.locale);
    main.querySelector('#kpi-opds').textContent = Object.keys(overview.byOpd).length.toLocaleString(i18n.locale);
    BREAKDOWNS.forEach((b) => draw(charts, b, overview[b.key], label));
    main.querySelector('#live-text').dataset.generation = overview.generation;
  };
  const showRest = async () => {
    [trend, iid] = await Promise.all([api('/api/v1/stats/trend?interval=month'), api('/api/v1/stats/iid')]);
    drawTrend(charts, trend);
    showIid(main, iid);
  };

  BREAKDOWNS.forEach((b) => main.querySelector(`#csv-${b.id}`).addEventListener('click', () => download(
    `/api/v1/stats/breakdown?by=${b.dimension}`, `inovasi-bangka-${b.dimension}.csv`, 'text/csv')));
  main.querySelector('#csv-trend').addEventListener('click', () => saveCsv('inovasi-bangka-trend.csv',
    [['period', 'received', 'verified', 'published'], ...trend.points.map((p) => [p.period, p.received, p.verified,
      p.published])]));
  main.querySelector('#csv-iid').addEventListener('click', () => iid && saveCsv(`inovasi-bangka-iid-${iid.period}.csv`,
    [['measure', 'value'], ...Object.entries(iid.regency).filter(([, v]) => v === null || typeof v !== 'object'),
      ...(iid.regency.spd ? [['spdScore', iid.regency.spd.score], ['spdMaximum', iid.regency.spd.maximum]] : []),
      ...iid.regency.possibleCategories.map((c) => ['possibleCategory', c]),
      ...iid.regency.basicServicesMissing.map((m) => ['basicServiceMissing', m.key])]));

  try {
    showOverview(await api('/api/v1/stats/overview'));
    await showRest();
  } catch (e) {
    main.querySelector('#live-text').textContent = `${t('error')}: ${e.message}`;
  }
  const stop = follow('/api/v1/stats/stream', (overview) => {
    showOverview(overview);
    main.querySelector('#live-text').textContent = `${t('live')} · ${t('updated')} ${
      new Date(overview.asOf).toLocaleTimeString(i18n.locale)}`;
    showRest().catch(() => {});
  }, (connected) => {
    main.querySelector('#live-state').classList.toggle('on', connected);
    if (!connected) main.querySelector('#live-text').textContent = t('offline');
  });
  return () => {
    stop();
    Object.values(charts).forEach((c) => c.destroy());
  };
}

function kpi(id, key) {
  return `<div class="kpi"><p class="kpi-label" id="${id}-label">${esc(t(key))}</p>
    <p class="kpi-value" id="${id}" aria-labelledby="${id}-label">–</p></div>`;
}

function panel(id, title, extra = '') {
  return `<figure class="panel ${extra}" id="panel-${id}">
    <figcaption><h2 id="title-${id}">${esc(title)}</h2>
      <button type="button" class="button small" id="csv-${id}" aria-label="${esc(t('csvOf', title))}">
        ${esc(t('csv'))}</button></figcaption>
    <div class="chart"><canvas id="chart-${id}" role="img" aria-labelledby="title-${id}"></canvas></div>
  </figure>`;
}

function draw(charts, b, counts, label) {
  let entries = Object.entries(counts ?? {});
  entries.sort(b.byKey ? ([x], [y]) => x.localeCompare(y) : ([, x], [, y]) => y - x);
  if (b.top) entries = entries.slice(0, b.top);
  const labels = entries.map(([k]) => label.of(b.labelKind ?? b.dimension, k));
  const values = entries.map(([, v]) => v);
  const canvas = document.getElementById(`chart-${b.id}`);
  canvas.setAttribute('aria-label', entries.map(([, v], n) => `${labels[n]}: ${v}`).join('; ') || '0');
  const chart = charts[b.id];
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets[0].data = values;
    chart.update();
    return;
  }
  const doughnut = b.type === 'doughnut';
  charts[b.id] = new Chart(canvas, {
    type: b.type,
    data: { labels, datasets: [{ label: t('count'), data: values, borderRadius: doughnut ? 0 : 4,
      backgroundColor: doughnut ? PALETTE : PALETTE[0], maxBarThickness: 28 }] },
    options: {
      indexAxis: b.horizontal ? 'y' : 'x', maintainAspectRatio: false, animation: { duration: 300 },
      plugins: { legend: { display: doughnut, position: 'right' } },
      scales: doughnut ? {} : { [b.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
        [b.horizontal ? 'y' : 'x']: { grid: { display: false },
          ticks: { callback(v) { return shorten(this.getLabelForValue(v)); } } } },
    },
  });
}

function shorten(label) {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}

function drawTrend(charts, trend) {
  const labels = trend.points.map((p) => p.period);
  const series = [['received', PALETTE[1]], ['verified', PALETTE[2]], ['published', PALETTE[0]]];
  const canvas = document.getElementById('chart-trend');
  if (!canvas) return;
  canvas.setAttribute('aria-label', trend.points.map((p) => `${p.period}: ${p.received}/${p.verified}/${p.published}`)
    .join('; ') || '0');
  if (charts.trend) {
    charts.trend.data.labels = labels;
    series.forEach(([k], n) => { charts.trend.data.datasets[n].data = trend.points.map((p) => p[k]); });
    charts.trend.update();
    return;
  }
  charts.trend = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map(([k, color]) => ({ label: t(k), data: trend.points.map((p) => p[k]),
      backgroundColor: color, borderRadius: 3, maxBarThickness: 36,
      categoryPercentage: trend.points.length < 4 ? 0.3 : 0.8 })) },
    options: { maintainAspectRatio: false, animation: { duration: 300 },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
      plugins: { legend: { position: 'bottom' } } },
  });
}

/** The IID card: one index with a recorded SPD, else the range for SPD 0 to its maximum, and which case applies. */
function showIid(main, iid) {
  const r = iid.regency;
  const number = (v) => Number(v).toLocaleString(i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const recorded = r.basis === 'SPD_RECORDED';
  const value = recorded ? number(r.index) : `${number(r.indexLow)}–${number(r.indexHigh)}`;
  const category = r.category ?? t('iidDepends', r.possibleCategories.join(t('iidOr')));
  const why = recorded ? t('iidCaseRecorded', number(r.spd.score), r.spd.maximum)
    : r.basis === 'SPD_UNKNOWN_ONE_CATEGORY'
      ? t('iidCaseOneCategory', number(r.indexLow), number(r.indexHigh), r.spdMaximum, r.category)
      : t('iidCaseRange', number(r.indexLow), number(r.indexHigh), r.spdMaximum);
  main.querySelector('#kpi-iid').textContent = value;
  main.querySelector('#kpi-category').textContent = category;
  const body = main.querySelector('#iid-body');
  if (!body) return;
  body.innerHTML = `<div class="iid-grid"><div>
    <div class="gauge" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${esc(r.indexLow)}"
         aria-valuetext="${esc(value)}" aria-label="${esc(t('iidIndex'))} ${esc(iid.period)}">
      <div class="gauge-fill"></div></div>
    <p class="gauge-text" id="iid-value"><strong>${esc(value)}</strong> · <span id="iid-category">${esc(category)}</span>
      (${esc(iid.period)})</p>
    <p id="iid-case" data-basis="${esc(r.basis)}">${esc(why)}</p>
    <p class="muted" id="iid-thresholds">${esc(t('iidThresholds'))}: ${r.thresholds.map((c) =>
      `${esc(c.name)} ≥ ${esc(number(c.minimum))}`).join(' · ')}</p>
    <dl class="iid-facts">
      <div><dt>${esc(t('iidCounted'))}</dt><dd>${esc(r.innovationsCounted)}</dd></div>
      ${r.notEligibleWindow || r.notEligibleDesign ? `<div><dt>${esc(t('iidNotEligible'))}</dt>
        <dd id="iid-not-eligible">${esc(t('iidNotEligibleOf', r.notEligibleWindow, r.notEligibleDesign))}</dd></div>` : ''}
      <div><dt>${esc(t('iidDivisor'))}</dt><dd>${esc(r.divisor)}</dd></div>
      <div><dt>${esc(t('iidPer'))}</dt><dd>${esc(number(r.perInnovationComponent))}</dd></div>
      <div><dt>${esc(t('iidCount'))}</dt><dd>${esc(number(r.countComponent))}</dd></div>
      <div><dt>${esc(t('iidAffairs'))}</dt><dd>${esc(t('iidAffairsOf', r.basicServicesCovered, r.basicServicesRequired))}</dd></div>
      <div><dt>${esc(t('iidSpd'))}</dt><dd>${esc(recorded ? `${number(r.spd.score)} / ${r.spd.maximum}`
        : t('iidSpdNone'))}</dd></div>
      <div><dt>${esc(t('iidClaimed'))}</dt><dd>${esc(number(r.claimedPerInnovationComponent))}</dd></div>
    </dl></div><div>
    <h3>${esc(t('missing'))}</h3>
    ${r.basicServicesMissing.length ? `<ul class="missing" id="iid-missing">${r.basicServicesMissing.map((m) =>
      `<li>${esc(i18n.lang === 'en' ? m.labelEn : m.labelId)}</li>`).join('')}</ul>`
      : `<p>${esc(t('covered'))}</p>`}</div></div>`;
  // Through the CSSOM: the Content-Security-Policy refuses style attributes in markup.
  body.querySelector('.gauge-fill').style.width = `${Math.min(100, Number(r.indexLow))}%`;
}

function saveCsv(filename, rows) {
  const cell = (v) => {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  saveBlob(new Blob([rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }), filename);
}
