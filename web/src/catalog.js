// Katalog Inovasi: search, filters with facet counts, result cards and one page per innovation.
import { api, esc, labels } from './api.js';
import { formatDate, statusLabel, t } from './i18n.js';

/** Every filter of the search API with facets, in the order offered. */
const FILTERS = ['field', 'opdCode', 'year', 'stage', 'kind', 'form', 'source', 'programme', 'governmentAffair'];
/** The search API's year range, offered from the years the year facet knows. */
const RANGE = ['yearFrom', 'yearTo'];
/** The search parameters an export takes over (the export answers every match, not a page). */
const EXPORTED = ['q', ...FILTERS, ...RANGE, 'sort'];
/** The label of a filter whose name is not its text key. */
const FILTER_LABELS = { governmentAffair: 'affair' };
const WIDE = '(min-width: 861px)';
const SORTS = ['RELEVANCE', 'NEWEST', 'SCORE', 'TITLE', 'OLDEST'];
const SUGGEST_DELAY_MS = 150;
const SIZE = 12;

function hashOf(params) {
  const query = new URLSearchParams([...params].filter(([, v]) => v !== '')).toString();
  return `#/katalog${query ? `?${query}` : ''}`;
}

function problem(main, error) {
  main.innerHTML = `<div class="notice" role="alert"><p>${esc(t('error'))}: ${esc(error.message)}</p>
    <button type="button" class="button" id="retry">${esc(t('retry'))}</button></div>`;
  main.querySelector('#retry').addEventListener('click', () => window.dispatchEvent(new HashChangeEvent('hashchange')));
}

export async function renderCatalog(main, params) {
  const query = new URLSearchParams(params);
  query.set('size', SIZE);
  query.set('page', params.get('page') ?? '0');
  if (!main.querySelector('#catalog')) main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  let page;
  let label;
  try {
    [page, label] = await Promise.all([api(`/api/v1/innovations?${query}`, { anonymous: true }), labels()]);
  } catch (e) {
    problem(main, e);
    return;
  }
  const pages = Math.max(1, Math.ceil(page.total / SIZE));
  const defaultSort = params.get('q') ? 'RELEVANCE' : 'NEWEST';
  const current = Number(query.get('page')) + 1;
  const chosen = [...FILTERS, ...RANGE].filter((f) => params.get(f));
  // Folded on a phone until opened or a filter is chosen; it stays as it was while the search changes.
  const open = main.querySelector('#filters')?.open || chosen.length > 0 || matchMedia(WIDE).matches;
  main.innerHTML = `
    <section class="hero" id="catalog">
      <h1>${esc(t('heroTitle'))}</h1>
      <p class="hero-text">${esc(t('heroText'))}</p>
      <form class="search" role="search" id="search-form">
        <label for="q">${esc(t('search'))}</label>
        <div class="search-row">
          <input type="search" id="q" name="q" value="${esc(params.get('q') ?? '')}"
                 placeholder="${esc(t('searchPlaceholder'))}" autocomplete="off" list="q-suggestions">
          <datalist id="q-suggestions"></datalist>
          <button type="submit" class="button primary" id="search-button">${esc(t('searchButton'))}</button>
        </div>
      </form>
    </section>
    <div class="catalog-layout">
      <details class="filters" id="filters" ${open ? 'open' : ''}>
        <summary id="filters-title"><h2>${esc(t('filters'))}</h2>
          ${chosen.length ? `<span class="chip" id="filters-active">${esc(t('filtersActive', chosen.length))}</span>`
            : ''}</summary>
        <div class="filter-grid">
          ${FILTERS.map((f) => select(f, page.facets?.[f] ?? {}, params.get(f), label)).join('')}
          ${RANGE.map((f) => yearBound(f, page.facets?.year ?? {}, params.get(f))).join('')}
          <div><label for="sort">${esc(t('sort'))}</label>
          <select id="sort">${SORTS.map((s) => `<option value="${s}" ${(params.get('sort') ?? defaultSort) === s
            ? 'selected' : ''}>${esc(t(`sort${s}`))}</option>`).join('')}</select></div>
        </div>
        <a class="clear" href="#/katalog" id="clear-filters">${esc(t('clear'))}</a>
      </details>
      <section class="results" aria-labelledby="result-count">
        <div class="results-head">
          <h2 id="result-count" aria-live="polite">${esc(t('found', page.total))}</h2>
          ${page.total ? `<p class="exports" id="exports">${esc(t('exportAll'))}
            <a href="${esc(exportHref(params, 'csv'))}" id="export-csv" download>CSV</a>
            <a href="${esc(exportHref(params, 'xlsx'))}" id="export-xlsx" download>XLSX</a></p>` : ''}
        </div>
        ${page.items.length ? `<ul class="cards" id="results">${page.items.map((i) => card(i, label)).join('')}</ul>`
          : `<p class="notice">${esc(t('none'))}</p>`}
        ${pages > 1 ? `<nav class="pager" aria-label="${esc(t('pageOf', current, pages))}">
          ${pageLink('prev', current > 1 && pageHash(params, current - 2))}
          <span>${esc(t('pageOf', current, pages))}</span>
          ${pageLink('next', current < pages && pageHash(params, current))}
        </nav>` : ''}
      </section>
    </div>`;
  main.querySelector('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    // A new query is ranked by relevance (the API's default with a text), whatever order the last one had.
    navigate(params, { q: main.querySelector('#q').value.trim(), sort: '' });
  });
  main.querySelectorAll('.filters select').forEach((el) => el.addEventListener('change', () => {
    navigate(params, { [el.id === 'sort' ? 'sort' : el.name]: el.value });
  }));
  suggestTitles(main.querySelector('#q'), main.querySelector('#q-suggestions'));
}

