/** User settings (options page), kept in storage.local (never synced: nothing leaves the browser). */
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

const settings = () =>
  z.object({
    lang: z.enum(['zh', 'en']),
    showNotices: z.boolean(),
    /** Extra hosts checked automatically besides *.gov.cn, e.g. "www.example.org". */
    hosts: z.array(z.string()),
    /** Open PDFs on *.gov.cn in the extension's viewer (redirect); off: the browser's own viewer. */
    pdfViewer: z.boolean(),
    /** Run the insights (X-xx notices: 三公 above budget, 30% off budget without a reason); off by default. */
    insights: z.boolean(),
  });
export type Settings = z.infer<ReturnType<typeof settings>>;
/** Built on first use (see lazy-schema.ts). */
export const SettingsSchema = /* @__PURE__ */ lazySchema(settings);

export const DEFAULT_SETTINGS: Settings = { lang: 'zh', showNotices: true, hosts: [], pdfViewer: true, insights: false };
export const SETTINGS_KEY = 'settings';

/** Read settings from a storage record, falling back field by field to the defaults. */
export function readSettings(raw: unknown): Settings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const r = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...obj });
  if (r.success) return { ...r.data, hosts: r.data.hosts.filter(isValidHost) };
  return { ...DEFAULT_SETTINGS };
}

const HOST = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** Normalise user input ("https://www.example.org/path" → "www.example.org"); null if invalid. */
export function normaliseHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z]+:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  return isValidHost(s) ? s : null;
}

export function isValidHost(h: string): boolean {
  return HOST.test(h);
}

/** Match pattern for a host ("*.example.org" included). */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}

/** True when the host is covered by the built-in *.gov.cn auto-check. */
export function isPortalHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'gov.cn' || h.endsWith('.gov.cn');
}
