// Dasbor: the public numbers (every status for a signed-in reviewer), live through the stats stream, whose events
// carry everything the page redraws (overview, trend, IID summary, lead times): an event costs no request.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
} from 'chart.js';
import { api, download, esc, follow, labels, saveBlob, session } from './api.js';
import { i18n, statusLabel, t } from './i18n.js';

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
const PIPELINE = ['SUBMITTED', 'REVISION_REQUESTED', 'VERIFIED', 'PUBLISHED'];
const ASIDE = ['WITHDRAWN', 'ARCHIVED'];

/** Numbers as the page's language writes them (Indonesian: 2.500 and 2,67), on axes, tooltips and text alike. */
const number = (v, digits = 0) => new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: digits,
  maximumFractionDigits: digits }).format(Number(v));
const decimal = (v) => number(v, 2);

/** Writes the value axis' tick labels into the canvas (data-ticks), where tests and tools can read them. */
const TICKS_IN_DOM = {
  id: 'ticksInDom',
  afterUpdate(chart) {
    const scale = chart.scales[chart.options.indexAxis === 'y' ? 'x' : 'y'];
    if (scale) chart.canvas.dataset.ticks = scale.ticks.map((tick) => tick.label).join('|');
  },
};

export async function renderDashboard(main) {
  const reviewer = Boolean(session.key);
  Chart.defaults.locale = i18n.locale;
  main.innerHTML = `
    <section class="dash-head">
      <div>
        <h1>${esc(t('dashTitle'))}</h1>
        <p>${esc(reviewer ? t('dashAll') : t('dashPublic'))}</p>
      </div>
      <div class="dash-tools">
        <label for="filter-year">${esc(t('dashYear'))}</label>
        <select id="filter-year"><option value="">${esc(t('dashAllYears'))}</option></select>
        <p class="live" id="live-state"><span class="dot"></span><span id="live-text">
          ${esc(t('loading'))}</span></p>
      </div>
    </section>
    <section class="kpis" aria-label="${esc(t('dashTitle'))}">
      ${kpi('kpi-total', 'total')}${kpi('kpi-opds', 'opds')}${kpi('kpi-iid', 'iidIndex')}
      ${kpi('kpi-category', 'iidCategory')}
    </section>
    ${reviewer ? `<section class="panels" id="reviewer-panels">
      <section class="panel" id="panel-pipeline" aria-labelledby="title-pipeline">
        <h2 id="title-pipeline">${esc(t('dashPipeline'))}</h2><div id="pipeline"></div></section>
      <section class="panel" id="panel-lead" aria-labelledby="title-lead">
        <h2 id="title-lead">${esc(t('dashLeadTimes'))}</h2><div id="lead-times"></div></section>
    </section>` : ''}
    <section class="panels">
      ${BREAKDOWNS.map((b) => panel(b.id, t(b.title))).join('')}
      ${panel('trend', t('trend'), 'wide')}
      <figure class="panel wide" id="panel-iid">
        <figcaption><h2>${esc(t('iid'))}</h2>
          <button type="button" class="button small" id="csv-iid" aria-label="${esc(t('csvOf', t('iid')))}">
            ${esc(t('csv'))}</button></figcaption>
        <div id="iid-body"><p class="loading">${esc(t('loading'))}</p></div>
      </figure>
      ${panel('contrib', t('dashContrib'), 'wide', t('dashContribText'))}
    </section>`;
  const label = await labels();
  const charts = {};
  const years = new Set();
  let year = '';
  let trend = { points: [] };
  let iid = null;
  let stop = () => {};
  // What each card last showed: an event that changes nothing in it leaves its markup (and focus, and what a
  // screen reader or a test holds) in place.
  const shown = {};
  const changed = (card, value) => {
    const text = JSON.stringify(value);
    if (shown[card] === text) return false;
    shown[card] = text;
    return true;
  };

  const showOverview = (overview) => {
    main.querySelector('#kpi-total').textContent = number(overview.total);
    main.querySelector('#kpi-opds').textContent = number(Object.keys(overview.byOpd).length);
    BREAKDOWNS.forEach((b) => draw(charts, b, overview[b.key], label));
    if (reviewer && changed('pipeline', overview.byStatus)) showPipeline(main, overview.byStatus);
    if (!year) offerYears(main, years, overview.byYear);
    main.querySelector('#live-text').dataset.generation = overview.generation;
  };
  const showTrend = (next) => {
    trend = next;
    drawTrend(charts, trend);
  };
  const showIidSummary = (next) => {
    iid = next;
    if (!changed('iid', { regency: next.regency, improvements: next.improvements, contributions: next.contributions,
      period: next.period })) return;
    showIid(main, iid, label);
    drawContributions(charts, iid.contributions, label, iid.regency);
  };
  const leadTimes = (review) => {
    if (changed('review', { ...review, queue: review.queue && { ...review.queue, asOf: null } })) {
      showLeadTimes(main, review, label);
    }
  };
  const filter = () => (year ? `year=${encodeURIComponent(year)}` : '');
  const load = async () => {
    const q = filter();
    const [overview, nextTrend, nextIid, review] = await Promise.all([
      api(`/api/v1/stats/overview${q ? `?${q}` : ''}`), api(`/api/v1/stats/trend?interval=month${q ? `&${q}` : ''}`),
      api('/api/v1/stats/iid?size=1'), reviewer ? api(`/api/v1/stats/review${q ? `?${q}` : ''}`) : null]);
    showOverview(overview);
    showTrend(nextTrend);
    showIidSummary(nextIid);
    if (review) leadTimes(review);
  };
  // Each event carries everything redrawn: nothing is fetched per change.
  const listen = () => follow(`/api/v1/stats/stream${filter() ? `?${filter()}` : ''}`, (update) => {
    showOverview(update);
    if (update.trend) showTrend(update.trend);
    if (update.iid) showIidSummary(update.iid);
    if (update.review) leadTimes(update.review);
    main.querySelector('#live-text').textContent = `${t('live')} · ${t('updated')} ${
      new Date(update.asOf).toLocaleTimeString(i18n.locale)}`;
  }, (connected) => {
    main.querySelector('#live-state').classList.toggle('on', connected);
    if (!connected) main.querySelector('#live-text').textContent = t('offline');
  });

  BREAKDOWNS.forEach((b) => main.querySelector(`#csv-${b.id}`).addEventListener('click', () => {
    const path = `/api/v1/stats/breakdown?by=${b.dimension}${filter() ? `&${filter()}` : ''}`;
    const filename = `inovasi-bangka-${b.dimension}${year ? `-${year}` : ''}.csv`;
    return download(path, filename, 'text/csv');
  }));
  main.querySelector('#csv-trend').addEventListener('click', () => saveCsv('inovasi-bangka-trend.csv',
    [['period', 'received', 'verified', 'published'], ...trend.points.map((p) => [p.period, p.received, p.verified,
      p.published])]));
  main.querySelector('#csv-iid').addEventListener('click', () => iid && saveCsv(`inovasi-bangka-iid-${iid.period}.csv`,
    [['measure', 'value'], ...Object.entries(iid.regency).filter(([, v]) => v === null || typeof v !== 'object'),
      ...(iid.regency.spd ? [['spdScore', iid.regency.spd.score], ['spdMaximum', iid.regency.spd.maximum]] : []),
      ...iid.regency.possibleCategories.map((c) => ['possibleCategory', c]),
      ...iid.regency.basicServicesMissing.map((m) => ['basicServiceMissing', m.key])]));
  main.querySelector('#csv-contrib').addEventListener('click', () => iid && saveCsv(
    `inovasi-bangka-iid-${iid.period}-opd.csv`, [['opdCode', 'opdName', 'innovationsCounted', 'verifiedSum',
      'indexPoints'], ...iid.contributions.map((c) => [c.opdCode, label.of('opdCode', c.opdCode),
      c.innovationsCounted, c.verifiedSum, c.indexPoints])]));
  main.querySelector('#filter-year').addEventListener('change', async (e) => {
    year = e.target.value;
    stop();
    try {
      await load();
    } catch (error) {
      main.querySelector('#live-text').textContent = `${t('error')}: ${error.message}`;
    }
    stop = listen();
  });

  try {
    await load();
  } catch (e) {
    main.querySelector('#live-text').textContent = `${t('error')}: ${e.message}`;
  }
  stop = listen();
  return () => {
    stop();
    Object.values(charts).forEach((c) => c.destroy());
  };
}

