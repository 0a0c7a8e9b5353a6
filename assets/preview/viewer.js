// The preview page: the EPUB in foliate-js beside the PDF in pdf.js. The two follow each other by
// the print page numbers both editions carry: the EPUB's page-list and the PDF's page labels
// (broadsheet writes them from one page map), so "page 12" is the same place in both.
import '/vendor/foliate/view.js';

const pdfjsLib = await import('/vendor/pdfjs/build/pdf.mjs');
globalThis.pdfjsLib = pdfjsLib; // pdf_viewer.mjs finds the library here
pdfjsLib.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.mjs';
const { EventBus, PDFLinkService, PDFViewer } = await import('/vendor/pdfjs/web/pdf_viewer.mjs');

const $ = (id) => document.getElementById(id);
const SAVED = 'broadsheet-preview-place';

const status = await (await fetch('/status.json', { cache: 'no-store' })).json();
let generation = status.generation;
showStatus(status);
listen();

const saved = JSON.parse(sessionStorage.getItem(SAVED) ?? 'null');
const wanted = new URLSearchParams(location.search).get('pub') ?? saved?.pub;
const pub = status.publications.find((p) => p.slug === wanted) ?? status.publications[0];
if (pub) await open(pub, saved?.pub === pub.slug ? saved.label : undefined);

async function open(pub, label) {
  $('title').textContent = pub.title;
  document.title = `${pub.title} — broadsheet preview`;
  choosePublication(pub);
  showAccessibility(pub.accessibility);

  const view = document.createElement('foliate-view');
  $('epub').append(view);
  await view.open(`/files/${pub.epub}`);
  view.renderer.setAttribute('max-column-count', '1');
  const book = view.book;
  const pages = book.pageList ?? [];
  const docOf = (href) => href.split('#')[0];
  const articles = flatten(book.toc ?? []).filter((item) => !item.href.includes('#') && pages.some((p) => docOf(p.href) === item.href));

  const container = $('pdf');
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const pdfViewer = new PDFViewer({ container, viewer: $('pdf-viewer'), eventBus, linkService });
  linkService.setViewer(pdfViewer);
  const pdf = await pdfjsLib.getDocument({
    url: `/files/${pub.pdf}`,
    cMapUrl: '/vendor/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
    wasmUrl: '/vendor/pdfjs/wasm/',
  }).promise;
  const labels = (await pdf.getPageLabels()) ?? [];
  const pdfPageOf = (l) => labels.indexOf(l) + 1; // 0 when the PDF has no such page
  const ready = new Promise((resolve) => eventBus.on('pagesinit', resolve));
  pdfViewer.setDocument(pdf);
  linkService.setDocument(pdf);
  await ready;
  pdfViewer.currentScaleValue = 'page-width';

  // Which pane the reader moved last: the other one follows, and its own move does not echo back.
  let leader = 'epub';
  let current = label;
  const place = (l, source) => {
    if (l === undefined || l === current) return;
    current = l;
    sessionStorage.setItem(SAVED, JSON.stringify({ pub: pub.slug, label: l }));
    $('epub-where').textContent = $('pdf-where').textContent = `page ${l}`;
    const article = [...articles].reverse().find((a) => pages.findIndex((p) => docOf(p.href) === a.href) <= pages.findIndex((p) => p.label === l));
    for (const li of $('article-list').querySelectorAll('button')) li.setAttribute('aria-current', String(li.dataset.href === article?.href));
    if (source === 'epub' && pdfPageOf(l) > 0) pdfViewer.currentPageNumber = pdfPageOf(l);
    document.body.dataset.page = l;
    if (source === 'pdf') {
      const target = pages.find((p) => p.label === l);
      if (target) view.goTo(target.href);
    }
  };
  view.addEventListener('relocate', (e) => {
    if (leader === 'epub') place(pageAt(e.detail.range), 'epub');
  });
  eventBus.on('pagechanging', ({ pageNumber }) => {
    document.body.dataset.pdfPage = String(pageNumber);
    if (leader === 'pdf') place(labels[pageNumber - 1], 'pdf');
  });
  $('epub').addEventListener('pointerdown', () => (leader = 'epub'));
  view.addEventListener('load', ({ detail }) => detail.doc.addEventListener('pointerdown', () => (leader = 'epub')));
  container.addEventListener('pointerdown', () => (leader = 'pdf'));
  container.addEventListener('wheel', () => (leader = 'pdf'), { passive: true });
  container.addEventListener('keydown', () => (leader = 'pdf'));
  $('epub-prev').addEventListener('click', () => ((leader = 'epub'), view.prev()));
  $('epub-next').addEventListener('click', () => ((leader = 'epub'), view.next()));

  const list = $('article-list');
  list.replaceChildren(
    ...articles.map((a) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = a.label;
      button.dataset.href = a.href;
      button.addEventListener('click', async () => {
        leader = 'epub';
        await view.goTo(a.href);
        const first = pages.find((p) => docOf(p.href) === a.href);
        if (first && pdfPageOf(first.label) > 0) pdfViewer.currentPageNumber = pdfPageOf(first.label);
      });
      li.append(button);
      return li;
    }),
  );

  const start = pages.find((p) => p.label === label) ?? pages[0];
  if (start) {
    await view.goTo(start.href);
    if (pdfPageOf(start.label) > 0) pdfViewer.currentPageNumber = pdfPageOf(start.label);
  } else await view.renderer.next();
  document.body.dataset.ready = 'true';
}

