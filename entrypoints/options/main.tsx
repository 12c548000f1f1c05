/** Options: auto-check hosts (optional host permission requested when added), notices, language. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type Lang } from '../../lib/i18n';
import {
  readSettings,
  normaliseHost,
  hostPattern,
  isPortalHost,
  SETTINGS_KEY,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../lib/ext/settings';
import { DismissalsSection } from './dismissals';
import '../popup/style.css';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [input, setInput] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const lang: Lang = settings.lang;

  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((got) => setSettings(readSettings(got[SETTINGS_KEY])));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'optionsTitle');
  }, [lang]);

  const save = async (next: Settings) => {
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    await browser.runtime.sendMessage({ type: 'dc:sync-hosts' }).catch(() => undefined);
    setNote(t(next.lang, 'optSaved'));
  };

  const addHost = async (e: Event) => {
    e.preventDefault();
    const host = normaliseHost(input);
    if (!host) return setNote(t(lang, 'optHostInvalid'));
    if (isPortalHost(host) || settings.hosts.includes(host)) {
      setInput('');
      return;
    }
    // Asked at the moment the user adds the host (a user gesture), for that host only.
    const granted = await browser.permissions.request({ origins: [hostPattern(host)] }).catch(() => false);
    if (!granted) return setNote(t(lang, 'optHostDenied'));
    setInput('');
    await save({ ...settings, hosts: [...settings.hosts, host] });
  };

  const removeHost = async (host: string) => {
    await browser.permissions.remove({ origins: [hostPattern(host)] }).catch(() => false);
    await save({ ...settings, hosts: settings.hosts.filter((h) => h !== host) });
  };

  return (
    <main class="options">
      <h1>{t(lang, 'optionsTitle')}</h1>
      <section>
        <p>
          {t(lang, 'optCheckLocal')}{' '}
          <a href={browser.runtime.getURL('/viewer.html')} target="_blank" rel="noopener" data-action="check-local">
            {t(lang, 'checkLocalFile')}…
          </a>
        </p>
      </section>
      <section>
        <label>
          {t(lang, 'optLanguage')}{' '}
          <select
            data-setting="lang"
            value={lang}
            onChange={(e) => void save({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'zh' })}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </section>
      <section>
        <label>
          <input
            type="checkbox"
            data-setting="showNotices"
            checked={settings.showNotices}
            onChange={(e) => void save({ ...settings, showNotices: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t(lang, 'optShowNotices')}
        </label>
      </section>
      <section>
        <label>
          <input
            type="checkbox"
            data-setting="pdfViewer"
            checked={settings.pdfViewer}
            onChange={(e) => void save({ ...settings, pdfViewer: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t(lang, 'optPdfViewer')}
        </label>
      </section>
      <section>
        <label>
          <input
            type="checkbox"
            data-setting="insights"
            checked={settings.insights}
            onChange={(e) => void save({ ...settings, insights: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t(lang, 'optInsights')}
        </label>
      </section>
      <section>
        <h2>{t(lang, 'optHosts')}</h2>
        <p class="hint">{t(lang, 'optHostsHelp')}</p>
        <ul class="hosts">
          <li><code>*.gov.cn</code></li>
          {settings.hosts.map((h) => (
            <li key={h}>
              <code>{h}</code>{' '}
              <button type="button" onClick={() => void removeHost(h)}>{t(lang, 'optRemoveHost')}</button>
            </li>
          ))}
          {settings.hosts.length === 0 && <li class="hint">{t(lang, 'optNoHosts')}</li>}
        </ul>
        <form onSubmit={(e) => void addHost(e)}>
          <input
            type="text"
            data-setting="host"
            placeholder="www.example.org"
            value={input}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="submit">{t(lang, 'optAddHost')}</button>
        </form>
      </section>
      <DismissalsSection lang={lang} />
      {note && <p class="hint" role="status">{note}</p>}
      <p class="hint">{t(lang, 'optPrivacy')}</p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
