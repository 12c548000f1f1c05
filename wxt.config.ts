import { defineConfig } from 'wxt';

// Permissions stay minimal: see README "Permissions".
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '决算公开校验 · Disclosure Checker',
    description: '在门户网站页面上校验部门决算公开的表格与说明 · Checks government final-accounts disclosures on the page',
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'disclosure-checker@example.org' } } }
      : {}),
  }),
  runner: { chromiumArgs: ['--headless=new'] },
});
