/* warta search client: no framework, no build step. Index format and the
   markup it needs: docs/search.md. It must match src/search/reader.rs. */
(() => {
'use strict';
const root = document.getElementById('warta-search');
if (!root || !window.fetch || !window.TextDecoder || !window.URLSearchParams) return;
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
  for (const c of kids) e.append(c);
  return e;
};
const cache = new Map();
const get = (url, how) => {
  if (!cache.has(url)) cache.set(url, fetch(url).then(r => {
    if (!r.ok) throw new Error(url + ': ' + r.status);
    return r[how]();
  }));
  return cache.get(url);
};

let E, T, N, dir, bounds, kind, prov, level, year, extra, y0, y1;
let q = '', shown = 0, hits = [], seq = 0;
const sel = {};
FACETS.forEach(f => { sel[f] = new Set(); });
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
// A term chunk: posting lists (flat [doc, field, …]) and surface forms.
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
    // -1 stop word, a number: posting list, a string: look up this stem.
    terms.set(s, !v ? -1 : v & 1 ? n : dec.decode(b.subarray(p.i, p.i += n)));
    prev = s;
  }
  return { lists, terms };
}
const chunkFor = w => { let i = 0; while (i + 1 < bounds.length && bounds[i + 1][0] <= w) i++; return i; };
const chunk = i => get(dir + bounds[i][1] + '.bin', 'arrayBuffer').then(decode);
// The posting lists a word matches, or null for a stop word.
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
function oneEdit(a, b) {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
// Facet values of document d, as in the URL: [jenis, provinsi[], tingkat, tahun].
function values(d) {
  const ps = [prov[d]].concat(extra.get(d) || []).filter(p => p < E.prov.length).map(p => E.prov[p][0]);
  return [[E.kinds[kind[d]]], ps, level[d] ? [E.levels[level[d] - 1]] : [], year[d] ? [String(year[d])] : []];
}
const fmt = (s, k, v) => s.replace('{' + k + '}', v);

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
      for (let k = 0; k < 4; k++) {
        if (ok.every((o, j) => o || j === k)) v[k].forEach(x => c[k].set(x, (c[k].get(x) || 0) + 1));
      }
      if (ok.every(o => o)) {
        let sc = year[d] ? 4 * (year[d] - y0 + 1) / (y1 - y0 + 2) : 2;
        fields.forEach(f => { sc += W[f[d]] * 10; });
        hits.push([sc, d]);
      }
    }
  }
  hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  counts(c);
  list.textContent = '';
  shown = 0;
  await page(my);
  if (my !== seq) return;
  let msg = !hits.length ? fmt(T.none, 'q', q.trim()) : hits.length === 1 ? T.one : fmt(T.results, 'n', hits.length);
  if (fixed.length && hits.length) msg = fmt(T.typo, 'w', fixed.join(', ')) + ' ' + msg;
  status.textContent = msg;
}

async function page(my) {
  const part = hits.slice(shown, shown + (shown ? MORE : PAGE));
  const rows = await Promise.all(part.map(h => get(dir + E.recs + '-' + Math.floor(h[1] / E.rs) + '.json', 'json')));
  if (my !== seq) return;
  const lang = document.documentElement.lang || 'id';
  let first;
  part.forEach((h, i) => {
    const d = h[1], r = rows[i][d % E.rs], slug = r[0][0] === '~' ? parts(r[1]).join('-') + r[0].slice(1) : r[0];
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

// Facet checkboxes: built once, counts and visibility updated per query, so
// keyboard focus stays where it is.
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
    facetBox.append(fs);
  });
  const clear = el('button', { type: 'button', class: 'search-clear' }, T.clear);
  clear.addEventListener('click', () => {
    FACETS.forEach(f => sel[f].clear());
    facetBox.querySelectorAll('input').forEach(i => { i.checked = false; });
    sync(); run();
  });
  facetBox.append(clear);
}
function counts(c) {
  FACETS.forEach((f, k) => boxes[f].forEach(([v, lab, n]) => {
    const x = c ? c[k].get(v) || 0 : totals[k].get(v) || 0;
    n.textContent = '(' + x + ')';
    lab.hidden = !x && !sel[f].has(v);
  }));
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
  let d = 0;
  E.groups.forEach((g, p) => {
    for (let r = 0; r < g.length; r += 3) {
      for (let c = g[r + 2]; c--; d++) {
        kind[d] = g[r]; prov[d] = p;
        if (!g[r]) year[d] = g[r + 1]; else if (g[r] === 3) level[d] = g[r + 1];
      }
    }
  });
  [1, 2].forEach(k => { let i = -1; E[E.kinds[k]].forEach(gap => { i += gap; kind[i] = k; }); });
  extra = new Map();
  for (const k in E.multi) {
    const ps = k.split(',').map(Number), r = E.multi[k];
    let i = 0;
    for (let j = 0; j < r.length; j += 2) { i += r[j]; for (let c = r[j + 1]; c--; i++) extra.set(i, ps); }
  }
  const ys = year.filter(y => y);
  y0 = Math.min(...ys); y1 = Math.max(...ys);
  totals = FACETS.map(() => new Map());
  for (let i = 0; i < N; i++) values(i).forEach((vs, k) => vs.forEach(x => totals[k].set(x, (totals[k].get(x) || 0) + 1)));
  more.textContent = T.more;
  facetBox.prepend(el('h2', null, T.filters));
  facets();
  if (form) {
    const old = form.querySelector('.filters');
    if (old) { old.hidden = true; old.querySelectorAll('select').forEach(s => { s.disabled = true; }); }
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