function kpi(id, key) {
  return `<div class="kpi"><p class="kpi-label" id="${id}-label">${esc(t(key))}</p>
    <p class="kpi-value" id="${id}" aria-labelledby="${id}-label">–</p></div>`;
}

function panel(id, title, extra = '', text = '') {
  return `<figure class="panel ${extra}" id="panel-${id}">
    <figcaption><h2 id="title-${id}">${esc(title)}</h2>
      <button type="button" class="button small" id="csv-${id}" aria-label="${esc(t('csvOf', title))}">
        ${esc(t('csv'))}</button></figcaption>
    ${text ? `<p class="muted">${esc(text)}</p>` : ''}
    ${id === 'contrib' ? `<p id="contrib-none" hidden>${esc(t('dashContribNone'))}</p>` : ''}
    <div class="chart" id="box-${id}"><canvas id="chart-${id}" role="img" aria-labelledby="title-${id}"
      aria-describedby="hint-chart"></canvas></div>
    ${id === 'field' ? `<p class="muted small" id="hint-chart">${esc(t('dashChartKeys'))}</p>` : ''}
  </figure>`;
}

/** The years the unfiltered numbers know, newest first, added to the filter as they appear. */
function offerYears(main, years, byYear) {
  const known = Object.keys(byYear ?? {}).filter((y) => /^\d{4}$/.test(y));
  if (known.every((y) => years.has(y))) return;
  known.forEach((y) => years.add(y));
  const select = main.querySelector('#filter-year');
  const chosen = select.value;
  select.innerHTML = `<option value="">${esc(t('dashAllYears'))}</option>${[...years].sort().reverse().map((y) =>
    `<option value="${esc(y)}">${esc(y)}</option>`).join('')}`;
  select.value = chosen;
}

