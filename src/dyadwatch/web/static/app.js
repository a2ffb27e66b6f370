// dyadwatch dashboard: the little the pages need beyond links and forms. No library; text goes in through
// textContent only, never as HTML.
'use strict';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function monthLabel(m) {
  const parts = /^(\d{4})-(\d{2})$/.exec(m || '');
  return parts ? `${MONTHS[Number(parts[2]) - 1]} ${parts[1]}` : (m || 'undated');
}

function dayLabel(value) {
  if (!value) return 'undated';
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (d) return `${Number(d[3])} ${MONTHS[Number(d[2]) - 1]} ${d[1]}`;
  return /^\d{4}-\d{2}$/.test(value) ? monthLabel(value) : value;
}

function scoreText(v) {
  if (v === null || v === undefined) return '–';
  if (Math.abs(v) < 0.05) return '0.0';
  return (v > 0 ? '+' : '−') + Math.abs(v).toFixed(1);
}

function scorePill(v) {
  const cls = v === null || v === undefined || Math.abs(v) < 0.05 ? 'zero' : (v > 0 ? 'pos' : 'neg');
  return el('span', { className: `score ${cls}`, text: scoreText(v) });
}

function short(text, n) {
  const t = (text || '').split(/\s+/).join(' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n - 1);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length) + ' …';
}

function shortDoc(id) {
  const s = String(id || '?');
  return s.length > 12 && /^[0-9a-f]+$/.test(s) ? s.slice(0, 8) + '…' : s;
}

function docUrl(docId, eventId) {
  return `/doc/${encodeURIComponent(docId)}` + (eventId ? `?event=${encodeURIComponent(eventId)}#focus` : '');
}

// Rows and highlights with data-href follow it when clicked (unless a real link inside was clicked, or text
// was being selected).
document.addEventListener('click', (e) => {
  const target = e.target.closest('[data-href]');
  if (!target || e.target.closest('a, button, input, select, label')) return;
  if (String(window.getSelection() || '').length) return;
  const href = target.getAttribute('data-href');
  if (href && href.startsWith('/')) window.location.assign(href);
});

// --- document page ---------------------------------------------------------------------------------------
function initDocument() {
  const article = document.getElementById('article');
  for (const box of document.querySelectorAll('input[data-layer]')) {
    box.addEventListener('change', () => article.classList.toggle(`hide-${box.dataset.layer}`, !box.checked));
  }
  const focus = document.getElementById('focus');
  if (focus) {
    focus.scrollIntoView({ block: 'center' });
    focus.classList.add('flash');
  }
}

// --- dyad page: brush the tone chart, filter the events through the API ----------------------------------
function initDyad() {
  const form = document.getElementById('event-filters');
  const table = document.getElementById('events-table');
  if (!form || !table) return;
  const tbody = table.querySelector('tbody');
  const count = document.getElementById('event-count');
  const figure = document.querySelector('figure.brushable');
  const months = figure ? [...figure.querySelectorAll('svg .month')] : [];
  const since = form.elements.since;
  const until = form.elements.until;
  const hint = document.getElementById('brush-hint');
  const hintText = hint ? hint.textContent : '';
  let request = 0;

  function choose(select, value) {
    if (value && ![...select.options].some((o) => o.value === value)) {
      const option = new Option(monthLabel(value), value);
      const later = [...select.options].find((o) => o.value && o.value > value);
      select.add(option, later || null);
    }
    select.value = value || '';
  }

  function markMonths() {
    const lo = since.value;
    const hi = until.value;
    for (const g of months) {
      const m = g.dataset.month;
      g.classList.toggle('sel', Boolean((lo || hi) && (!lo || m >= lo) && (!hi || m <= hi)));
    }
  }

  function row(e) {
    const url = docUrl(e.doc_id, e.id);
    const status = e.status || 'asserted';
    return el('tr', { 'data-href': url },
      el('td', { className: 'nowrap', text: dayLabel(e.date || e.published) }),
      el('td', {}, el('span', { className: 'badge type', text: e.type })),
      el('td', { className: 'num' }, scorePill(e.score)),
      el('td', {}, el('span', { className: 'pair',
        text: `${(e.source || '?').replaceAll('+', ' + ')} → ${(e.target || '?').replaceAll('+', ' + ')}` })),
      el('td', {}, el('span', { className: status === 'asserted' ? 'badge' : 'badge warn', text: status })),
      el('td', { className: 'evcell' }, el('a', { href: url, className: 'evidence-link', text: short(e.evidence, 190) }),
        ' ', el('span', { className: 'ref', text: shortDoc(e.doc_id) })));
  }

  async function apply() {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? '?' + query : ''}#events`);
    markMonths();
    const mine = ++request;
    tbody.classList.add('loading');
    params.set('limit', '500');
    try {
      const response = await fetch(`${form.dataset.api}?${params}`, { headers: { Accept: 'application/json' } });
      const data = await response.json();
      if (mine !== request) return;
      if (!response.ok) throw new Error(data.detail || response.statusText);
      tbody.replaceChildren(...data.events.map(row));
      if (!data.events.length) {
        tbody.append(el('tr', { className: 'empty' }, el('td', { colspan: '6', className: 'none',
          text: 'No event matches these filters.' })));
      }
      count.textContent = data.total > data.events.length
        ? `showing the latest ${data.events.length.toLocaleString('en')} of ${data.total.toLocaleString('en')}`
        : `${data.total.toLocaleString('en')} event${data.total === 1 ? '' : 's'}`;
      if (hint) {
        if (since.value || until.value) {
          const period = since.value === until.value ? monthLabel(since.value)
            : `${since.value ? monthLabel(since.value) : 'start'} – ${until.value ? monthLabel(until.value) : 'end'}`;
          hint.replaceChildren(`${period}: `, el('a', { href: '#events', text: `${count.textContent} below` }),
            ' · Esc clears');
        } else {
          hint.textContent = hintText;
        }
      }
    } catch (err) {
      if (mine === request) count.textContent = `could not load the events: ${err.message}`;
    } finally {
      if (mine === request) tbody.classList.remove('loading');
    }
  }

  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  const reset = form.querySelector('a.reset');
  function clear() {
    for (const select of form.querySelectorAll('select')) select.value = '';
    apply();
  }
  reset.addEventListener('click', (e) => { e.preventDefault(); clear(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && (since.value || until.value)) { choose(since, ''); choose(until, ''); apply(); }
  });

  if (months.length) {
    let anchor = null;
    let last = null;
    const indexOf = (node) => months.indexOf(node && node.closest ? node.closest('.month') : null);
    const paint = (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      months.forEach((g, i) => g.classList.toggle('sel', i >= lo && i <= hi));
    };
    figure.addEventListener('pointerdown', (e) => {
      const i = indexOf(e.target);
      if (i < 0 || e.button !== 0) return;
      anchor = i;
      last = i;
      figure.classList.add('brushing');
      paint(i, i);
      e.preventDefault();
    });
    figure.addEventListener('pointermove', (e) => {
      if (anchor === null) return;
      const i = indexOf(document.elementFromPoint(e.clientX, e.clientY));
      if (i >= 0 && i !== last) { last = i; paint(anchor, i); }
    });
    window.addEventListener('pointerup', () => {
      if (anchor === null) return;
      const [lo, hi] = anchor <= last ? [anchor, last] : [last, anchor];
      anchor = null;
      figure.classList.remove('brushing');
      choose(since, months[lo].dataset.month);
      choose(until, months[hi].dataset.month);
      apply();
    });
    markMonths();
  }
}

