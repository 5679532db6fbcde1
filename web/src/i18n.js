// Bahasa Indonesia by default; English on request, remembered in localStorage.
// Each text as [Bahasa Indonesia, English].
const TEXT = {
  skip: ['Lewati ke konten', 'Skip to content'],
  brandSub: ['Pemerintah Kabupaten Bangka', 'Bangka Regency Government'],
  navMain: ['Utama', 'Main'],
  catalog: ['Katalog Inovasi', 'Innovation Catalogue'],
  dashboard: ['Dasbor', 'Dashboard'],
  console: ['Konsol Reviewer', 'Reviewer Console'],
  switchTo: ['English', 'Bahasa Indonesia'],
  footer: ['Bappeda Kabupaten Bangka · Registri inovasi daerah',
    'Bappeda of Bangka Regency · Regional innovation registry'],
  heroTitle: ['Katalog Inovasi Daerah', 'Regional Innovation Catalogue'],
  heroText: ['Inovasi perangkat daerah Kabupaten Bangka yang telah diverifikasi dan dipublikasikan.',
    'Innovations of the agencies of Bangka Regency, verified and published.'],
  search: ['Cari inovasi', 'Search innovations'],
  searchPlaceholder: ['contoh: layanan kesehatan desa', 'e.g. village health service'],
  searchButton: ['Cari', 'Search'],
  filters: ['Saring', 'Filter'],
  all: ['Semua', 'All'],
  clear: ['Hapus saringan', 'Clear filters'],
  sort: ['Urutkan', 'Sort'],
  sortNEWEST: ['Terbaru', 'Newest'],
  sortOLDEST: ['Terlama', 'Oldest'],
  sortTITLE: ['Judul (A-Z)', 'Title (A-Z)'],
  sortSCORE: ['Paling relevan', 'Most relevant'],
  field: ['Bidang', 'Field'],
  opdCode: ['OPD', 'Agency'],
  year: ['Tahun', 'Year'],
  stage: ['Tahapan', 'Stage'],
  kind: ['Jenis', 'Kind'],
  status: ['Status', 'Status'],
  found: [(n) => `${n.toLocaleString('id-ID')} inovasi ditemukan`,
    (n) => `${n.toLocaleString('en')} innovations found`],
  none: ['Tidak ada inovasi yang cocok.', 'No innovation matches.'],
  prev: ['Sebelumnya', 'Previous'],
  next: ['Berikutnya', 'Next'],
  pageOf: [(p, n) => `Halaman ${p} dari ${n}`, (p, n) => `Page ${p} of ${n}`],
  back: ['Kembali ke katalog', 'Back to the catalogue'],
  share: ['Salin tautan', 'Copy link'],
  copied: ['Tautan disalin', 'Link copied'],
  design: ['Deskripsi', 'Description'],
  goals: ['Tujuan', 'Goals'],
  benefits: ['Manfaat', 'Benefits'],
  results: ['Hasil', 'Results'],
  links: ['Tautan', 'Links'],
  video: ['Video', 'Video'],
  watch: ['Tonton video', 'Watch the video'],
  app: ['Aplikasi atau situs', 'Application or website'],
  documents: ['Dokumen', 'Documents'],
  trialDate: ['Uji coba', 'Trial'],
  implementationDate: ['Penerapan', 'Implementation'],
  initiator: ['Inisiator', 'Initiator'],
  form: ['Bentuk', 'Form'],
  affair: ['Urusan pemerintahan', 'Government affair'],
  notFound: ['Inovasi tidak ditemukan atau belum dipublikasikan.', 'Innovation not found or not published yet.'],
  loading: ['Memuat…', 'Loading…'],
  error: ['Terjadi kesalahan', 'Something went wrong'],
  retry: ['Coba lagi', 'Try again'],
  dashTitle: ['Dasbor Inovasi', 'Innovation Dashboard'],
  dashPublic: ['Angka publik: inovasi yang telah dipublikasikan.', 'Public numbers: published innovations.'],
  dashAll: ['Semua status (reviewer).', 'Every status (reviewer).'],
  live: ['Langsung', 'Live'],
  offline: ['Terputus, menyambung ulang…', 'Disconnected, reconnecting…'],
  updated: ['Diperbarui', 'Updated'],
  total: ['Jumlah inovasi', 'Innovations'],
  opds: ['OPD berinovasi', 'Innovating agencies'],
  iidIndex: ['Proyeksi indeks IID', 'Projected IID index'],
  iidCategory: ['Kategori proyeksi', 'Projected category'],
  byField: ['Menurut bidang', 'By field'],
  byOpd: ['Menurut OPD (10 teratas)', 'By agency (top 10)'],
  byYear: ['Menurut tahun', 'By year'],
  byStage: ['Menurut tahapan', 'By stage'],
  trend: ['Tren per bulan', 'Monthly trend'],
  received: ['Diterima', 'Received'],
  verified: ['Diverifikasi', 'Verified'],
  published: ['Dipublikasikan', 'Published'],
  iid: ['Proyeksi IID', 'IID projection'],
  iidCounted: ['Inovasi terhitung', 'Innovations counted'],
  iidPer: ['Komponen skor inovasi', 'Innovation score component'],
  iidCount: ['Komponen jumlah', 'Count component'],
  iidClaimed: ['Bila semua klaim OPD diterima', 'If every claim were accepted'],
  missing: ['Urusan pelayanan dasar yang belum tercakup', 'Basic-service affairs not yet covered'],
  covered: ['Semua urusan pelayanan dasar sudah tercakup.', 'Every basic-service affair is covered.'],
  csv: ['Unduh CSV', 'Download CSV'],
  csvOf: [(c) => `Unduh CSV: ${c}`, (c) => `Download CSV: ${c}`],
  count: ['Jumlah', 'Count'],
  signIn: ['Masuk', 'Sign in'],
  signOut: ['Keluar', 'Sign out'],
  apiKey: ['Kunci API reviewer', 'Reviewer API key'],
  signInText: ['Masuk dengan kunci API reviewer. Kunci hanya disimpan di tab ini (sessionStorage).',
    'Sign in with a reviewer API key. It is kept in this tab only (sessionStorage).'],
  badKey: ['Kunci tidak dikenal atau bukan kunci reviewer.', 'Unknown key, or not a reviewer key.'],
  signedIn: ['Masuk sebagai reviewer', 'Signed in as reviewer'],
  queue: ['Antrean tinjauan', 'Review queue'],
  queueEmpty: ['Antrean kosong.', 'The queue is empty.'],
  choose: ['Pilih inovasi dari antrean.', 'Choose an innovation from the queue.'],
  submitted: ['Diajukan', 'Submitted'],
  evidence: ['Bukti indikator IID', 'IID indicator evidence'],
  indicator: ['Indikator', 'Indicator'],
  weight: ['Bobot', 'Weight'],
  parameter: ['Parameter', 'Parameter'],
  given: ['Bukti', 'Evidence'],
  state: ['Status bukti', 'Evidence status'],
  actions: ['Tindakan', 'Actions'],
  noEvidence: ['Belum ada', 'None yet'],
  accept: ['Terima', 'Accept'],
  reject: ['Tolak', 'Reject'],
  note: ['Catatan reviewer (internal)', 'Reviewer note (internal)'],
  decide: ['Keputusan', 'Decision'],
  REQUEST_REVISION: ['Minta revisi', 'Request revision'],
  VERIFY: ['Verifikasi', 'Verify'],
  PUBLISH: ['Publikasikan', 'Publish'],
  ARCHIVE: ['Arsipkan', 'Archive'],
  PENDING: ['Menunggu', 'Pending'],
  ACCEPTED: ['Diterima', 'Accepted'],
  REJECTED: ['Ditolak', 'Rejected'],
  history: ['Riwayat', 'History'],
  scores: [(c, v) => `Skor klaim ${c} · terverifikasi ${v}`, (c, v) => `Claimed score ${c} · verified ${v}`],
  done: ['Tersimpan', 'Saved'],
  version: ['Versi', 'Version'],
  by: ['oleh', 'by'],
  CREATE: ['Pengajuan', 'Submission'],
  EVIDENCE: ['Bukti indikator', 'Evidence of indicator'],
  EVIDENCE_FILE_ADDED: ['Berkas bukti ditambahkan, indikator', 'Evidence file added, indicator'],
  EVIDENCE_FILE_REMOVED: ['Berkas bukti dihapus, indikator', 'Evidence file removed, indicator'],
  EVIDENCE_ACCEPTED: ['Bukti diterima, indikator', 'Evidence accepted, indicator'],
  EVIDENCE_REJECTED: ['Bukti ditolak, indikator', 'Evidence rejected, indicator'],
  REVISE: ['Revisi', 'Revision'],
  WITHDRAW: ['Penarikan', 'Withdrawal'],
  // IID by the period's rules (issue 21): the dashboard's IID card and the console's SPD form.
  iidDepends: [(c) => `${c}, tergantung nilai SPD`, (c) => `${c}, depending on the SPD`],
  iidOr: [' atau ', ' or '],
  iidCaseRecorded: [(s, m) => `Nilai SPD pemerintah daerah sudah dicatat (${s} dari ${m}): ini indeks penuh atas 250.`,
    (s, m) => `The regency's SPD is recorded (${s} of ${m}): this is the full index over 250.`],
  iidCaseOneCategory: [(lo, hi, m, c) => `Nilai SPD belum dicatat. Indeks antara ${lo} (SPD 0) dan ${hi} (SPD ${m}); `
    + `berapa pun nilai SPD-nya, kategorinya tetap ${c}.`,
  (lo, hi, m, c) => `The SPD is not recorded yet. The index lies between ${lo} (SPD 0) and ${hi} (SPD ${m}); `
    + `whatever the SPD, the category is ${c}.`],
  iidCaseRange: [(lo, hi, m) => `Nilai SPD belum dicatat. Indeks antara ${lo} (SPD 0) dan ${hi} (SPD ${m}), `
    + 'dan rentang itu melewati batas kategori: kategori resmi belum bisa dipastikan sampai Bappeda mencatat SPD.',
  (lo, hi, m) => `The SPD is not recorded yet. The index lies between ${lo} (SPD 0) and ${hi} (SPD ${m}), a range `
    + 'that crosses a category threshold: the official category is unknown until Bappeda records the SPD.'],
  iidThresholds: ['Batas kategori periode ini', "This period's thresholds"],
  iidDivisor: ['Pembagi (MAX minimum, n)', 'Divisor (MAX minimum, n)'],
  iidAffairs: ['Urusan pelayanan dasar tercakup', 'Basic-service affairs covered'],
  iidAffairsOf: [(c, r) => `${c} dari 6 (syarat ${r})`, (c, r) => `${c} of 6 (${r} required)`],
  iidSpd: ['Nilai SPD (indikator 1-15)', 'SPD score (indicators 1-15)'],
  iidSpdNone: ['Belum dicatat', 'Not recorded'],
  iidNotEligible: ['Tidak memenuhi syarat periode', "Not admitted by the period's rules"],
  iidNotEligibleOf: [(w, d) => `${w} di luar jendela penerapan, ${d} rancang bangun terlalu pendek`,
    (w, d) => `${w} implemented outside the window, ${d} with too short a design`],
  spdTitle: ['Nilai SPD pemerintah daerah (indikator 1-15)', "The regency's SPD (indicators 1-15)"],
  spdText: ['Dicatat oleh Bappeda per periode penilaian; indikator tanpa parameter bernilai 0. Bobot dari data periode.',
    'Recorded by Bappeda per assessment period; an indicator without a parameter scores 0. Weights from the period data.'],
  spdPeriod: ['Periode penilaian', 'Assessment period'],
  spdEvidence: ['Tautan bukti', 'Evidence link'],
  spdNone: ['– belum dinilai –', '– not assessed –'],
  spdSave: ['Simpan nilai SPD', 'Save the SPD'],
  spdSaved: [(v) => `Tersimpan sebagai versi ${v} dan dikirim ke statistik.`, (v) => `Saved as version ${v} and sent to statistics.`],
  spdRecordedBy: [(v, by, at) => `Versi ${v} oleh ${by}, ${at}`, (v, by, at) => `Version ${v} by ${by}, ${at}`],
  spdTotal: [(s, m) => `Nilai SPD: ${s} dari ${m}`, (s, m) => `SPD score: ${s} of ${m}`],
};