function draw(charts, b, counts, label) {
  let entries = Object.entries(counts ?? {});
  entries.sort(b.byKey ? ([x], [y]) => x.localeCompare(y) : ([, x], [, y]) => y - x);
  if (b.top) entries = entries.slice(0, b.top);
  const names = entries.map(([k]) => label.of(b.labelKind ?? b.dimension, k));
  const values = entries.map(([, v]) => v);
  const canvas = document.getElementById(`chart-${b.id}`);
  canvas.setAttribute('aria-label', entries.map(([, v], n) => `${names[n]}: ${number(v)}`).join('; ') || '0');
  if (b.horizontal) fitHeight(b.id, names.length);
  const chart = charts[b.id];
  if (chart) {
    chart.data.labels = names;
    chart.data.datasets[0].data = values;
    chart.update();
    return;
  }
  const doughnut = b.type === 'doughnut';
  charts[b.id] = chart$(canvas, {
    type: b.type,
    data: { labels: names, datasets: [{ label: t('count'), data: values, borderRadius: doughnut ? 0 : 4,
      backgroundColor: doughnut ? PALETTE : PALETTE[0], maxBarThickness: 28 }] },
    options: {
      indexAxis: b.horizontal ? 'y' : 'x',
      plugins: { legend: { display: doughnut, position: 'bottom' } },
      scales: doughnut ? {} : axes(b.horizontal, (v) => number(v)),
    },
  });
}