// --- ingest page: drop files, upload with progress, poll the job ------------------------------------------
function initIngest() {
  const form = document.getElementById('upload');
  if (!form) return;
  const input = document.getElementById('file-input');
  const list = document.getElementById('picked');
  const button = document.getElementById('upload-button');
  const status = document.getElementById('upload-status');
  const progress = document.getElementById('upload-progress');
  const jobs = document.getElementById('jobs');
  const maxBytes = Number(form.dataset.maxMb) * 1024 * 1024;
  const maxFiles = Number(form.dataset.maxFiles);
  const extensions = form.dataset.extensions.split(',');
  let picked = [];

  const problem = (f) => {
    const dot = f.name.lastIndexOf('.');
    const ext = dot > 0 ? f.name.slice(dot).toLowerCase() : '';
    if (!extensions.includes(ext)) return 'not a type dyadwatch reads';
    if (f.size > maxBytes) return `larger than ${form.dataset.maxMb} MB`;
    if (!f.size) return 'empty';
    return '';
  };
  const size = (n) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1048576).toFixed(1)} MB`);

  function show() {
    list.replaceChildren(...picked.map((f) => {
      const why = problem(f);
      return el('li', { className: why ? 'bad' : '' }, el('span', { text: f.name }),
        why ? el('span', { text: `— ${why}, skipped` }) : null, el('span', { className: 'num', text: size(f.size) }));
    }));
    const good = picked.filter((f) => !problem(f));
    button.disabled = good.length === 0;
    status.textContent = good.length > maxFiles ? `at most ${maxFiles} files at a time` : '';
    if (good.length > maxFiles) button.disabled = true;
  }
  function add(files) {
    picked = picked.concat([...files]);
    show();
  }
  input.addEventListener('change', () => { add(input.files); input.value = ''; });
  for (const type of ['dragenter', 'dragover']) {
    form.addEventListener(type, (e) => { e.preventDefault(); form.classList.add('over'); });
  }
  for (const type of ['dragleave', 'drop']) {
    form.addEventListener(type, (e) => { e.preventDefault(); form.classList.remove('over'); });
  }
  form.addEventListener('drop', (e) => add(e.dataTransfer.files));

  function jobItem(job) {
    let item = jobs.querySelector(`li[data-job="${CSS.escape(job.id)}"]`);
    if (!item) {
      item = el('li', { 'data-job': job.id });
      jobs.prepend(item);
      const none = document.getElementById('no-jobs');
      if (none) none.remove();
    }
    item.className = `job status-${job.status}`;
    const bar = el('progress', { max: String(job.files_total), value: String(job.files_done) });
    const head = el('div', {}, el('strong', { text: job.status }),
      ` · ${job.files_done}/${job.files_total} files · ${job.stored + job.near_duplicates} stored · ` +
      `${job.duplicates} already stored · ${job.failed} failed` + (job.message ? ` · ${job.message}` : ''), bar);
    const files = el('ul', { className: 'files' }, ...job.files.map((f) => el('li', {
      text: `${f.name}: ${f.status}` + (f.status === 'done' || f.status === 'failed'
        ? ` (${f.stored + f.near_duplicates} stored, ${f.duplicates} already stored, ${f.failed} failed)` : '')
        + (f.errors.length ? ` — ${f.errors.join('; ')}` : '') })));
    const docs = job.documents.length ? el('ul', { className: 'docs' }, ...job.documents.map((d) =>
      el('li', {}, el('a', { href: docUrl(d.id), text: d.title || d.id })))) : null;
    item.replaceChildren(head, files, docs);
  }

  async function poll(id) {
    const response = await fetch(`/api/ingest/${encodeURIComponent(id)}`);
    const job = await response.json();
    if (!response.ok) { status.textContent = job.detail || 'the job is gone'; return; }
    jobItem(job);
    if (job.status === 'done' || job.status === 'failed') {
      status.textContent = job.status === 'done' ? 'done: see the overview for the new figures' : job.message;
      return;
    }
    setTimeout(() => poll(id), 700);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const good = picked.filter((f) => !problem(f));
    if (!good.length) return;
    const data = new FormData();
    for (const f of good) data.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    status.textContent = 'uploading…';
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) progress.value = Math.round((100 * ev.loaded) / ev.total);
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response || {};
      if (xhr.status === 202) {
        progress.value = 100;
        status.textContent = 'uploaded; ingesting…';
        picked = [];
        show();
        jobItem(body);
        poll(body.id);
      } else {
        status.textContent = `refused (${xhr.status}): ${body.detail || xhr.statusText}`;
        button.disabled = false;
      }
    });
    xhr.addEventListener('error', () => { status.textContent = 'the upload failed'; button.disabled = false; });
    xhr.send(data);
  });
}

const PAGES = { doc: initDocument, dyad: initDyad, ingest: initIngest };
(PAGES[document.body.dataset.page] || (() => {}))();
