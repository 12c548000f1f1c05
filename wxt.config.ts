import { defineConfig } from 'wxt';

// Permissions stay minimal: see README "Permissions".
const PORTAL_HOSTS = '*://*.gov.cn/*';
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: '决算公开校验 · Disclosure Checker',
    description: '在门户网站页面上校验部门决算公开的表格与说明 · Checks government final-accounts disclosures on the page',
    // *.gov.cn is the content script's own match: declared as a host permission as well so that the
    // background may inject the checker there (same hosts, same install prompt).
    permissions: ['activeTab', 'scripting', 'storage', ...(manifestVersion === 3 ? [] : [PORTAL_HOSTS])],
    // Hosts the user adds in the options page are requested one by one, when added.
    ...(manifestVersion === 3
      ? { host_permissions: [PORTAL_HOSTS], optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'disclosure-checker@example.org', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  webExt: { chromiumArgs: ['--headless=new'] },
});