/** Titles completing what is typed, offered by the search box (the browser's own list). */
function suggestTitles(input, list) {
  let timer;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2 || typed === asked) return;
    timer = setTimeout(async () => {
      asked = typed;
      try {
        const found = await api(`/api/v1/innovations/suggest?q=${encodeURIComponent(typed)}`, { anonymous: true });
        if (input.value.trim() !== typed) return;
        list.innerHTML = found.map((s) => `<option value="${esc(s.title)}"></option>`).join('');
      } catch {
        list.innerHTML = '';
      }
    }, SUGGEST_DELAY_MS);
  });
}

/** A highlight from the search: already HTML-escaped by the service; only its <mark> tags are kept as markup. */
function marked(html) {
  return String(html ?? '').replace(/<(?!\/?mark>)[^>]*>/gi, '');
}

/** The export of everything the current search matches, in the page's order (the export defaults as the search does). */
function exportHref(params, format) {
  const query = new URLSearchParams(EXPORTED.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
  query.set('format', format);
  return `/api/v1/innovations/export?${query}`;
}

function navigate(params, change) {
  const next = new URLSearchParams(params);
  Object.entries(change).forEach(([k, v]) => next.set(k, v));
  next.delete('page');
  location.hash = hashOf(next);
}

function pageLink(id, href) {
  return `<a class="button" id="${id}" ${href ? `href="${href}"` : 'aria-disabled="true"'}>${esc(t(id))}</a>`;
}

function pageHash(params, page) {
  const next = new URLSearchParams(params);
  next.set('page', page);
  return hashOf(next);
}

function select(name, counts, chosen, label) {
  const values = Object.entries(counts).sort(([a, x], [b, y]) => (name === 'year' ? b.localeCompare(a) : y - x));
  if (chosen && !counts[chosen]) values.unshift([chosen, 0]);
  return `<div><label for="filter-${name}">${esc(t(FILTER_LABELS[name] ?? name))}</label>
    <select id="filter-${name}" name="${name}">
      <option value="">${esc(t('all'))}</option>
      ${values.map(([value, count]) => `<option value="${esc(value)}" ${value === chosen ? 'selected' : ''}>
        ${esc(label.of(name, value))} (${count})</option>`).join('')}
    </select></div>`;
}

/** A bound of the year range: any year the catalogue holds (the year facet's values), newest first. */
function yearBound(name, years, chosen) {
  const values = Object.keys(years);
  if (chosen && !values.includes(chosen)) values.push(chosen);
  values.sort((a, b) => b.localeCompare(a));
  return `<div><label for="filter-${name}">${esc(t(name))}</label>
    <select id="filter-${name}" name="${name}">
      <option value="">${esc(t('all'))}</option>
      ${values.map((y) => `<option value="${esc(y)}" ${y === chosen ? 'selected' : ''}>${esc(y)}</option>`).join('')}
    </select></div>`;
}

function card(innovation, label) {
  return `<li class="card">
    <a href="#/inovasi/${esc(innovation.id)}" class="card-link">
      <span class="chip field">${esc(label.of('field', innovation.field))}</span>
      <h3 lang="id">${innovation.highlight?.title ? marked(innovation.highlight.title) : esc(innovation.title)}</h3>
      <p class="opd">${esc(label.of('opdCode', innovation.opdCode))}</p>
      <p class="excerpt" lang="id">${innovation.highlight?.text ? marked(innovation.highlight.text)
        : esc(excerpt(innovation.benefits || innovation.goals || innovation.design))}</p>
      <p class="meta"><span>${esc(innovation.year)}</span><span>${esc(label.of('stage', innovation.stage))}</span>
        <span>${esc(label.of('kind', innovation.kind))}</span></p>
    </a>
  </li>`;
}

function excerpt(text) {
  const plain = String(text ?? '');
  return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
}

export async function renderInnovation(main, id) {
  main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  let innovation;
  let label;
  try {
    [innovation, label] = await Promise.all([
      api(`/api/v1/innovations/${encodeURIComponent(id)}`, { anonymous: true }), labels()]);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      main.innerHTML = `<p class="notice" role="alert">${esc(t('notFound'))}</p>
        <p><a href="#/katalog">${esc(t('back'))}</a></p>`;
    } else {
      problem(main, e);
    }
    return;
  }
  main.innerHTML = `<article class="detail" id="innovation">${innovationBody(innovation, label)}</article>`;
  document.title = `${innovation.title} · Inovasi Bangka`;
  const address = sharedAddress(innovation.id);
  main.querySelector('#share').addEventListener('click', () => copyLink(main, address));
  printProfile(main, address);
  await showSimilar(main, innovation.id, label);
}

