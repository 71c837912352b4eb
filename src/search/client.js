/* warta search client, no framework: docs/search.md. reader.rs replays it. */
(() => {
'use strict';
const root = document.getElementById('warta-search');
if (!root || !window.fetch || !window.URLSearchParams) return;
const input = document.getElementById(root.dataset.input || 'q');
if (!input) return;
const form = input.form;
const FACETS = ['jenis', 'provinsi', 'tingkat', 'tahun'];
const W = [0, 1, 3, 5], PAGE = 5, MORE = 10;
const SP = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ı': 'i', 'ħ': 'h', 'þ': 'th' };
const fold = s => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ßæœøđðłıħþ]/g, c => SP[c]);
const parts = s => fold(s).split(/[^a-z0-9]+/).filter(w => w);
const words = s => parts(s).filter(w => w.length > 1).map(w => w.slice(0, 32));
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};
const cache = new Map();
const get = (url, how) => {
  if (!cache.has(url)) cache.set(url, fetch(url).then(r => { if (!r.ok) throw r.status; return r[how](); }));
  return cache.get(url);
};

let E, T, N, dir, bounds, kind, prov, level, year, extra, pos, y0, y1;
let q = '', shown = 0, hits = [], seq = 0;
const sel = Object.fromEntries(FACETS.map(f => [f, new Set()]));
const status = el('p', { role: 'status', class: 'search-status' });
const facetBox = el('div', { class: 'search-facets' });
const list = el('ol', { class: 'search-results' });
const more = el('button', { type: 'button', class: 'search-more', hidden: '' });
root.append(status, facetBox, list, more);

function varint(b, p) {
  let v = 0, s = 1, x;
  do { x = b[p.i++]; v += (x & 127) * s; s *= 128; } while (x > 127);
  return v;
}
// Term chunk: lists [doc, field, …] and words.
function decode(buf) {
  const b = new Uint8Array(buf), p = { i: 0 }, lists = [], terms = new Map();
  for (let n = varint(b, p); n--;) {
    const h = varint(b, p), l = [];
    if (h & 1) {
      const first = varint(b, p), span = varint(b, p);
      for (let i = 0; i < span; i++) {
        const f = (b[p.i + (i >> 2)] >> ((i & 3) * 2)) & 3;
        if (f) l.push(first + i, f);
      }
      p.i += (span + 3) >> 2;
    } else {
      for (let c = h >> 1, d = -1; c--;) { const v = varint(b, p); d += 1 + Math.floor(v / 4); l.push(d, v & 3); }
    }
    lists.push(l);
  }
  const dec = new TextDecoder();
  let prev = '';
  for (let n = varint(b, p); n--;) {
    const shared = varint(b, p), len = varint(b, p);
    const s = prev.slice(0, shared) + dec.decode(b.subarray(p.i, p.i + len));
    p.i += len;
    const v = varint(b, p), n = v >> 1;
    // -1 stop word, number: list, string: its stem.
    terms.set(s, !v ? -1 : v & 1 ? n : dec.decode(b.subarray(p.i, p.i += n)));
    prev = s;
  }
  return { lists, terms };
}
const chunkFor = w => { let i = 0; while (i + 1 < bounds.length && bounds[i + 1][0] <= w) i++; return i; };
const chunk = i => get(dir + bounds[i][1] + '.bin', 'arrayBuffer').then(decode);
// Lists a word matches (null: stop word).
async function look(w, prefix) {
  const s = chunkFor(w), ids = [s];
  if (prefix && s + 1 < bounds.length && bounds[s + 1][0].startsWith(w)) ids.push(s + 1);
  const cs = await Promise.all(ids.map(chunk)), out = [];
  const t = cs[0].terms.get(w);
  if (t === -1) return null;
  if (typeof t === 'string') return look(t, false);
  cs.forEach(c => {
    const used = new Set();
    c.terms.forEach((l, s) => {
      if (l >= 0 && !used.has(l) && (s === w || (prefix && s.startsWith(w)))) { used.add(l); out.push(c.lists[l]); }
    });
  });
  return out;
}
// One edit apart (reader.rs within_one_edit).
function oneEdit(a, b) {
  let i = 0;
  while (a[i] && a[i] === b[i]) i++;
  const x = a.slice(i + 1), y = b.slice(i + 1);
  return x === y || x === b.slice(i) || a.slice(i) === y ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}
// Facet values of d, as in the URL.
function values(d) {
  const ps = [prov[d]].concat(extra.get(d) || []).filter(p => p < E.prov.length).map(p => E.prov[p][0]);
  return [[E.kinds[kind[d]]], ps, level[d] ? [E.levels[level[d] - 1]] : [], year[d] ? [String(year[d])] : []];
}
const fmt = (s, k, v) => s.replace('{' + k + '}', v);
const inc = (m, x) => m.set(x, (m.get(x) || 0) + 1), ck = x => Math.floor(x / E.rs);