/** The OPDs' parts of the index, in index points (two decimals). */
function drawContributions(charts, contributions, label, regency) {
  const top = contributions.slice(0, 10);
  const names = top.map((c) => label.of('opdCode', c.opdCode));
  const canvas = document.getElementById('chart-contrib');
  canvas.setAttribute('aria-label', top.map((c, n) => t('dashContribOf', names[n], decimal(c.indexPoints),
    c.innovationsCounted)).join('; ') || t('dashContribNone'));
  fitHeight('contrib', names.length);
  document.getElementById('contrib-none').hidden = top.length > 0;
  const values = top.map((c) => Number(c.indexPoints));
  if (charts.contrib) {
    charts.contrib.data.labels = names;
    charts.contrib.data.datasets[0].data = values;
    charts.contrib.update();
    return;
  }
  charts.contrib = chart$(canvas, {
    type: 'bar',
    data: { labels: names, datasets: [{ label: t('dashPoints'), data: values, backgroundColor: PALETTE[2],
      borderRadius: 4, maxBarThickness: 28 }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false }, tooltip: { callbacks: {
      label: (ctx) => t('dashContribValue', decimal(ctx.parsed.x), top[ctx.dataIndex]?.innovationsCounted ?? 0),
      footer: () => t('dashContribOfIndex', decimal(regency.indexLow)) } } },
    scales: axes(true, (v) => number(v, 1), null) },
  });
}

function drawTrend(charts, trend) {
  const periods = trend.points.map((p) => month(p.period));
  const series = [['received', PALETTE[1]], ['verified', PALETTE[2]], ['published', PALETTE[0]]];
  const canvas = document.getElementById('chart-trend');
  if (!canvas) return;
  canvas.setAttribute('aria-label', trend.points.map((p) => `${month(p.period)}: ${t('received')} ${number(p.received)}, ${
    t('verified')} ${number(p.verified)}, ${t('published')} ${number(p.published)}`).join('; ') || '0');
  if (charts.trend) {
    charts.trend.data.labels = periods;
    series.forEach(([k], n) => { charts.trend.data.datasets[n].data = trend.points.map((p) => p[k]); });
    charts.trend.update();
    return;
  }
  charts.trend = chart$(canvas, {
    type: 'bar',
    data: { labels: periods, datasets: series.map(([k, color]) => ({ label: t(k), data: trend.points.map((p) => p[k]),
      backgroundColor: color, borderRadius: 3, maxBarThickness: 36,
      categoryPercentage: trend.points.length < 4 ? 0.3 : 0.8 })) },
    options: { scales: axes(false, (v) => number(v)), plugins: { legend: { position: 'bottom' } } },
  });
}

/** A trend period (2026-03, or a year) as the page's language names it: "Mar 2026". */
function month(period) {
  return /^\d{4}-\d{2}$/.test(period) ? new Date(`${period}-01T00:00:00`).toLocaleDateString(i18n.locale,
    { month: 'short', year: 'numeric' }) : period;
}

/** A chart with the page's conventions: numbers in the page's locale, full names in tooltips, keyboard reachable. */
function chart$(canvas, config) {
  const tooltip = config.options.plugins?.tooltip ?? {};
  const horizontal = config.options.indexAxis === 'y';
  const chart = new Chart(canvas, {
    ...config,
    plugins: [TICKS_IN_DOM],
    options: { maintainAspectRatio: false, animation: { duration: 300 }, locale: i18n.locale, ...config.options,
      plugins: { ...config.options.plugins, tooltip: { ...tooltip, callbacks: {
        label: (ctx) => `${ctx.dataset.label}: ${number(horizontal ? ctx.parsed.x : ctx.parsed.y ?? ctx.parsed)}`,
        ...tooltip.callbacks } } } },
  });
  keyboard(chart);
  return chart;
}

