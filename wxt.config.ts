import { defineConfig } from 'wxt';

// Permissions stay minimal: see README "Permissions".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: '决算公开校验 · Disclosure Checker',
    description: '在门户网站页面上校验部门决算公开的表格与说明 · Checks government final-accounts disclosures on the page',
    permissions: ['activeTab', 'scripting', 'storage'],
    // Hosts the user adds in the options page are requested one by one, when added.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'disclosure-checker@example.org', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  webExt: { chromiumArgs: ['--headless=new'] },
});