async function run() {
  const my = ++seq, ws = words(q), typing = !/\s$/.test(q), fixed = [];
  const any = FACETS.some(f => sel[f].size);
  if (!ws.length && !any) { list.textContent = ''; more.hidden = true; status.textContent = ''; counts(null); return; }
  status.textContent = T.loading;
  let fields = [];
  const found = await Promise.all(ws.map((w, i) => look(w, typing && i === ws.length - 1 && w.length >= 3)));
  for (let i = 0; i < ws.length && fields; i++) {
    let lists = found[i];
    if (!lists) continue;
    if (!lists.length && ws[i].length >= 4) {
      const pl = (await get(dir + E.places + '.txt', 'text')).split('\n').filter(p => oneEdit(ws[i], p)).slice(0, 3);
      for (const c of pl) {
        const l = await look(c, false);
        if (l && l.length) { fixed.push(c); lists = lists.concat(l); }
      }
    }
    if (!lists.length) { fields = null; break; }
    const f = new Uint8Array(N);
    for (const l of lists) for (let j = 0; j < l.length; j += 2) if (f[l[j]] < l[j + 1]) f[l[j]] = l[j + 1];
    fields.push(f);
  }
  if (my !== seq) return;
  hits = [];
  const c = FACETS.map(() => new Map()), s = FACETS.map(f => sel[f]);
  if (fields) {
    for (let d = 0; d < N; d++) {
      if (fields.some(f => !f[d])) continue;
      const v = values(d), ok = v.map((vs, k) => !s[k].size || vs.some(x => s[k].has(x)));
      for (let k = 0; k < 4; k++) if (ok.every((o, j) => o || j === k)) v[k].forEach(x => inc(c[k], x));
      if (ok.every(o => o)) {
        let sc = year[d] ? Math.floor(40 * (year[d] - y0 + 1) / (y1 - y0 + 2)) : 20;
        fields.forEach(f => { sc += W[f[d]] * 100; });
        hits.push([sc, d]);
      }
    }
  }
  hits = rank(hits);
  counts(c);
  list.textContent = '';
  shown = 0;
  await page(my);
  if (my !== seq) return;
  let msg = !hits.length ? fmt(T.none, 'q', q.trim()) : hits.length === 1 ? T.one : fmt(T.results, 'n', hits.length);
  if (fixed.length && hits.length) msg = fmt(T.typo, 'w', fixed.join(', ')) + ' ' + msg;
  status.textContent = msg;
}

// Equal scores: chunks needed anyway, then the fullest (reader.rs by_locality).
function rank(h) {
  h.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const used = new Set(), out = [];
  for (let i = 0, j; i < h.length; i = j) {
    const n = new Map();
    for (j = i; j < h.length && h[j][0] === h[i][0]; j++) inc(n, ck(h[j][1]));
    const k = x => used.has(ck(x[1])) ? 1e9 : n.get(ck(x[1])), t = h.slice(i, j);
    t.sort((a, b) => k(b) - k(a) || a[1] - b[1]);
    t.forEach(x => { used.add(ck(x[1])); out.push(x); });
  }
  return out;
}