/** The value axis in the page's number format; category labels wrapped to lines, never cut without the full name. */
function axes(horizontal, format, precision = 0) {
  return {
    [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: precision ?? undefined, callback: format } },
    [horizontal ? 'y' : 'x']: { grid: { display: false }, ticks: { autoSkip: false, callback(v) {
      return wrap(this.getLabelForValue(v), this.chart.width < 520 ? 16 : 26);
    } } },
  };
}

/** Words in lines of at most width characters (a longer word stays whole); at most three, the third ending in …. */
function wrap(text, width) {
  const lines = [];
  String(text).split(/\s+/).forEach((word) => {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  });
  if (lines.length <= 3) return lines;
  return [lines[0], lines[1], `${lines[2]} …`];
}

/** Room for every bar of a horizontal chart and its wrapped name. */
function fitHeight(id, bars) {
  document.getElementById(`box-${id}`).style.height = `${Math.max(200, 44 * bars + 60)}px`;
}

/** Focus on a chart shows its first bar's tooltip (full name and number); the arrow keys step through the rest. */
function keyboard(chart) {
  const canvas = chart.canvas;
  canvas.tabIndex = 0;
  let at = 0;
  const show = () => {
    const n = chart.data.labels.length;
    if (!n) return;
    at = (at + n) % n;
    const active = chart.data.datasets.map((d, datasetIndex) => ({ datasetIndex, index: at }));
    chart.setActiveElements(active);
    chart.tooltip.setActiveElements(active, { x: 0, y: 0 });
    chart.update();
  };
  canvas.addEventListener('focus', show);
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  });
  canvas.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    at += step;
    show();
  });
}

/** For reviewers: how many innovations stand at each step of the review, in order, and those that left it. */
function showPipeline(main, byStatus) {
  const box = main.querySelector('#pipeline');
  if (!box) return;
  const item = (s) => `<li class="step status-${esc(s.toLowerCase())}" id="pipeline-${esc(s)}"><span>${
    esc(statusLabel(s))}</span><strong>${esc(number(byStatus[s] ?? 0))}</strong></li>`;
  box.innerHTML = `<ol class="pipeline">${PIPELINE.map(item).join('')}</ol>
    <ul class="pipeline aside">${ASIDE.map(item).join('')}</ul>`;
}

/** For reviewers: median and 90th percentile of each review step and of the waiting queue. */
function showLeadTimes(main, review, label) {
  const box = main.querySelector('#lead-times');
  if (!box) return;
  const span = (h) => (h?.median == null ? '–' : t('dashMedianP90', duration(h.median), duration(h.p90), h.count));
  const slowest = Object.entries(review.byOpd ?? {}).filter(([, l]) => l.submittedToVerified?.median != null)
    .sort(([, a], [, b]) => b.submittedToVerified.median - a.submittedToVerified.median).slice(0, 3);
  box.innerHTML = `<dl class="lead">
      <div><dt>${esc(t('dashSubmittedToVerified'))}</dt><dd id="lead-verify">${
  esc(span(review.overall.submittedToVerified))}</dd></div>
      <div><dt>${esc(t('dashVerifiedToPublished'))}</dt><dd id="lead-publish">${
  esc(span(review.overall.verifiedToPublished))}</dd></div>
      ${review.queue ? `<div><dt>${esc(t('dashAwaitingVerification'))}</dt><dd id="queue-verify">${
    esc(span(review.queue.awaitingVerification))}</dd></div>
      <div><dt>${esc(t('dashAwaitingPublication'))}</dt><dd id="queue-publish">${
  esc(span(review.queue.awaitingPublication))}</dd></div>` : ''}
    </dl>
    ${slowest.length ? `<h3>${esc(t('dashSlowest'))}</h3><ul class="slowest">${slowest.map(([code, l]) =>
    `<li>${esc(label.of('opdCode', code))}: ${esc(duration(l.submittedToVerified.median))}</li>`).join('')}</ul>`
    : ''}`;
}