/** The innovation's own address: the gateway serves it with the innovation's title and summary for link previews. */
export function sharedAddress(id) {
  return `${location.origin}/inovasi/${encodeURIComponent(id)}`;
}

/** Copies the address, or says that the browser refused and offers it selected for copying by hand. */
async function copyLink(main, address) {
  const status = main.querySelector('#share-status');
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(address);
    status.innerHTML = `<span class="copied">${esc(t('copied'))}</span>`;
  } catch {
    status.innerHTML = `<span class="error">${esc(t('copyRefused'))}</span>
      <label for="share-address" class="visually-hidden">${esc(t('shareAddress'))}</label>
      <input id="share-address" class="share-address" readonly value="${esc(address)}">`;
    status.querySelector('input').select();
  }
}

/** The page's address as a QR code on the printed profile (the library is loaded with this page only). */
async function printProfile(main, address) {
  const figure = main.querySelector('#print-qr');
  try {
    const { default: QRCode } = await import('qrcode');
    const svg = await QRCode.toString(address, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    if (!figure.isConnected) return;
    figure.insertAdjacentHTML('afterbegin', svg);
    figure.querySelector('svg').setAttribute('aria-hidden', 'true');
  } catch {
    figure.remove();
  }
}

/** "Inovasi serupa": innovations like this one, for OPDs looking for one to replicate; nothing when none. */
async function showSimilar(main, id, label) {
  let similar;
  try {
    similar = await api(`/api/v1/innovations/${encodeURIComponent(id)}/similar`, { anonymous: true });
  } catch {
    return;
  }
  if (!similar.length || !main.querySelector('#innovation')) return;
  main.insertAdjacentHTML('beforeend', `<section class="results" id="similar" aria-labelledby="similar-title">
    <h2 id="similar-title">${esc(t('similar'))}</h2>
    <ul class="cards">${similar.map((i) => card(i, label)).join('')}</ul></section>`);
}

/** The record as people read it, every public field; the reviewer console shows the same. */
export function innovationBody(i, label, { back = true, afterHead = '' } = {}) {
  const links = i.links ?? {};
  const secondary = (i.secondaryAffairs ?? []).map((a) => label.of('governmentAffair', a)).join(', ');
  const facts = [
    ['opdCode', label.of('opdCode', i.opdCode)], ['field', label.of('field', i.field)],
    ['year', i.year], ['stage', label.of('stage', i.stage)], ['kind', label.of('kind', i.kind)],
    ['form', label.of('form', i.form)], ['affair', label.of('governmentAffair', i.governmentAffair)],
    ...(secondary ? [['secondaryAffairs', secondary]] : []),
    ['source', label.of('source', i.source)], ['programme', label.of('programme', i.programme)],
    ['initiatorType', label.of('initiatorType', i.initiatorType)],
    ...(i.initiatorName ? [['initiator', i.initiatorName]] : []),
    ['trialDate', formatDate(i.trialDate)], ['implementationDate', formatDate(i.implementationDate)],
    ['lastChanged', formatDate(i.updatedAt)],
    ...(i.status !== 'PUBLISHED' ? [['status', statusLabel(i.status)]] : []),
  ];
  const texts = ['design', 'goals', 'benefits', 'results'].filter((k) => i[k]);
  const documents = links.documents ?? [];
  return `
    ${back ? `<p class="no-print"><a href="#/katalog" class="back">← ${esc(t('back'))}</a></p>` : ''}
    <header class="detail-head">
      <span class="chip field">${esc(label.of('field', i.field))}</span>
      <h1 id="innovation-title" lang="id">${esc(i.title)}</h1>
      <p class="opd">${esc(label.of('opdCode', i.opdCode))} · ${esc(i.year)}</p>
      ${back ? `<p class="share no-print"><button type="button" class="button" id="share">${esc(t('share'))}</button>
        <span id="share-status" role="status"></span></p>` : ''}
    </header>
    ${afterHead}
    <div class="detail-layout">
      <div class="detail-text">
        ${texts.map((k) => `<section><h2>${esc(t(k))}</h2><p id="text-${k}" lang="id">${esc(i[k])}</p></section>`).join('')}
      </div>
      <aside class="facts">
        <dl>${facts.map(([k, v]) => `<div><dt>${esc(t(k))}</dt><dd id="fact-${k}">${esc(v)}</dd></div>`).join('')}</dl>
        ${links.videoUrl ? `<h2>${esc(t('video'))}</h2><p><a class="button primary" id="video-link"
          href="${esc(safeUrl(links.videoUrl))}" rel="noopener noreferrer" target="_blank">▶ ${esc(t('watch'))}
          (${esc(host(links.videoUrl))})</a></p>` : ''}
        ${links.appUrl || documents.length ? `<h2>${esc(t('links'))}</h2><ul class="links" id="links">
          ${links.appUrl ? `<li><a href="${esc(safeUrl(links.appUrl))}" rel="noopener noreferrer" target="_blank">
            ${esc(t('app'))}: ${esc(host(links.appUrl))}</a></li>` : ''}
          ${documents.map((d) => `<li><a href="${esc(safeUrl(d))}" rel="noopener noreferrer" target="_blank">
            ${esc(linkText(d))}</a></li>`).join('')}</ul>` : ''}
      </aside>
    </div>
    ${back ? `<figure class="print-qr" id="print-qr"><figcaption>${esc(t('printAddress'))}<br>
      <span class="print-address">${esc(sharedAddress(i.id))}</span></figcaption></figure>` : ''}`;
}

/** Where a link goes, in words: its site, without "www.". */
function host(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A document link named by its file (or last path segment) and its site: "sk-bupati.pdf (bangka.go.id)". */
export function linkText(url) {
  try {
    const parsed = new URL(url);
    const segment = parsed.pathname.split('/').filter(Boolean).pop();
    const name = segment ? decodeURIComponent(segment) : '';
    return name ? `${name} (${host(url)})` : host(url);
  } catch {
    return url;
  }
}

/** Only http(s) links become hrefs (the intake checks this too). */
export function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : '#';
}
