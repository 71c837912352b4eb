// Reads the header and redirect rules of a built site the way Netlify does,
// with Netlify's own parsers (the ones its CLI dev server uses), and prints,
// as JSON, every header each published file is sent with under every URL it
// answers to, and the redirects. tests/it/netlify.rs asserts on the result.
//
//   node scripts/gates/netlify-rules.mjs <output folder> <netlify.toml>
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllHeaders } from 'netlify-headers-parser';
import { parseAllRedirects } from 'netlify-redirect-parser';

const [out, config] = process.argv.slice(2);
if (!out || !config) {
  console.error('usage: netlify-rules.mjs <output folder> <netlify.toml>');
  process.exit(2);
}

function* walk(dir, rel = '') {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path).isDirectory()) yield* walk(path, r);
    else yield r;
  }
}

// The URLs a file answers to: a folder's index.html also at the folder.
const urls = (rel) => {
  const direct = `/${rel}`;
  if (rel === 'index.html') return ['/', direct];
  if (rel.endsWith('/index.html')) return [direct.slice(0, -'index.html'.length), direct];
  return [direct];
};

const { headers: rules, errors: headerErrors } = await parseAllHeaders({
  headersFiles: [join(out, '_headers')],
  netlifyConfigPath: config,
  minimal: false,
});
const { redirects, errors: redirectErrors } = await parseAllRedirects({
  redirectsFiles: [join(out, '_redirects')],
  netlifyConfigPath: config,
  minimal: false,
});

const files = {};
for (const rel of walk(out)) {
  // The host reads these two and never serves them.
  if (rel === '_headers' || rel === '_redirects') continue;
  files[rel] = {};
  for (const url of urls(rel)) {
    const got = {};
    for (const rule of rules) {
      if (!rule.forRegExp.test(url)) continue;
      for (const [name, value] of Object.entries(rule.values)) {
        (got[name.toLowerCase()] ??= []).push(value);
      }
    }
    files[rel][url] = got;
  }
}

console.log(JSON.stringify({
  errors: [...headerErrors, ...redirectErrors].map(String),
  rules: rules.map((r) => ({ for: r.for, regexp: String(r.forRegExp) })),
  files,
  redirects: redirects.map((r) => ({ from: r.from, to: r.to, status: r.status, force: r.force })),
}));
