// axe-core in headless Debian Chromium over one sample of each page kind of
// a built site, at a phone and a desktop width.
//
//   node scripts/gates/axe.mjs SITE_DIR BASE_URL
//
// SITE_DIR is the built site (to pick samples), BASE_URL where it is served
// (http://127.0.0.1:PORT). Exit 0 when no page has a serious or critical
// violation, 1 otherwise (2 when the gate itself could not run). Moderate and
// minor violations are printed but do not fail. A script error on a page, a
// same-site request that fails, or a page wider than the window fails too.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_VERSION = require('axe-core/package.json').version;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Exactly the flags this machine's closed network needs (see scripts/test.sh).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Light at both widths; dark (prefers-color-scheme, the theme's own dark
// colours) at a phone's width, where most readers are: contrast does not
// depend on the width.
const VIEWPORTS = [
  { name: 'phone', width: 375, height: 800, scheme: 'light' },
  { name: 'desktop', width: 1280, height: 900, scheme: 'light' },
  { name: 'phone dark', width: 375, height: 800, scheme: 'dark' },
];
const FAILING = new Set(['serious', 'critical']);

const [siteDir, baseUrl] = process.argv.slice(2);
if (!siteDir || !baseUrl) {
  console.error('usage: node axe.mjs SITE_DIR BASE_URL');
  process.exit(2);
}

// The pages of one kind, DIR/<name>/index.html, that between them show every
// element (tag and class) any page of that kind has: a greedy set cover, the
// page with the most not-yet-seen elements first, at most MAX_PER_KIND.
const MAX_PER_KIND = 4;
function samplesOf(dir) {
  const abs = path.join(siteDir, dir);
  const pages = [];
  for (const name of fs.existsSync(abs) ? fs.readdirSync(abs).sort() : []) {
    const f = path.join(abs, name, 'index.html');
    if (!fs.existsSync(f)) continue;
    const html = fs.readFileSync(f, 'utf8');
    if (html.includes('http-equiv="refresh"')) continue; // redirect stubs
    const shapes = new Set();
    for (const m of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      const cls = /\bclass="([^"]*)"/.exec(m[2]);
      shapes.add(cls ? `${m[1]}.${cls[1]}` : m[1]);
    }
    pages.push({ url: `/${dir}/${name}/`, shapes });
  }
  const chosen = [];
  const seen = new Set();
  while (chosen.length < MAX_PER_KIND) {
    let best = null;
    let gain = 0;
    for (const p of pages) {
      let g = 0;
      for (const s of p.shapes) if (!seen.has(s)) g += 1;
      if (g > gain) [best, gain] = [p, g];
    }
    if (!best) break;
    chosen.push(best.url);
    for (const s of best.shapes) seen.add(s);
  }
  return chosen;
}

// The first library's printable poster (all posters share one template).
function posterPage() {
  const abs = path.join(siteDir, 'perpustakaan');
  const names = fs.existsSync(abs) ? fs.readdirSync(abs).sort() : [];
  const name = names.find((n) => fs.existsSync(path.join(abs, n, 'poster', 'index.html')));
  return name ? `/perpustakaan/${name}/poster/` : null;
}

function page(url) {
  const rel = url.split('?')[0].replace(/\/$/, '/index.html').replace(/^\//, '');
  return fs.existsSync(path.join(siteDir, rel)) ? url : null;
}

const SAMPLES = [
  ['home', [page('/')]],
  ['news list', [page('/berita/')]],
  ['post', samplesOf('berita')],
  ['story list', [page('/kisah/')]],
  ['story', samplesOf('kisah')],
  ['event list', [page('/plm/')]],
  ['event', samplesOf('plm')],
  ['province list', [page('/provinsi/')]],
  ['province', samplesOf('provinsi')],
  ['library', samplesOf('perpustakaan')],
  ['poster', [posterPage()]],
  ['awards list', [page('/penghargaan/')]],
  ['awards year', samplesOf('penghargaan')],
  ['tag', samplesOf('tag')],
  ['page', [page('/tentang/')]],
  ['search', [page('/cari/')]],
  ['search with a query', [page('/cari/?q=perpustakaan')]],
  ['404', [page('/404.html')]],
];

const missing = SAMPLES.filter(([, urls]) => !urls.length || urls.includes(null));
if (missing.length) {
  console.error(`axe: no page of kind ${missing.map(([k]) => k).join(', ')} in ${siteDir}`);
  process.exit(2);
}
const LOADS = SAMPLES.flatMap(([kind, urls]) => urls.map((url) => [kind, url]));

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-axe-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: VIEWPORTS[0],
    // The pages' CSP <meta> refuses the injected axe script; the policy
    // itself is checked by tests/it/netlify.rs.
    bypassCSP: true,
  });
} catch (e) {
  console.error(`axe: could not start ${CHROMIUM}: ${e.message}`);
  fs.rmSync(userDataDir, { recursive: true, force: true });
  process.exit(2);
}

