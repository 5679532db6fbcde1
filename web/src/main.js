// Hash routes, so every search, innovation and console view has a shareable URL without server-side routing:
// #/katalog?q=&field=..., #/inovasi/<id>, #/dasbor, #/konsol[/<id>], #/opd[/baru|/<id>]. An innovation's shared
// address /inovasi/<id> (which the gateway serves with its title for link previews) shows it while there is no hash.
// The catalogue, where most visits start, comes with the page; the other views (the dashboard with the chart
// library) load when first shown.
import './style.css';
import { esc } from './api.js';
import { i18n, t } from './i18n.js';
import { renderCatalog, renderInnovation } from './catalog.js';
import { completeSignIn } from './auth.js';

const views = {
  dasbor: () => import('./dashboard.js').then((m) => m.renderDashboard),
  konsol: () => import('./console.js').then((m) => m.renderConsole),
  opd: () => import('./opd.js').then((m) => m.renderOpd),
};

const main = document.getElementById('main');
let cleanup = () => {};
let shown = null;

function route() {
  const shared = location.hash ? null : location.pathname.match(/^\/inovasi\/([^/]+)\/?$/);
  const [path, query = ''] = (shared ? `inovasi/${shared[1]}` : location.hash.replace(/^#\/?/, '')).split('?');
  const [page, id] = path.split('/');
  const params = new URLSearchParams(query);
  const section = { inovasi: 'katalog', dasbor: 'dasbor', konsol: 'konsol', opd: 'opd' }[page] ?? 'katalog';
  const titles = { katalog: 'catalog', dasbor: 'dashboard', konsol: 'console', opd: 'opdSpace' };
  document.title = `${t(titles[section])} · Inovasi Bangka`;
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  // Within the same view (a new filter, a new page) focus stays where it was; a new view focuses its content.
  const keepFocus = shown === page ? document.activeElement?.id : null;
  const moved = shown !== null && shown !== page;
  shown = page;
  cleanup();
  cleanup = () => {};
  main.setAttribute('aria-busy', 'true');
  const view = page === 'inovasi' ? renderInnovation(main, id)
    : views[page] ? views[page]().then((render) => render(main, id))
      : renderCatalog(main, params);
  const hash = location.hash;
  Promise.resolve(view).catch(() => {
    if (hash === location.hash) main.innerHTML = `<p class="error" role="alert">${esc(t('viewFailed'))}</p>`;
  }).then((stop) => {
    const stops = typeof stop === 'function';
    if (hash !== location.hash) {
      if (stops) stop();
      return;
    }
    if (stops) cleanup = stop;
    // Which URL the content shows: browser tests wait for it.
    main.dataset.view = hash;
    main.removeAttribute('aria-busy');
    if (keepFocus) document.getElementById(keepFocus)?.focus();
    else if (moved) {
      main.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  });
}

function applyLanguage() {
  document.documentElement.lang = i18n.lang;
  const texts = { 'skip-link': 'skip', 'brand-sub': 'brandSub', 'nav-katalog': 'catalog', 'nav-dasbor': 'dashboard',
    'footer-konsol': 'console', 'nav-opd': 'opdSpace', 'footer-text': 'footer' };
  Object.entries(texts).forEach(([id, key]) => { document.getElementById(id).textContent = t(key); });
  document.getElementById('nav').setAttribute('aria-label', t('navMain'));
  const switcher = document.getElementById('lang-switch');
  switcher.textContent = t('switchTo');
  switcher.lang = i18n.lang === 'en' ? 'id' : 'en';
}

// The skip link moves focus without touching the hash, which holds the route.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
document.getElementById('lang-switch').addEventListener('click', () => {
  i18n.toggle();
  applyLanguage();
  route();
});
window.addEventListener('hashchange', route);
// The back-forward cache keeps the page only without open connections: the view stops (the dashboard closes its
// stream) when the page is hidden, and shows itself again, fresh, when the browser brings the page back.
window.addEventListener('pagehide', () => {
  cleanup();
  cleanup = () => {};
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) route();
});
applyLanguage();
// Back from the OIDC provider (?code=&state=): the token first, then the page the sign-in started from.
completeSignIn().then(route);