// The print page the reader is on: the last page break at or before the top of the visible text,
// else the first one of the document (the part of its first page before the break).
function pageAt(range) {
  if (!range) return undefined;
  const doc = range.startContainer.ownerDocument ?? range.startContainer;
  const breaks = [...doc.querySelectorAll('[role="doc-pagebreak"]')];
  let label = breaks[0]?.getAttribute('aria-label') ?? undefined;
  for (const el of breaks) {
    const at = doc.createRange();
    at.selectNode(el);
    if (at.compareBoundaryPoints(Range.START_TO_START, range) > 0) break;
    label = el.getAttribute('aria-label') ?? label;
  }
  return label;
}

function flatten(items) {
  return items.flatMap((item) => [item, ...flatten(item.subitems ?? [])]);
}

function choosePublication(pub) {
  if (status.publications.length < 2) return;
  const select = $('pub');
  select.replaceChildren(...status.publications.map((p) => new Option(p.title, p.slug, false, p.slug === pub.slug)));
  select.addEventListener('change', () => {
    location.search = `?pub=${encodeURIComponent(select.value)}`;
  });
  $('pub-choice').hidden = false;
}

function showStatus(s) {
  const state = $('state');
  state.className = s.state;
  state.textContent = s.state === 'building' ? 'building…' : s.state === 'failed' ? 'build failed' : `built (${s.publications.length} publication${s.publications.length === 1 ? '' : 's'})`;
  const items = (lines) => lines.map((line) => Object.assign(document.createElement('li'), { textContent: line }));
  $('errors-box').hidden = s.errors.length === 0;
  $('errors').replaceChildren(...items(s.errors));
  $('warnings').replaceChildren(...(s.warnings.length > 0 ? items(s.warnings) : items(['none'])));
  if (s.publications.length === 0 && s.state !== 'building') $('title').textContent = 'nothing built yet';
}

function showAccessibility(a) {
  $('a11y-conforms').textContent = a.conformsTo ? `Conforms to: ${a.conformsTo}` : 'No conformance claimed.';
  $('a11y-summary').textContent = a.summary ?? '';
  $('a11y-features').textContent = a.features.length > 0 ? `Features: ${a.features.join(', ')}` : '';
}

// Each rebuild: the new status at once, and a reload when new editions were written.
function listen() {
  const events = new EventSource('/events');
  events.addEventListener('status', (e) => {
    const next = JSON.parse(e.data);
    if (next.generation > generation) {
      generation = next.generation;
      location.reload();
      return;
    }
    showStatus(next);
  });
}