let failing = 0;
let other = 0;
let extra = 0;
const origin = new URL(baseUrl).origin;
try {
  const tab = context.pages()[0] || (await context.newPage());
  const problems = [];
  tab.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  tab.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  tab.on('response', (r) => {
    const u = r.url();
    if (u.startsWith(origin) && r.status() >= 400 && !u.endsWith('/favicon.ico')) {
      problems.push(`HTTP ${r.status()}: ${u}`);
    }
  });

  for (const vp of VIEWPORTS) {
    await tab.setViewportSize({ width: vp.width, height: vp.height });
    await tab.emulateMedia({ colorScheme: vp.scheme });
    for (const [kind, url] of LOADS) {
      problems.length = 0;
      const where = `${url} (${kind}, ${vp.name} ${vp.width}×${vp.height})`;
      await tab.goto(baseUrl + url, { waitUntil: 'load' });
      // Pages with scripts (search) get to fetch and render what they need.
      if (await tab.$('script[src]')) {
        await tab.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      }
      await tab.addScriptTag({ path: AXE });
      const result = await tab.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { resultTypes: ['violations'] }),
      );
      // WCAG 1.4.10 (Reflow), which axe leaves to people: at a phone's width
      // nothing may make the whole page scroll sideways.
      const overflow = await tab.evaluate(() => {
        const d = document.documentElement;
        if (d.scrollWidth <= d.clientWidth) return null;
        const clipped = (e) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true;
          }
          return false;
        };
        const culprits = [...document.body.querySelectorAll('*')].filter(
          (e) =>
            (e.getBoundingClientRect().right > d.clientWidth + 1 ||
              (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')) &&
            !clipped(e),
        );
        const wide = culprits
          .filter((e) => !culprits.some((c) => c !== e && e.contains(c)))
          .slice(0, 5)
          .map((e) => e.outerHTML.slice(0, 120));
        return `page is ${d.scrollWidth}px wide in a ${d.clientWidth}px window (WCAG 1.4.10 Reflow); widest: ${wide.join(' | ')}`;
      });
      if (overflow) problems.push(overflow);
      const bad = result.violations.filter((v) => FAILING.has(v.impact));
      const meh = result.violations.filter((v) => !FAILING.has(v.impact));
      failing += bad.length;
      extra += problems.length;
      other += meh.length;
      const status = bad.length || problems.length ? 'FAIL' : 'ok  ';
      const loadNote = problems.length ? `, ${problems.length} other problem(s)` : '';
      console.log(`${status} ${where}: ${bad.length} serious/critical, ${meh.length} other${loadNote}`);
      for (const p of problems) console.log(`  ${p}`);
      for (const v of [...bad, ...meh]) {
        const tag = FAILING.has(v.impact) ? 'FAIL' : 'note';
        console.log(`  ${tag} [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
        for (const n of v.nodes.slice(0, 10)) {
          console.log(`    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}`);
          const why = (n.failureSummary || '').split('\n').map((l) => l.trim()).filter(Boolean);
          for (const l of why.slice(0, 4)) console.log(`       ${l}`);
        }
        if (v.nodes.length > 10) console.log(`    … and ${v.nodes.length - 10} more nodes`);
      }
    }
  }
} finally {
  await context.close();
  try {
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
  } catch (e) {
    console.error(`axe: could not remove ${userDataDir}: ${e.message}`);
  }
}

const pages = LOADS.length * VIEWPORTS.length;
console.log(
  `axe-core ${AXE_VERSION}: ${pages} page loads, ${failing} serious/critical violation(s), ` +
    `${other} moderate/minor, ${extra} other problem(s)`,
);
process.exit(failing || extra ? 1 : 0);
