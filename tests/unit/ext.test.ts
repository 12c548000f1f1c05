import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { ToContentSchema, ToBackgroundSchema, PageStateSchema, StateMessageSchema, parseMessage, type PageState } from '../../lib/ext/messages';
import { readSettings, normaliseHost, isPortalHost, hostPattern, DEFAULT_SETTINGS } from '../../lib/ext/settings';
import { badgeFor } from '../../lib/ext/badge';
import { verdictContent } from '../../lib/ext/verdict';
import { groupItems } from '../../lib/ext/groups';
import { checkDocumentSliced, buildItems, sectionOf, yieldToPage, STARVATION_MS } from '../../lib/ext/page-check';
import { checkDocument, toReport } from '../../lib/index';
import { ALL_KEYS, STRINGS, t } from '../../lib/i18n';
import type { Section } from '../../lib/model/types';

const baseState = (over: Partial<PageState> = {}): PageState => ({
  status: 'done',
  url: 'http://x.gov.cn/',
  progress: null,
  error: null,
  marksOn: true,
  report: null,
  items: [],
  trigger: 'auto',
  ...over,
});

describe('message schemas', () => {
  it('accepts the messages the extension sends', () => {
    expect(ToContentSchema.safeParse({ type: 'dc:reveal', finding: 3 }).success).toBe(true);
    expect(ToContentSchema.safeParse({ type: 'dc:set-marks', on: false }).success).toBe(true);
    expect(ToBackgroundSchema.safeParse({ type: 'dc:inject', tabId: 12 }).success).toBe(true);
    expect(StateMessageSchema.safeParse({ type: 'dc:state', state: baseState() }).success).toBe(true);
  });

  it.each([
    [ToContentSchema, null],
    [ToContentSchema, 'dc:run'],
    [ToContentSchema, { type: 'dc:reveal', finding: -1 }],
    [ToContentSchema, { type: 'dc:reveal', finding: 1.5 }],
    [ToContentSchema, { type: 'dc:set-marks', on: 'yes' }],
    [ToContentSchema, { type: 'dc:eval', code: 'alert(1)' }],
    [ToBackgroundSchema, { type: 'dc:inject', tabId: '7' }],
    [PageStateSchema, { ...baseState(), status: 'hacked' }],
    [PageStateSchema, { ...baseState(), items: [{ index: 0 }] }],
  ])('rejects and logs malformed input %#', (schema, raw) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseMessage(schema as typeof ToContentSchema, raw, 'test')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('a real report passes the popup schema unchanged', () => {
    const { document } = parseHTML(readFileSync('tests/fixtures/lukou-2024.html', 'utf8'));
    const run = checkDocument(document as unknown as Document);
    const report = toReport(run, 'lukou');
    const state = baseState({ report, items: buildItems(run) });
    const parsed = PageStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(parsed.report).toEqual(JSON.parse(JSON.stringify(report)));
    expect(parsed.items).toHaveLength(report.findings.length);
  });
});

describe('settings', () => {
  it('falls back to defaults field by field', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    // Insights are off unless the reader turns them on.
    expect(readSettings({ lang: 'en' }).insights).toBe(false);
    expect(readSettings({ insights: true }).insights).toBe(true);
    expect(readSettings({ lang: 'en' })).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
    expect(readSettings({ lang: 'fr' })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ hosts: ['ok.example.org', 'not a host'] }).hosts).toEqual(['ok.example.org']);
  });

  it.each([
    ['https://www.Example.org/path?q=1', 'www.example.org'],
    ['czj.example.cn:8080', 'czj.example.cn'],
    ['*.example.org', '*.example.org'],
    ['localhost', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('normaliseHost(%s) = %s', (input, out) => {
    expect(normaliseHost(input)).toBe(out);
  });

  it('knows the built-in portal hosts and builds match patterns', () => {
    expect(isPortalHost('www.lukou.gov.cn')).toBe(true);
    expect(isPortalHost('gov.cn.example.org')).toBe(false);
    expect(hostPattern('www.example.org')).toBe('*://www.example.org/*');
  });
});

describe('badge', () => {
  const summary = (errors: number, warnings: number, notices: number) =>
    ({ source: '', document: { title: '', department: null, year: null, unit: null, kind: 'final', scope: null, format: 'html' }, tables: [], sections: [], findings: [], rules: [], summary: { errors, warnings, notices, rulesRun: 1 } });
  it('shows the error count coloured by the worst severity', () => {
    expect(badgeFor(baseState({ report: summary(3, 1, 0) }))).toEqual({ text: '3', color: '#d21f1f' });
    expect(badgeFor(baseState({ report: summary(0, 2, 0) }))).toEqual({ text: '0', color: '#d98a00' });
    expect(badgeFor(baseState({ report: summary(0, 0, 4) }))?.color).toBe('#6a86a8');
    expect(badgeFor(baseState({ report: summary(0, 0, 0) }))?.color).toBe('#2e7d32');
  });
  it('leaves insights (X-xx notices) out of its colour', () => {
    const insight = { rule: 'X-01', severity: 'notice' as const, message: '', expected: null, actual: null, cells: [], quote: null };
    expect(badgeFor(baseState({ report: { ...summary(0, 0, 1), findings: [insight] } }))).toEqual({ text: '0', color: '#2e7d32' });
    expect(badgeFor(baseState({ report: { ...summary(0, 0, 2), findings: [insight, { ...insight, rule: 'I-03' }] } }))?.color).toBe('#6a86a8');
  });
  it('is empty when there is no disclosure, busy while checking', () => {
    expect(badgeFor(baseState({ status: 'no-disclosure' }))).toBeNull();
    expect(badgeFor(baseState({ status: 'checking' }))?.text).toBe('…');
    expect(badgeFor(baseState({ status: 'failed' }))?.text).toBe('!');
  });
});

describe('popup grouping', () => {
  const item = (index: number, kind: 'table' | 'section' | 'document', key: string) => ({
    index,
    group: { kind, key, title: key },
    ruleTitle: null,
    difference: null,
    marked: true,
  });
  it('orders tables by key, then narrative sections by first finding, then the document', () => {
    const groups = groupItems([item(0, 'section', 'P3/2'), item(1, 'table', 'T10'), item(2, 'document', ''), item(3, 'table', 'T2'), item(4, 'section', 'P3/1'), item(5, 'table', 'T2')]);
    expect(groups.map((g) => g.group.key)).toEqual(['T2', 'T10', 'P3/2', 'P3/1', '']);
    expect(groups[0].items.map((i) => i.index)).toEqual([3, 5]);
  });

  it('finds the section (depth ≤ 2) of a paragraph', () => {
    const sec = (id: string, depth: number, start: number, end: number, children: Section[] = []) =>
      ({ id, depth, title: id, start, end, children, paragraphs: [], heading: null }) as unknown as Section;
    const tree = [sec('P1', 1, 0, 10, [sec('P1/1', 2, 1, 5, [sec('P1/1/1', 3, 2, 4)])]), sec('P2', 1, 10, 20)];
    expect(sectionOf(tree, 3)?.id).toBe('P1/1');
    expect(sectionOf(tree, 7)?.id).toBe('P1');
    expect(sectionOf(tree, 15)?.id).toBe('P2');
    expect(sectionOf(tree, 25)).toBeNull();
  });
});

describe('checkDocumentSliced', () => {
  for (const name of ['lukou-2024', 'putuo-2025']) {
    it(`gives the same report as checkDocument on ${name}, yielding between slices`, async () => {
      const html = readFileSync(`tests/fixtures/${name}.html`, 'utf8');
      const a = parseHTML(html).document as unknown as Document;
      const b = parseHTML(html).document as unknown as Document;
      const stages: string[] = [];
      let yields = 0;
      const sliced = await checkDocumentSliced(a, {
        budgetMs: 0,
        onProgress: (p) => stages.push(p.stage),
        yieldTo: async () => {
          yields++;
        },
      });
      const whole = checkDocument(b);
      expect(toReport(sliced, 's')).toEqual(toReport(whole, 's'));
      expect(yields).toBeGreaterThan(2);
      expect(stages[0]).toBe('extract');
      expect(stages).toContain('rules');
    });
  }

  it('yields inside recognition and inside the shared narrative analysis, each timed as one stage', async () => {
    const { document } = parseHTML(readFileSync('tests/fixtures/lukou-2024.html', 'utf8'));
    const log: string[] = [];
    await checkDocumentSliced(document as unknown as Document, {
      budgetMs: 0,
      onTiming: (step) => log.push(`timed:${step}`),
      yieldTo: async () => {
        log.push('yield');
      },
    });
    const yieldsBetween = (a: string, b: string) => log.slice(log.indexOf(a) + 1, log.indexOf(b)).filter((x) => x === 'yield').length;
    // Nine tables: at least one pause per table laid out and per table built.
    expect(yieldsBetween('timed:extract', 'timed:recognize')).toBeGreaterThanOrEqual(18);
    // The narrative's analysis, a pause per paragraph, before the first rule (which then finds it built).
    expect(yieldsBetween('timed:recognize', 'timed:claims')).toBeGreaterThan(50);
    expect(log.indexOf('timed:claims')).toBeLessThan(log.indexOf('timed:rule:I-01'));
    expect(log.filter((x) => x === 'timed:recognize' || x === 'timed:claims')).toEqual(['timed:recognize', 'timed:claims']);
  });

  it('the default yield is a real task (a timer queued before the check runs during it; a microtask would starve it), same report', async () => {
    const html = readFileSync('tests/fixtures/putuo-2025.html', 'utf8');
    const a = parseHTML(html).document as unknown as Document;
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let sawTimerDuringCheck: boolean | null = null;
    const sliced = await checkDocumentSliced(a, {
      budgetMs: 0,
      onProgress: () => {
        if (sawTimerDuringCheck === null && timerRan) sawTimerDuringCheck = true;
      },
    });
    expect(toReport(sliced, 's')).toEqual(toReport(checkDocument(parseHTML(html).document as unknown as Document), 's'));
    expect(timerRan).toBe(true);
    expect(sawTimerDuringCheck).toBe(true);
  });

  it('a shared analysis that throws is not fatal: same report as checkDocument, no timing for it', async () => {
    const html = readFileSync('tests/fixtures/lukou-2024.html', 'utf8');
    const timings: string[] = [];
    const sliced = await checkDocumentSliced(parseHTML(html).document as unknown as Document, {
      analyses: [
        {
          id: 'boom',
          steps: function* () {
            yield;
            throw new Error('analysis failed');
          },
        },
      ],
      onTiming: (step) => timings.push(step),
      yieldTo: async () => undefined,
    });
    expect(toReport(sliced, 's')).toEqual(toReport(checkDocument(parseHTML(html).document as unknown as Document), 's'));
    expect(timings).not.toContain('boom');
    expect(timings).toContain('rule:N-01');
  });

  it('an abort during a shared analysis stops the check', async () => {
    const { document } = parseHTML(readFileSync('tests/fixtures/lukou-2024.html', 'utf8'));
    const ac = new AbortController();
    let stepsRun = 0;
    const timings: string[] = [];
    const run = checkDocumentSliced(document as unknown as Document, {
      budgetMs: 0,
      signal: ac.signal,
      onTiming: (step) => timings.push(step),
      analyses: [
        {
          id: 'slow',
          steps: function* () {
            for (;;) {
              stepsRun++;
              if (stepsRun === 3) ac.abort();
              yield;
            }
          },
        },
      ],
      yieldTo: async () => undefined,
    });
    await expect(run).rejects.toThrow('aborted');
    expect(stepsRun).toBe(3);
    expect(timings.filter((t) => t.startsWith('rule:'))).toEqual([]); // stopped there, not at the next rule
  });

  it('pauses once more after the last rule, so the report and the marks start a task of their own', async () => {
    const { document } = parseHTML(readFileSync('tests/fixtures/putuo-2025.html', 'utf8'));
    const log: string[] = [];
    await checkDocumentSliced(document as unknown as Document, {
      budgetMs: 1e9, // only the pauses that are not about the budget
      onTiming: (step) => log.push(step),
      yieldTo: async () => {
        log.push('yield');
      },
    });
    expect(log[log.length - 1]).toBe('yield');
    // The localization (root causes) is the step after the last rule.
    expect(log[log.length - 2]).toBe('localize');
    expect(log[log.length - 3]).toMatch(/^rule:/);
    expect(log.filter((x) => x === 'yield')).toHaveLength(1);
  });

  it('stops between slices when aborted', async () => {
    const { document } = parseHTML(readFileSync('tests/fixtures/lukou-2024.html', 'utf8'));
    const ac = new AbortController();
    ac.abort();
    await expect(checkDocumentSliced(document as unknown as Document, { budgetMs: 0, signal: ac.signal, yieldTo: async () => undefined })).rejects.toThrow('aborted');
  });
});

describe('yieldToPage', () => {
  type Post = (cb: () => void, opts: { priority: string }) => Promise<unknown>;
  async function withScheduler<T>(postTask: Post, fn: () => Promise<T>): Promise<T> {
    const g = globalThis as { scheduler?: unknown };
    const saved = g.scheduler;
    g.scheduler = { postTask };
    try {
      return await fn();
    } finally {
      if (saved === undefined) delete g.scheduler;
      else g.scheduler = saved;
    }
  }

  it('asks for a background-priority task where the browser has scheduler.postTask', async () => {
    const asked: string[] = [];
    await withScheduler(
      (cb, opts) => {
        asked.push(opts.priority);
        return new Promise((r) => setTimeout(() => r(cb()), 0));
      },
      () => yieldToPage(),
    );
    expect(asked).toEqual(['background']);
  });

  it('goes on after STARVATION_MS when the page never lets a background task run', async () => {
    vi.useFakeTimers();
    try {
      let resolved = false;
      let signal: AbortSignal | undefined;
      await withScheduler(
        (_cb, opts) => {
          signal = (opts as { signal?: AbortSignal }).signal;
          return new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('AbortError')))); // never runs
        },
        async () => {
          const p = yieldToPage().then(() => (resolved = true));
          await vi.advanceTimersByTimeAsync(STARVATION_MS - 1);
          expect(resolved).toBe(false);
          expect(signal?.aborted).toBe(false);
          await vi.advanceTimersByTimeAsync(1);
          await p;
        },
      );
      expect(resolved).toBe(true);
      // The task still queued is withdrawn, not left to pile up on a busy page.
      expect(signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes on at once when postTask throws or rejects', async () => {
    const started = Date.now();
    await expect(
      withScheduler(
        () => {
          throw new Error('not allowed');
        },
        () => yieldToPage(),
      ),
    ).resolves.toBeUndefined();
    await expect(withScheduler(() => Promise.reject(new Error('aborted')), () => yieldToPage())).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(STARVATION_MS); // not by the starvation timer
  });

  it('falls back to a timeout without scheduler.postTask (Node, older browsers)', async () => {
    expect((globalThis as { scheduler?: unknown }).scheduler).toBeUndefined();
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await yieldToPage();
    expect(timerRan).toBe(true);
  });
});