async function page(my) {
  const part = hits.slice(shown, shown + (shown ? MORE : PAGE));
  // Records by id or by province (reader.rs layout): whichever takes fewer files.
  const n = f => new Set(part.map(h => ck(f(h[1])))).size;
  const P = n(d => pos[d]) < n(d => d), at = d => P ? pos[d] : d;
  const rows = await Promise.all(part.map(h => get(dir + E.recs + '-' + (P ? 'p' : '') + ck(at(h[1])) + '.json', 'json')));
  if (my !== seq) return;
  const lang = document.documentElement.lang || 'id';
  let first;
  part.forEach((h, i) => {
    const d = h[1], r = rows[i][at(d) % E.rs], slug = r[0][0] === '~' ? parts(r[1]).join('-') + r[0].slice(1) : r[0];
    const a = el('a', { href: '/' + E.kinds[kind[d]] + '/' + slug + '/' }, r[1]);
    const meta = [T.kinds[kind[d]]];
    if (prov[d] < E.prov.length) meta.push(E.prov[prov[d]][1]); else if (kind[d] === 2) meta.push(T.national);
    if (level[d]) meta.push(T.levels[level[d] - 1]);
    if (r[3]) meta.push(new Date(r[3] + 'T00:00:00').toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' }));
    list.append(el('li', null, a, el('p', { class: 'meta' }, meta.join(' · ')), el('p', null, r[2])));
    first = first || a;
  });
  shown += part.length;
  more.hidden = shown >= hits.length;
  return first;
}

// Facet checkboxes, built once: a query updates counts, focus stays put.
const boxes = {};
function facets() {
  const opts = {
    jenis: E.kinds.map((v, i) => [v, T.kinds[i]]),
    provinsi: E.prov,
    tingkat: E.levels.map((v, i) => [v, T.levels[i]]),
    tahun: [...new Set(year.filter(y => y))].sort((a, b) => b - a).map(y => [String(y), String(y)]),
  };
  FACETS.forEach(f => {
    const fs = el('fieldset', { class: 'facet facet-' + f }, el('legend', null, T[f]));
    boxes[f] = opts[f].map(([v, label]) => {
      const cb = el('input', { type: 'checkbox', name: f, value: v }), n = el('span', { class: 'count' });
      cb.defaultChecked = cb.checked = sel[f].has(v);
      cb.addEventListener('change', () => { cb.checked ? sel[f].add(v) : sel[f].delete(v); sync(); run(); });
      const lab = el('label', null, cb, ' ' + label + ' ', n);
      fs.append(lab);
      return [v, lab, n];
    });
    boxes[f].fs = fs;
    facetBox.append(fs);
  });
  const clear = el('button', { type: 'button', class: 'search-clear' }, T.clear);
  clear.addEventListener('click', () => {
    FACETS.forEach(f => sel[f].clear());
    facetBox.querySelectorAll('input').forEach(i => i.checked = false);
    sync(); run();
  });
  facetBox.append(clear);
}
// A facet with no value to offer draws no fieldset.
function counts(c) {
  FACETS.forEach((f, k) => {
    let any = 0;
    boxes[f].forEach(([v, lab, n]) => {
      const x = (c || totals)[k].get(v) || 0;
      n.textContent = '(' + x + ')';
      any |= !(lab.hidden = !x && !sel[f].has(v));
    });
    boxes[f].fs.hidden = !any;
  });
}
let totals;

function sync() {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q.trim());
  FACETS.forEach(f => sel[f].forEach(v => p.append(f, v)));
  const s = p.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
}

async function start() {
  E = await get(root.dataset.entry || '/cari/index.json', 'json');
  T = E.t; N = E.n; dir = E.dir;
  const t = E.terms.split(' ');
  bounds = [];
  for (let i = 0; i < t.length; i += 2) bounds.push([t[i], t[i + 1]]);
  kind = new Uint8Array(N); prov = new Uint16Array(N); level = new Uint8Array(N); year = new Uint16Array(N);
  const g = E.groups;
  for (let i = 0, d = 0, v = 0, p = 0; i < g.length; i += 4) {
    v += g[i + 1]; p += g[i + 2];
    for (let c = g[i + 3]; c--; d++) {
      kind[d] = g[i]; prov[d] = p;
      if (g[i] < 3) year[d] = v; else if (g[i] === 3) level[d] = v;
    }
  }
  extra = new Map();
  for (const k in E.multi) {
    const ps = k.split(',').map(Number), r = E.multi[k];
    let i = 0;
    for (let j = 0; j < r.length; j += 2) { i += r[j]; for (let c = r[j + 1]; c--; i++) extra.set(i, ps); }
  }
  pos = new Uint32Array(N);
  [...Array(N).keys()].sort((a, b) => (kind[a] > 2) - (kind[b] > 2) || (kind[a] < 3 && prov[a] - prov[b]) || a - b).forEach((d, i) => { pos[d] = i; });
  const ys = year.filter(y => y);
  y0 = Math.min(...ys); y1 = Math.max(...ys);
  totals = FACETS.map(() => new Map());
  for (let i = 0; i < N; i++) values(i).forEach((vs, k) => vs.forEach(x => inc(totals[k], x)));
  more.textContent = T.more;
  facetBox.prepend(el('h2', null, T.filters));
  facets();
  if (form) {
    const old = form.querySelector('.filters');
    if (old) { old.hidden = true; old.querySelectorAll('select').forEach(s => s.disabled = true); }
    form.addEventListener('submit', e => { e.preventDefault(); q = input.value; sync(); run(); });
  }
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { q = input.value; sync(); run(); }, 120);
  });
  more.addEventListener('click', async () => { const a = await page(seq); if (a) a.focus(); });
  run();
}

const params = new URLSearchParams(location.search);
q = params.get('q') || '';
input.defaultValue = input.value = q;
FACETS.forEach(f => params.getAll(f).forEach(v => v && sel[f].add(v)));
start().catch(() => { status.textContent = (T && T.error) || 'Error'; });
})();