/** Hours as hours below two days, as days from there. */
function duration(hours) {
  return hours < 48 ? t('dashHours', number(hours, hours < 10 ? 1 : 0)) : t('dashDays', number(hours / 24, 1));
}

/** The IID card: the gauge with the period's thresholds, each component in words, and what would raise it. */
function showIid(main, iid, label) {
  const r = iid.regency;
  const recorded = r.basis === 'SPD_RECORDED';
  const value = recorded ? decimal(r.index) : `${decimal(r.indexLow)}–${decimal(r.indexHigh)}`;
  const category = r.category ?? t('iidDepends', r.possibleCategories.join(t('iidOr')));
  const why = recorded ? t('iidCaseRecorded', decimal(r.spd.score), r.spd.maximum)
    : r.basis === 'SPD_UNKNOWN_ONE_CATEGORY'
      ? t('iidCaseOneCategory', decimal(r.indexLow), decimal(r.indexHigh), r.spdMaximum, r.category)
      : t('iidCaseRange', decimal(r.indexLow), decimal(r.indexHigh), r.spdMaximum);
  const points = (v) => decimal(Number(v) * 100 / r.totalMaximum);
  const affair = (m) => (i18n.lang === 'en' ? m.labelEn : m.labelId);
  const bands = [...r.thresholds].reverse();
  // An affair alone adds nothing while no innovation has a verified score (the average assumed is 0): not listed.
  const raising = (iid.improvements ?? []).filter((m) => Number(m.indexGain) > 0);
  main.querySelector('#kpi-iid').textContent = value;
  main.querySelector('#kpi-category').textContent = category;
  const body = main.querySelector('#iid-body');
  if (!body) return;
  body.innerHTML = `<div class="iid-grid"><div>
    <div class="gauge" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${esc(r.indexLow)}"
         aria-valuetext="${esc(`${value} · ${category}`)}" aria-label="${esc(t('iidIndex'))} ${esc(iid.period)}">
      ${bands.map((c, n) => `<div class="gauge-band band-${n}" data-from="${esc(c.minimum)}"></div>`).join('')}
      <div class="gauge-fill"></div>
      ${bands.slice(1).map((c) => `<div class="gauge-mark" data-at="${esc(c.minimum)}"></div>`).join('')}
    </div>
    <ol class="gauge-legend" id="iid-bands">${bands.map((c, n) => `<li class="band-${n}">${esc(c.name)} <span>≥ ${
    esc(decimal(c.minimum))}</span></li>`).join('')}</ol>
    <p class="gauge-text" id="iid-value"><strong>${esc(value)}</strong> · <span id="iid-category">${esc(category)}</span>
      (${esc(iid.period)})</p>
    <p id="iid-case" data-basis="${esc(r.basis)}">${esc(why)}</p>
    <p class="muted" id="iid-thresholds">${esc(t('iidThresholds'))}: ${r.thresholds.map((c) =>
    `${esc(c.name)} ≥ ${esc(decimal(c.minimum))}`).join(' · ')}</p>
    <h3>${esc(t('dashHowTitle'))}</h3>
    <ul class="iid-how" id="iid-components">
      <li id="iid-how-spd">${esc(recorded ? t('dashHowSpd', decimal(r.spd.score), r.spdMaximum, points(r.spd.score))
    : t('dashHowSpdNone', r.spdMaximum, points(r.spdMaximum)))}</li>
      <li id="iid-how-innovations">${esc(t('dashHowInnovations', number(r.verifiedSum), r.divisor,
    number(r.innovationsCounted), decimal(r.perInnovationComponent), points(r.perInnovationComponent)))}</li>
      <li id="iid-how-count">${esc(Number(r.countComponent) > 0
    ? t('dashHowCount', number(r.innovationsCounted), decimal(r.countComponent), points(r.countComponent))
    : t('dashHowCountZero', r.basicServicesCovered, r.basicServicesRequired))}</li>
      <li>${esc(t('dashHowIndex', r.totalMaximum))}</li>
    </ul>
    <dl class="iid-facts">
      <div><dt>${esc(t('iidCounted'))}</dt><dd>${esc(number(r.innovationsCounted))}</dd></div>
      ${r.notEligibleWindow || r.notEligibleDesign ? `<div><dt>${esc(t('iidNotEligible'))}</dt>
        <dd id="iid-not-eligible">${esc(t('iidNotEligibleOf', r.notEligibleWindow, r.notEligibleDesign))}</dd></div>` : ''}
      <div><dt>${esc(t('iidDivisor'))}</dt><dd>${esc(number(r.divisor))}</dd></div>
      <div><dt>${esc(t('iidPer'))}</dt><dd>${esc(decimal(r.perInnovationComponent))}</dd></div>
      <div><dt>${esc(t('iidCount'))}</dt><dd>${esc(decimal(r.countComponent))}</dd></div>
      <div><dt>${esc(t('iidAffairs'))}</dt><dd>${esc(t('iidAffairsOf', r.basicServicesCovered, r.basicServicesRequired))}</dd></div>
      <div><dt>${esc(t('iidSpd'))}</dt><dd>${esc(recorded ? `${decimal(r.spd.score)} / ${r.spd.maximum}`
    : t('iidSpdNone'))}</dd></div>
      <div><dt>${esc(t('iidClaimed'))}</dt><dd>${esc(decimal(r.claimedPerInnovationComponent))}</dd></div>
    </dl></div><div>
    <h3>${esc(t('dashRaiseTitle'))}</h3>
    ${raising.length ? `<ul class="raise" id="iid-improvements">${raising.map((m) =>
    `<li data-kind="${esc(m.kind)}">${esc(improvement(m, affair))} <strong>+${esc(decimal(m.indexGain))}</strong></li>`)
    .join('')}</ul><p class="muted small">${esc(t('dashRaiseNote'))}</p>` : `<p>${esc(t('dashRaiseNone'))}</p>`}
    <h3>${esc(t('missing'))}</h3>
    ${r.basicServicesMissing.length ? `<ul class="missing" id="iid-missing">${r.basicServicesMissing.map((m) =>
    `<li>${esc(affair(m))}</li>`).join('')}</ul>`
    : `<p>${esc(t('covered'))}</p>`}</div></div>`;
  // Through the CSSOM: the Content-Security-Policy refuses style attributes in markup.
  const at = (v) => `${Math.max(0, Math.min(100, Number(v)))}%`;
  body.querySelectorAll('.gauge-band').forEach((band, n, all) => {
    band.style.left = at(band.dataset.from);
    band.style.width = `calc(${at(all[n + 1]?.dataset.from ?? 100)} - ${at(band.dataset.from)})`;
  });
  body.querySelectorAll('.gauge-mark').forEach((mark) => { mark.style.left = at(mark.dataset.at); });
  const fill = body.querySelector('.gauge-fill');
  fill.style.left = recorded ? '0' : at(r.indexLow);
  fill.style.width = recorded ? at(r.index) : `calc(${at(r.indexHigh)} - ${at(r.indexLow)})`;
  fill.classList.toggle('range', !recorded);
}

/** One improvement in words. */
function improvement(m, affair) {
  if (m.kind === 'VERIFY_CLAIMS') return t('dashRaiseClaims');
  const names = m.affairs.map(affair).join(', ');
  if (m.kind === 'EARN_COUNT_SCORE') return t('dashRaiseCount', m.innovationsAdded, names, decimal(m.assumedScore));
  return t(m.earnsCountScore ? 'dashRaiseAffairEarns' : 'dashRaiseAffair', names, decimal(m.assumedScore));
}

function saveCsv(filename, rows) {
  const cell = (v) => {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  saveBlob(new Blob([rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }), filename);
}
