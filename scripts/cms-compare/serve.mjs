// For run.sh. Static server with gzip (as Netlify and unpkg send), /vendor/ from npm
// packages, /src/ = the site sources (for Sveltia's OPFS test repo).
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path'; import zlib from 'node:zlib';
const [out, site, port] = process.argv.slice(2);
const gates = process.env.GATES;
const mods = { 'decap-cms': `${gates}/decap-cms`, 'js-yaml': `${gates}/js-yaml`, '@sveltia/cms': process.env.SVELTIA };
const cache = new Map(); let sent = 0;
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.yml': 'text/yaml', '.json': 'application/json', '.css': 'text/css', '.yaml': 'text/yaml', '.md': 'text/markdown' };
http.createServer((req, res) => {
  let u = decodeURIComponent(req.url.split('?')[0]);
  if (u === '/__bytes') { res.end(String(sent)); return; }
  if (u === '/__reset') { sent = 0; res.end('0'); return; }
  let file;
  if (u.startsWith('/vendor/')) {
    const m = /^\/vendor\/((?:@[^/]+\/)?[^@/]+)@[^/]+\/(.*)$/.exec(u); file = m && mods[m[1]] && path.join(mods[m[1]], m[2]);
  } else if (u.startsWith('/src/')) file = path.join(site, u.slice(5));
  else { file = path.join(out, u); if (u.endsWith('/')) file = path.join(file, 'index.html'); }
  if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  let body = cache.get(file); if (!body) { body = zlib.gzipSync(fs.readFileSync(file), { level: 6 }); cache.set(file, body); }
  sent += body.length;
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': u.startsWith('/vendor/') ? 'public, max-age=31536000, immutable' : 'no-store' });
  res.end(body);
}).listen(+port, '127.0.0.1');
