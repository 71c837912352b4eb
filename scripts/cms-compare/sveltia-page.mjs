// The Sveltia variant of the built editor: the same generated config.yml
// and cms.js, with Sveltia's in-browser test backend (it has no local
// proxy) and without registerLocale (Sveltia has none).
import fs from 'node:fs';
const [out, version] = process.argv.slice(2);
const dir = `${out}/admin-sv`;
fs.mkdirSync(dir, { recursive: true });
const text = fs.readFileSync(`${out}/admin/config.yml`, 'utf8');
const config = JSON.parse(text.slice(text.indexOf('{')));
config.backend = { name: 'test-repo' };
delete config.local_backend;
fs.writeFileSync(`${dir}/config.yml`, JSON.stringify(config, null, 1));
const js = fs.readFileSync(`${out}/admin/cms.js`, 'utf8');
fs.writeFileSync(`${dir}/cms.js`, js.replace("CMS.registerLocale('id', INDONESIAN);", ''));
const yaml = /src="([^"]*js-yaml[^"]*)"/.exec(fs.readFileSync(`${out}/admin/index.html`, 'utf8'))[1];
fs.writeFileSync(`${dir}/index.html`, `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sveltia</title>
<script src="cms.js" defer></script>
<script src="${yaml}" defer></script>
<script src="/vendor/@sveltia/cms@${version}/dist/sveltia-cms.js" defer></script>
</head><body></body></html>\n`);
