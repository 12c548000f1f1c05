import { defineConfig } from 'wxt';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Permissions stay minimal: see README "Permissions".
// Firefox add-on id: a GUID (claims no domain), fixed for good — settings and the uuid pref in the
// Firefox tests hang on it (docs/extension.md, "Hardening").
const GECKO_ID = '{8f3b2c71-5d4e-4a96-b1c0-7e2d9a6f4c35}';
const PORTAL_HOSTS = '*://*.gov.cn/*';

// pdf.js for the PDF viewer (entrypoints/viewer): its worker, the Chinese character maps (without
// them pdf.js returns no text for Chinese fonts that are not embedded) and the standard fonts,
// shipped inside the extension: the viewer loads nothing from anywhere else.
const PDFJS = resolve('node_modules/pdfjs-dist');
const CHINESE_CMAP = /^(Adobe-(GB1|CNS1)-|Uni(GB|CNS)-|GB|CNS|B5|ETen|ETHK|HK|Identity-)/;
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const out = [{ absoluteSrc: join(PDFJS, 'legacy/build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' }];
  for (const f of readdirSync(join(PDFJS, 'cmaps'))) {
    if (CHINESE_CMAP.test(f) && f.endsWith('.bcmap')) out.push({ absoluteSrc: join(PDFJS, 'cmaps', f), relativeDest: `pdfjs/cmaps/${f}` });
  }
  for (const f of readdirSync(join(PDFJS, 'standard_fonts'))) {
    if (/\.(pfb|ttf)$/.test(f)) out.push({ absoluteSrc: join(PDFJS, 'standard_fonts', f), relativeDest: `pdfjs/standard_fonts/${f}` });
  }
  return out;
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '决算公开校验 · Disclosure Checker',
    description: '在门户网站页面上校验部门决算公开的表格与说明 · Checks government final-accounts disclosures on the page',
    // *.gov.cn is the content script's own match: declared as a host permission as well so that the
    // background may inject the checker there (same hosts, same install prompt).
    // PDFs on *.gov.cn open in the viewer: Chrome redirects them with declarativeNetRequest rules
    // (the "WithHostAccess" variant acts only where the extension has host access — *.gov.cn — and
    // adds no install warning); Firefox MV2 redirects them from a blocking webRequest listener.
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      ...(manifestVersion === 3 ? ['declarativeNetRequestWithHostAccess'] : [PORTAL_HOSTS, 'webRequest', 'webRequestBlocking']),
    ],
    // Hosts the user adds in the options page are requested one by one, when added.
    ...(manifestVersion === 3
      ? { host_permissions: [PORTAL_HOSTS], optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    // A redirected navigation may only land on an extension page the web may reach: the viewer
    // alone (it loads nothing from the page that navigated, and shows only the PDF it is given).
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: ['viewer.html'], matches: ['*://*/*'] }] : ['viewer.html'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  webExt: { chromiumArgs: ['--headless=new'] },
});