describe('i18n', () => {
  it('every string exists in Chinese and English with the same placeholders', () => {
    for (const k of ALL_KEYS) {
      const { zh, en } = STRINGS[k];
      expect(zh.length, k).toBeGreaterThan(0);
      expect(en.length, k).toBeGreaterThan(0);
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(zh), k).toEqual(ph(en));
    }
  });
  it('Chinese is the default and placeholders are filled', () => {
    expect(t('zh', 'verdictErrors', { n: 5 })).toBe('5 个错误');
    expect(t('en', 'verdictErrors', { n: 5 })).toBe('5 errors');
  });
});

describe('verdict chip and insights', () => {
  const report = (findings: Array<{ rule: string; severity: 'error' | 'warning' | 'notice' }>) => ({
    source: '',
    document: { title: '', department: null, year: null, unit: null },
    tables: [],
    sections: [],
    findings: findings.map((f) => ({ ...f, message: f.rule, expected: null, actual: null, cells: [], quote: null })),
    rules: [],
    summary: { errors: 0, warnings: 0, notices: findings.filter((f) => f.severity === 'notice').length, rulesRun: 1 },
  });
  it('counts no insight (X-xx) among the notices', () => {
    expect(verdictContent(report([{ rule: 'X-02', severity: 'notice' }]), [], 'zh').counts.map((c) => c[0])).toEqual(['clean']);
    expect(verdictContent(report([{ rule: 'X-02', severity: 'notice' }, { rule: 'I-03', severity: 'notice' }]), [], 'zh').counts).toEqual([
      ['clean', expect.any(String)],
      ['notice', '1 处提示'],
    ]);
  });
});
