// For run.sh: one timed visit, printed as a JSON line.
const { chromium } = await import(`${process.env.GATES}/playwright-core/index.mjs`);
import fs from 'node:fs';
// `warm`: a first visit fills the browser's cache, the timed one is the
// second (the versioned files are cached for a year by unpkg and Netlify).
const [which, throttle, warm, shot] = process.argv.slice(2);
const base = 'http://127.0.0.1:8790';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: warm !== 'warm' });
let wire = 0, requests = [];
cdp.on('Network.loadingFinished', e => { wire += e.encodedDataLength; });
cdp.on('Network.requestWillBeSent', e => requests.push(e.request.url));
if (which === 'sveltia') {
  // Sveltia's test backend reads the browser's private folder (OPFS):
  // put the site's content/ and data/ there first (not timed).
  await page.goto(base + '/404.html');
  const files = fs.readdirSync(process.env.SITE, { recursive: true }).filter(f => /^(content|data)\//.test(f) && /\.(md|yaml)$/.test(f));
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const f of files) {
      const parts = f.split('/'); let d = root;
      for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p, { create: true });
      const w = await (await d.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(await (await fetch('/src/' + f)).text()); await w.close();
    }
  }, files);
  wire = 0; requests = [];
}
let t0, tSignIn = null, clicks = 0;
async function visit() {
  const admin = which === 'sveltia' ? '/admin-sv/' : '/admin/';
  t0 = Date.now();
  await page.goto(base + admin + '#/collections/perpustakaan/entries/jawa-tengah', { waitUntil: 'commit' });
  // The sign-in button: Decap's local backend "Masuk"; Sveltia's test backend.
  tSignIn = null; clicks = 0;
  const want = 'Dinas Arsip dan Perpustakaan Kota Surakarta';
  for (;;) {
    if (Date.now() - t0 > 240000) { console.log('timeout'); break; }
    const state = await page.evaluate((want) => {
      const inputs = [...document.querySelectorAll('input, textarea, [contenteditable]')];
      const text = document.body ? document.body.innerText : '';
      if (text.includes(want) && inputs.length > 0) return 'form';
      const b = [...document.querySelectorAll('button')].find(b => /^(Masuk|Sign In|Sign In with Test|Log in)$/i.test(b.innerText.trim()) || /test/i.test(b.innerText));
      if (b && !b.disabled) { b.click(); return 'clicked'; }
      return '';
    }, want).catch(() => '');
    if (state === 'clicked') { if (tSignIn === null) tSignIn = Date.now() - t0; clicks++; await page.waitForTimeout(300); }
    if (state === 'form') break;
    await page.waitForTimeout(100);
  }
}
if (warm === 'warm') { await visit(); wire = 0; requests = []; await page.goto('about:blank'); }
if (throttle === '1') {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
}
await visit();
const tForm = Date.now() - t0;
if (shot) await page.screenshot({ path: shot });
const scripts = requests.filter(u => /\.m?js(\?|$)/.test(u)).map(u => u.replace(base, ''));
console.log(JSON.stringify({ which, throttle, warm: warm === 'warm', signInButtonMs: tSignIn, formMs: tForm, clicks, wireKB: Math.round(wire / 1024), scripts: scripts.length, scriptList: scripts.slice(0, 12) }));
await browser.close();
