/* warta search client, no framework: docs/search.md. reader.rs replays it. */
(() => {
'use strict';
// Indonesian stemmer: stem.rs rule for rule (stem-vectors.tsv checks both).
const L = /*STEM_LISTS*/[[], {}];
const KEEP = new Set(L[0]), MAP = new Map(Object.entries(L[1]));
const SUF = ['lah', 'kah', 'tah', 'pun', 'nya', 'ku', 'mu', 'kan', 'an', 'i', 'isme'];
const ENDING = L[0].filter(k => SUF.some(s => k.endsWith(s)));
const FORBID = ['di an', 'ke i', 'ke kan', 'me an', 'se i', 'se kan', 'be i', 'te an', 'pe kan'];
const vow = s => s.replace(/[^aeiou]/g, '').length;
const BEFORE = ',di,ke,se,be,ber,te,ter,pe,per,me,mem,men,meng,meny,pem,pen,peng,peny'.split(',');
const guarded = (x, s) => ENDING.some(k => k.endsWith(s) && x.endsWith(k) && BEFORE.includes(x.slice(0, -k.length)));
const cand = (r, p, x) => ({ r, p: p + (vow(r) < 2 ? 8 : 0), x });
function inflection(w) {
  let b = w, weak = false;
  for (const set of [SUF.slice(0, 4), SUF.slice(4, 7)]) {
    for (const s of set) {
      if (b.endsWith(s)) {
        const x = b.slice(0, -s.length);
        if (vow(x) >= 2 && !guarded(b, s)) { b = x; weak = s.length === 2; }
        break;
      }
    }
  }
  return [b, weak];
}
// Candidate roots [{r, p, x}], best first (stem.rs candidates).
function cands(w) {
  if (MAP.has(w)) return [cand(MAP.get(w), 0, false)];
  if (w.length < 4 || !/^[a-z]+$/.test(w) || KEEP.has(w)) return [cand(w, 0, false)];
  const [b, weak] = inflection(w);
  if (MAP.has(b)) return [cand(MAP.get(b), 0, false)];
  if (KEEP.has(b)) return [cand(b, 0, false)];
  let out = [];
  derive(b, 0, out);
  if (b !== w) {
    const whole = [];
    derive(w, 2, whole);
    if (weak && !out.some(c => c.x) && whole.some(c => c.x)) out.forEach(c => { c.p += 3; });
    out = out.concat(whole);
  }
  out.sort((a, c) => a.p - c.p);
  const seen = new Set();
  return out.filter(c => !seen.has(c.r) && seen.add(c.r));
}
function derive(b, pen, out) {
  const opts = [];
  const cut = (suf, extra) => {
    if (!b.endsWith(suf)) return;
    const x = b.slice(0, -suf.length);
    if (vow(x) >= 2 && !guarded(b, suf)) opts.push([x, suf, pen + extra]);
  };
  cut('isasi', 0); cut('isme', 0);
  if (b.endsWith('kan')) { cut('kan', 0); cut('an', 1); }
  else if (b.endsWith('an')) cut('an', 0);
  else if (b.endsWith('i')) {
    const x = b.slice(0, -1), last = x[x.length - 1];
    if (last !== 's' && (last !== 'g' || x.endsWith('ng'))) cut('i', last === 'a' ? 3 : 0);
  }
  opts.push([b, '', opts.length ? pen + 2 : pen]);
  for (const [x, suf, p] of opts) {
    const start = out.length;
    strip(x, suf, 0, '', p, out);
    if (suf === 'kan') for (let i = start; i < out.length; i++) if (!out[i].x) out[i].p += 3;
  }
}
function strip(x, suf, depth, prev, pen, out) {
  if (MAP.has(x)) return out.push(cand(MAP.get(x), pen, true));
  if (KEEP.has(x)) return out.push(cand(x, pen, true));
  const rule = depth < 3 ? prefix(x, depth, prev) : null;
  const rests = rule ? rule[1].filter(r => r.length >= 3) : [];
  if (!rests.length) return out.push(cand(x, pen, depth > 0));
  if (!depth && FORBID.includes(rule[0] + ' ' + suf)) return;
  const start = out.length;
  for (const r of rests) strip(r, suf, depth + 1, rule[0], pen, out);
  if (!out.slice(start).some(c => vow(c.r) >= 2)) out.push(cand(x, pen + (depth ? 1 : 4), depth > 0));
}
function prefix(x, depth, prev) {
  const at = i => x[i] || '', has = (set, i) => at(i) !== '' && set.includes(at(i));
  const v = i => has('aeiou', i), cons = i => /[a-z]/.test(at(i)) && !v(i);
  const one = (f, i) => [f, [x.slice(i)]], r3 = x.slice(3), r4 = x.slice(4);
  const er = f => [f, v(3) ? [r3, x.slice(2)] : [r3]];
  const nasal = f => {
    if (x.startsWith('ng', 2)) {
      if (has('ghqk', 4)) return one(f, 4);
      if (!v(4)) return null;
      const l = [r4, 'k' + r4];
      if (r4[0] === 'e') l.push(r4.slice(1));
      return [f, l];
    }
    if (x.startsWith('ny', 2) && v(4)) return [f, ['s' + r4, 'ny' + r4]];
    if (at(2) === 'm') {
      if (has('bfvp', 3)) return one(f, 3);
      return v(3) || at(3) === 'r' ? [f, ['p' + r3, 'm' + r3]] : null;
    }
    if (at(2) === 'n') {
      if (has('cdjzst', 3)) return one(f, 3);
      if (v(3)) return [f, ['t' + r3, 'n' + r3]];
    }
    return null;
  };
  if (!depth) {
    if (x.startsWith('di')) return one('di', 2);
    if (x.startsWith('me')) return nasal('me') || (has('lrwy', 2) && v(3) ? one('me', 2) : null);
  }
  if (x.startsWith('ke') && (!depth || prev === 'be')) return one('ke', 2);
  if (x.startsWith('se') && (!depth || prev === 'ke' || prev === 'pe')) return one('se', 2);
  if (prev !== 'be' && x.startsWith('be')) {
    if (x.startsWith('belajar')) return one('be', 3);
    if (cons(2) && !has('rl', 2) && x.startsWith('er', 3)) return one('be', 2);
    if (at(2) === 'r') return er('be');
  }
  if (prev !== 'te' && x.startsWith('te')) {
    if (cons(2) && at(2) !== 'r' && x.startsWith('er', 3)) return one('te', 2);
    if (at(2) === 'r') return er('te');
  }
  if (prev !== 'pe' && x.startsWith('pe')) {
    const n = nasal('pe');
    if (n) return n;
    if (at(2) === 'r') return er('pe');
    if (x.startsWith('pelajar')) return one('pe', 3);
    if ((has('lwymn', 2) && v(3)) || (cons(2) && !has('rwylmn', 2))) return one('pe', 2);
  }
  return null;
}
if (typeof document === 'undefined') { module.exports = { cands }; return; }

const root = document.getElementById('warta-search');
if (!root || !window.fetch || !window.URLSearchParams) return;
const input = document.getElementById(root.dataset.input || 'q');
if (!input) return;
const form = input.form;
const FACETS = ['jenis', 'provinsi', 'tingkat', 'tahun'];
const W = [0, 1, 3, 5], PAGE = 5, MORE = 10, ROOTS = 3, SNIP = 160;
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
let q = '', shown = 0, hits = [], seq = 0, marks = [];
const sel = Object.fromEntries(FACETS.map(f => [f, new Set()]));
// The theme's page holds the parts (no layout shift); made here otherwise.
const part = (c, make) => root.querySelector('.' + c) || root.appendChild(make());
const status = part('search-status', () => el('p', { role: 'status', class: 'search-status' }));
const list = part('search-results', () => el('ol', { class: 'search-results' }));
const more = part('search-more', () => el('button', { type: 'button', class: 'search-more', hidden: '' }));
const panel = document.getElementById(root.dataset.filter || 'saring');
const facetBox = el('div', { class: 'search-facets' });

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
// A word the site never has: its first candidate root the index has (reader.rs stemmed).
async function stemmed(w) {
  for (const c of cands(w).filter(c => c.r !== w).slice(0, ROOTS)) {
    const l = await look(c.r, false);
    if (l && l.length) return [l, c.r];
  }
  return [[]];
}
// One edit apart (reader.rs within_one_edit).
function oneEdit(a, b) {
  let i = 0;
  while (a[i] && a[i] === b[i]) i++;
  const x = a.slice(i + 1), y = b.slice(i + 1);
  return x === y || x === b.slice(i) || a.slice(i) === y ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}
// Typo: the word of w's chunk one edit away, same first letter, in most
// documents; never a place for a derived word (reader.rs correction).
async function correction(w) {
  const c = await chunk(chunkFor(w)), near = [];
  c.terms.forEach((l, s) => { if (l >= 0 && s[0] === w[0] && s.length > 2 && oneEdit(w, s)) near.push([c.lists[l].length, s]); });
  if (!near.length) return null;
  const places = new Set((await get(dir + E.places + '.txt', 'text')).split('\n')), ord = cands(w)[0].x;
  const ok = near.filter(n => !(ord && places.has(n[1])));
  ok.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
  return ok.length ? ok[0][1] : null;
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
  marks = [];
  const found = await Promise.all(ws.map((w, i) => look(w, typing && i === ws.length - 1 && w.length >= 3)));
  for (let i = 0; i < ws.length && fields; i++) {
    let lists = found[i], w = ws[i];
    if (!lists) continue;
    const prefix = typing && i === ws.length - 1;
    if (!lists.length) [lists, w] = await stemmed(w);
    if (!lists.length && ws[i].length >= 4) {
      const c = await correction(ws[i]);
      if (c) { lists = (await look(c, false)) || []; fixed.push(c); w = c; }
    }
    if (!lists.length) { fields = null; break; }
    marks.push([w || ws[i], prefix]);
    const f = new Uint8Array(N);
    for (const l of lists) for (let j = 0; j < l.length; j += 2) if (f[l[j]] < l[j + 1]) f[l[j]] = l[j + 1];
    fields.push(f);
  }
  if (my !== seq) return;
  // Only stop words: too common to search (reader.rs common).
  const common = ws.length && fields && !fields.length;
  hits = [];
  const c = FACETS.map(() => new Map()), s = FACETS.map(f => sel[f]);
  if (fields && !common) {
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
  let msg = common ? fmt(T.common, 'q', q.trim()) : !hits.length ? fmt(T.none, 'q', q.trim()) : hits.length === 1 ? T.one : fmt(T.results, 'n', hits.length);
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

// Whether a folded word of a text matches a query word (same root, or the
// typed start of the last word).
function hit(t) {
  return marks.some(([w, prefix]) => t === w || (prefix && w.length > 2 && t.startsWith(w)) ||
    (t.length > 3 && cands(t).slice(0, 2).some(c => c.r === w || cands(w)[0].r === c.r)));
}
// Text as nodes, matched words in <mark>; around the first match if cut.
function snippet(text, max) {
  const toks = text.split(/([^\p{L}\p{N}]+)/u);
  let first = toks.findIndex((t, i) => !(i & 1) && t && hit(fold(t)));
  let a = 0;
  if (max && text.length > max && first > 0) {
    a = Math.max(0, first - 6);
    a -= a & 1;
  }
  const out = [a ? '…' : ''];
  let n = 0;
  for (let i = a; i < toks.length; i++) {
    const t = toks[i];
    if (max && n + t.length > max && !(i & 1)) { out.push('…'); break; }
    n += t.length;
    out.push(!(i & 1) && t && hit(fold(t)) ? el('mark', null, t) : t);
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
    const a = el('a', { href: '/' + E.kinds[kind[d]] + '/' + slug + '/' }, ...snippet(r[1]));
    const meta = [T.kinds[kind[d]]];
    if (prov[d] < E.prov.length) meta.push(E.prov[prov[d]][1]); else if (kind[d] === 2) meta.push(T.national);
    if (level[d]) meta.push(T.levels[level[d] - 1]);
    if (r[3]) meta.push(new Date(r[3] + 'T00:00:00').toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' }));
    list.append(el('li', null, a, el('p', { class: 'meta' }, meta.join(' · ')), el('p', null, ...snippet(r[2], SNIP))));
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
  const on = FACETS.reduce((s, f) => s + sel[f].size, 0), a = panel && panel.querySelector('.search-active');
  if (a) a.textContent = on ? '(' + on + ')' : '';
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
  facets();
  // The facets replace the theme's <select> boxes inside the folded panel.
  const old = form && form.querySelector('.filters');
  if (old) { old.hidden = true; old.querySelectorAll('select').forEach(s => { s.disabled = true; }); }
  if (panel) panel.append(facetBox); else root.insertBefore(el('div', null, el('h2', null, T.filters), facetBox), list);
  if (form) form.addEventListener('submit', e => { e.preventDefault(); q = input.value; sync(); run(); });
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