const STATUSES = {
  SUBMITTED: ['Diajukan', 'Submitted'],
  REVISION_REQUESTED: ['Perlu revisi', 'Revision requested'],
  VERIFIED: ['Terverifikasi', 'Verified'],
  PUBLISHED: ['Dipublikasikan', 'Published'],
  ARCHIVED: ['Diarsipkan', 'Archived'],
  WITHDRAWN: ['Ditarik', 'Withdrawn'],
};

let lang = localStorage.getItem('inovasi.lang') === 'en' ? 'en' : 'id';

export const i18n = {
  get lang() { return lang; },
  get locale() { return lang === 'en' ? 'en-GB' : 'id-ID'; },
  toggle() {
    lang = lang === 'en' ? 'id' : 'en';
    localStorage.setItem('inovasi.lang', lang);
  },
};

/** The text of a key in the current language; functions are called with the arguments. */
export function t(key, ...args) {
  const value = TEXT[key]?.[lang === 'en' ? 1 : 0] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/** A status in words. */
export function statusLabel(status) {
  return STATUSES[status]?.[lang === 'en' ? 1 : 0] ?? status;
}

/** An enum name humanised, as stats does for English: DIGITAL_SERVICE -> "Digital service". */
export function humanise(code) {
  const words = String(code).toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDate(value) {
  return value ? new Date(value).toLocaleDateString(i18n.locale, { day: 'numeric', month: 'long', year: 'numeric' })
    : '–';
}
