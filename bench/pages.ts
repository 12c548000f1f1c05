/**
 * Benchmark pages, generated in memory from the seed page: the seed itself, its body repeated
 * 10× and 100× (every table with its title and narrative, so each copy is a full disclosure),
 * and a large page with no disclosure (many unrelated tables and long text).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchPage {
  id: string;
  title: string;
  html: string;
  /** True for the detection bail-out case. */
  nonDisclosure: boolean;
  /** Repetitions of the seed body (1 for the seed, 0 for the non-disclosure page). */
  copies: number;
}

export const SEED_PATH = fileURLToPath(new URL('../tests/fixtures/lukou-2024.html', import.meta.url));

/** Repeat the body's content `n` times (head kept once). */
export function repeatBody(html: string, n: number): string {
  const open = html.search(/<body[^>]*>/i);
  const openEnd = html.indexOf('>', open) + 1;
  const close = html.toLowerCase().lastIndexOf('</body>');
  if (open < 0 || close < openEnd) return html.repeat(n);
  const inner = html.slice(openEnd, close);
  return html.slice(0, openEnd) + inner.repeat(n) + html.slice(close);
}

/** Deterministic pseudo-random numbers (the page must be identical between runs). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英'.split('');
const POSTS = ['科长', '副科长', '科员', '主任', '副主任', '办事员', '干部'];
const OFFICES = ['办公室', '综合科', '财务科', '人事科', '法规科', '信息中心', '档案室'];
const GOODS = ['打印纸', '硒鼓', '办公桌', '文件柜', '台式电脑', '笔记本电脑', '空调', '碎纸机'];
const WORDS =
  '为深入贯彻落实党中央国务院决策部署进一步优化营商环境推动高质量发展我区召开专题会议研究部署相关工作会议强调要坚持以人民为中心的发展思想切实提升政务服务水平加强基层治理推进乡村振兴确保各项任务落到实处'.split(
    '',
  );

/** A news/portal page with many unrelated tables (directories, price lists with 合计, schedules) and long text. */
export function nonDisclosurePage(tables = 300, rowsPerTable = 20, paragraphs = 3000): string {
  const rnd = lcg(20240611);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const sentence = (len: number) => Array.from({ length: len }, () => pick(WORDS)).join('');
  const parts: string[] = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务动态_某区人民政府</title></head><body>',
    '<table class="top-banner" width="100%"><tr><td>某区人民政府门户网站</td><td><a href="#">首页</a> | <a href="#">政务公开</a></td></tr></table>',
    '<div class="article"><h1>2024年工作动态汇编</h1>',
  ];
  const perTableParas = Math.max(1, Math.floor(paragraphs / tables));
  for (let t = 0; t < tables; t++) {
    for (let p = 0; p < perTableParas; p++) parts.push(`<p>${sentence(60 + Math.floor(rnd() * 80))}。</p>`);
    const kind = t % 3;
    if (kind === 0) {
      parts.push(`<p>附件${t + 1}：通讯录（${pick(OFFICES)}）</p><table border="1"><tr><th>序号</th><th>姓名</th><th>职务</th><th>办公室</th><th>电话</th><th>备注</th></tr>`);
      for (let r = 0; r < rowsPerTable; r++) {
        const phone = `0731-${String(20000000 + Math.floor(rnd() * 9999999))}`;
        parts.push(
          `<tr><td>${r + 1}</td><td>${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}</td><td>${pick(POSTS)}</td><td>${pick(OFFICES)}</td><td>${phone}</td><td></td></tr>`,
        );
      }
    } else if (kind === 1) {
      // Looks financial on purpose: amounts, 单位：元, a 合计 row — but no disclosure title or markers.
      parts.push(`<p>政府采购结果公告（第${t + 1}批） 单位：元</p><table border="1"><tr><th>品目</th><th>数量</th><th>单价</th><th>金额</th><th>供应商</th><th>备注</th></tr>`);
      let total = 0;
      for (let r = 0; r < rowsPerTable - 1; r++) {
        const q = 1 + Math.floor(rnd() * 50);
        const cents = 1000 + Math.floor(rnd() * 900000);
        total += q * cents;
        parts.push(
          `<tr><td>${pick(GOODS)}</td><td>${q}</td><td>${(cents / 100).toFixed(2)}</td><td>${((q * cents) / 100).toFixed(2)}</td><td>某某科技有限公司</td><td>-</td></tr>`,
        );
      }
      parts.push(`<tr><td>合计</td><td></td><td></td><td>${(total / 100).toFixed(2)}</td><td></td><td></td></tr>`);
    } else {
      parts.push(`<p>值班安排表（${t + 1}）</p><table border="1"><thead><tr><th>日期</th><th>星期</th><th>带班领导</th><th>值班人员</th><th>联系电话</th><th>备注</th></tr></thead><tbody>`);
      for (let r = 0; r < rowsPerTable; r++) {
        parts.push(
          `<tr><td>2024-${String(1 + (r % 12)).padStart(2, '0')}-${String(1 + (r % 28)).padStart(2, '0')}</td><td>星期${'一二三四五六日'[r % 7]}</td><td>${pick(SURNAMES)}${pick(GIVEN)}</td><td>${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}</td><td>1${String(3000000000 + Math.floor(rnd() * 999999999))}</td><td></td></tr>`,
        );
      }
      parts.push('</tbody>');
    }
    parts.push('</table>');
  }
  parts.push('</div><div class="footer"><table><tr><td>主办：某区人民政府办公室</td><td>备案号：湘ICP备00000000号</td></tr></table></div></body></html>');
  return parts.join('\n');
}

/** All benchmark pages. `ids` filters by id (seed, x10, x100, nodisc). */
export function benchPages(ids?: string[]): BenchPage[] {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const all: (() => BenchPage)[] = [
    () => ({ id: 'seed', title: 'seed page (lukou-2024)', html: seed, nonDisclosure: false, copies: 1 }),
    () => ({ id: 'x10', title: 'seed body ×10', html: repeatBody(seed, 10), nonDisclosure: false, copies: 10 }),
    () => ({ id: 'x100', title: 'seed body ×100', html: repeatBody(seed, 100), nonDisclosure: false, copies: 100 }),
    () => ({ id: 'nodisc', title: 'non-disclosure page', html: nonDisclosurePage(), nonDisclosure: true, copies: 0 }),
  ];
  const keys = ['seed', 'x10', 'x100', 'nodisc'];
  return all.filter((_, i) => !ids || ids.includes(keys[i])).map((f) => f());
}
