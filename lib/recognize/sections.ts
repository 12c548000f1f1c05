/**
 * Split the narrative into parts and numbered sections (第一部分…, 一、…, （一）…, 1、…).
 *
 * Contract for callers (recognize, claims, S-xx rules):
 * - `tableBlocks` = indices of blocks that belong to recognised tables (the <table> blocks and their
 *   title / marker / unit / note paragraphs). They are never headings and never body text, but they
 *   stay inside the block range [start, end) of the section they sit in.
 * - A heading paragraph that also holds body text ("（一）绩效评价工作开展情况。一是…") gives the
 *   heading part as `title` and is ALSO listed first in `paragraphs`, so sentence-level code finds
 *   the body text without re-reading headings.
 * - A part number alone on a line ("第一部分") takes the next short unnumbered paragraph as its title.
 * - A table of contents (目录 / 目 录 + heading-like short lines) goes to `tocBlocks`, never to sections.
 * - Numbering that restarts at 一、 inside the same parent (an attachment's own 一、二、…) is nested
 *   under the sibling just before it (e.g. the attachment's list item), so ids stay unique.
 * One pass over the blocks; every block is pushed/popped at most once: linear time.
 */
import type { Block, ParagraphBlock } from '../extract/types';
import type { Section } from '../model/types';
import { toInt } from '../int';

export interface SplitResult {
  sections: Section[];
  tocBlocks: number[];
}

/**
 * Numbering styles. `rank` orders nesting (a smaller rank contains a larger one);
 * `depth` is the public Section.depth (1 部分, 2 一、, 3 （一）, 4 1、/（1）/①).
 */
type Style = 'part' | 'attachment' | 'cn' | 'pcn' | 'ar' | 'par' | 'circled';
const RANK: Record<Style, number> = { part: 1, attachment: 1, cn: 2, pcn: 3, ar: 4, par: 5, circled: 6 };
const DEPTH: Record<Style, number> = { part: 1, attachment: 1, cn: 2, pcn: 3, ar: 4, par: 4, circled: 4 };

interface Marker {
  style: Style;
  /** Number in its sequence (1-based); 0 for unnumbered part-level headings. */
  n: number;
  /** The numbering as printed, e.g. "第三部分", "七、", "（一）". */
  prefix: string;
  /** Text after the numbering. */
  rest: string;
}

/** One of 零/〇 一 … 九 → 0…9, else −1 (a string search, no `in` + lookup on a CJK-keyed object). */
function cnDigit(s: string): number {
  if (s.length !== 1) return -1;
  return s === '〇' ? 0 : '零一二三四五六七八九'.indexOf(s);
}

/** 一…九十九 → number; NaN when not a well-formed small Chinese numeral. */
export function chineseNumeral(s: string): number {
  if (s.length === 0 || s.length > 3) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) {
    const d = cnDigit(s);
    return d < 0 ? NaN : d;
  }
  if (ten > 1) return NaN;
  const tens = ten === 0 ? 1 : cnDigit(s.slice(0, ten));
  const unitsText = s.slice(ten + 1);
  const units = unitsText === '' ? 0 : cnDigit(unitsText);
  if (tens < 0 || units < 0) return NaN;
  return tens * 10 + units;
}

// Leading whitespace incl. NBSP / U+3000 and Word's stray bookmarks is stripped before matching.
const LEAD = /^[\s\u00a0\u3000]+/;
const PART_RE = /^第\s*([一二三四五六七八九十]{1,3})\s*部分\s*[：:、．.]?\s*/;
const CN_RE = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*/;
const PCN_RE = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、．.]?\s*/;
// "1.8万元" and "2024.12" are numbers, not headings: one or two digits, then a separator not followed by a digit.
const AR_RE = /^(\d{1,2})\s*[、．.](?!\d)\s*/;
const PAR_RE = /^[（(]\s*(\d{1,2})\s*[）)]\s*[、．.]?\s*/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ATTACH_RE = /^附\s*(件|表)\s*([0-9一二三四五六七八九十]{0,3})\s*[：:、．.]?\s*/;
/** Title words of an unnumbered part heading (Shanghai pages drop "第二部分" before the tables). */
const PART_TITLE_RE = /(部门决算表|单位决算表|决算报表|决算情况说明|名词解释|部门概况|单位概况)$/;
const TOC_RE = /^目\s*录\s*[：:]?$/;

function normalise(text: string): string {
  // Most lines start with a CJK character or printable ASCII: nothing to strip.
  const c = text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff)) return text;
  return text.replace(LEAD, '');
}

export function parseMarker(raw: string): Marker | null {
  const text = normalise(raw);
  if (text === '') return null;
  // Every numbering pattern is anchored at its own first char: try only the ones that can match
  // (in the same order as before), so a line runs at most two patterns, not five.
  const c0 = text[0];
  let m: RegExpExecArray | null;
  if (c0 === '第') {
    m = PART_RE.exec(text);
    if (m) {
      const n = chineseNumeral(m[1]);
      if (!Number.isNaN(n)) return marker('part', n, text, m[0].length);
    }
  } else if (c0 === '（' || c0 === '(') {
    m = PCN_RE.exec(text);
    if (m) {
      const n = chineseNumeral(m[1]);
      if (!Number.isNaN(n)) return marker('pcn', n, text, m[0].length);
    }
    m = PAR_RE.exec(text);
    if (m) return marker('par', toInt(m[1]), text, m[0].length);
  } else if (c0 >= '0' && c0 <= '9') {
    m = AR_RE.exec(text);
    if (m && toInt(m[1]) > 0) return marker('ar', toInt(m[1]), text, m[0].length);
  } else if (CN_NUMERALS.includes(c0)) {
    m = CN_RE.exec(text);
    if (m) {
      const n = chineseNumeral(m[1]);
      if (!Number.isNaN(n)) return marker('cn', n, text, m[0].length);
    }
  } else {
    const c = CIRCLED.indexOf(c0);
    if (c >= 0) return { style: 'circled', n: c + 1, prefix: c0, rest: text.slice(1).replace(LEAD, '') };
  }
  return null;
}

const CN_NUMERALS = '一二三四五六七八九十';

function marker(style: Style, n: number, text: string, end: number): Marker {
  return { style, n, prefix: text.slice(0, end).trim(), rest: text.slice(end) };
}

/** A short unnumbered line (a title, not a sentence). */
function isShortLine(text: string, max = 50): boolean {
  const t = normalise(text).trim();
  if (t.length === 0 || t.length > max) return false;
  // A sentence end inside the line means body text.
  const stop = t.search(/[。；;！？]/);
  return stop < 0 || stop === t.length - 1;
}

/**
 * Heading part of a heading line: up to the first sentence end or colon; a long run-on
 * heading ("1.…（项），主要用于…") is cut at its first comma.
 */
const HEADING_STOP = /[。；;！？：:]/;
const INNER_NUMBERING = /[\s\u3000]+[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]/;

export function splitHeading(rest: string): { title: string; hasBody: boolean } {
  const r = rest.trim();
  let stop = r.search(HEADING_STOP);
  // "一、基本职能及主要工作 （一）在本行政区域内…": the next numbering on the same line starts the body.
  // Only a numbering before the first stop matters (it cannot span one): search up to there.
  const head = stop < 0 ? r : r.slice(0, stop);
  const inner = head.includes('（') || head.includes('(') ? head.search(INNER_NUMBERING) : -1;
  if (inner > 0 && (stop < 0 || inner < stop)) stop = inner;
  let title = stop < 0 ? r : r.slice(0, stop);
  let hasBody = stop >= 0 && r.slice(stop + 1).trim().length > 0;
  if (title.length > 30) {
    const comma = title.search(/[，,]/);
    if (comma > 0) {
      title = title.slice(0, comma);
      hasBody = true;
    }
  }
  return { title: title.trim(), hasBody };
}

function tocKey(text: string): string {
  // Entries carry dot leaders, page numbers and Word field codes; compare on the words only.
  return normalise(text)
    .replace(/PAGEREF\s*_Toc\w*\s*\\?h?\s*\d*/gi, '')
    .replace(/[.．·…\-—_\s\u00a0\u3000]+\d*\s*$/, '')
    .replace(/[\s\u00a0\u3000]+/g, '');
}

interface Node {
  section: Section;
  rank: number;
  /** Rank of a restarted numbering sequence nested in this node, if any. */
  containerRank: number | null;
  /** Last child number per rank (index), to see a continuation (n = last + 1) or a restart (n = 1). */
  lastChild: ({ n: number; node: Node } | undefined)[];
  /** This node's own number, set when it becomes a container. */
  parentNumber?: number;
}

export function splitSections(blocks: Block[], tableBlocks: ReadonlySet<number>): SplitResult {
  const tocBlocks: number[] = [];
  const roots: Section[] = [];
  const rootNode: Node = {
    section: null as unknown as Section,
    rank: 0,
    containerRank: null,
    lastChild: [],
  };
  const stack: Node[] = [rootNode];
  const usedIds = new Set<string>();

  let toc: { firstKey: string | null; seen: Set<string> } | null = null;
  /** A part heading without a title waits for the next short line as its title. */
  let pendingTitle: Section | null = null;
  let lastPartNo = 0;
  let partTag: string | null = null;
  let attachments = 0;

  const close = (node: Node, end: number) => {
    node.section.end = end;
  };

  // Next free suffix per base id, so repeated numbering stays linear.
  const nextSuffix = new Map<string, number>();
  const uniqueId = (base: string): string => {
    let id = base;
    let k = nextSuffix.get(base) ?? 2;
    while (usedIds.has(id)) id = `${base}~${k++}`;
    nextSuffix.set(base, k);
    usedIds.add(id);
    return id;
  };

  const open = (p: ParagraphBlock, marker: Marker, token: string) => {
    const rank = RANK[marker.style];
    let top = stack[stack.length - 1];
    // Pop to the parent; a node holding a restarted sequence of this rank keeps it unless the new
    // heading is clearly the container's own next sibling (n = container + 1, not child + 1).
    while (top.rank >= rank) {
      if (top.containerRank === rank) {
        const last = top.lastChild[rank];
        const own = top.parentNumber;
        const nextSibling = own !== undefined && marker.n === own + 1 && (!last || marker.n !== last.n + 1);
        if (!nextSibling) break;
      }
      stack.pop();
      close(top, p.index);
      top = stack[stack.length - 1];
    }
    let parent = top;
    // Restart: 一、 again under the same parent → nest under the previous sibling.
    const prev = parent.lastChild[rank];
    if (marker.style === 'cn' && marker.n === 1 && prev && parent.containerRank !== rank) {
      prev.node.containerRank = rank;
      prev.node.parentNumber = prev.n;
      stack.push(prev.node);
      parent = prev.node;
    }
    const parentId = parent === rootNode ? '' : `${parent.section.id}/`;
    const { title, hasBody } = splitHeading(marker.rest);
    const section: Section = {
      id: uniqueId(parentId + token),
      depth: DEPTH[marker.style],
      title: title ? `${marker.prefix}${marker.style === 'part' ? ' ' : ''}${title}` : marker.prefix,
      heading: p,
      paragraphs: hasBody ? [p] : [],
      children: [],
      start: p.index,
      end: p.index + 1,
    };
    if (parent === rootNode) roots.push(section);
    else parent.section.children.push(section);
    const node: Node = { section, rank, containerRank: null, lastChild: [] };
    parent.lastChild[rank] = { n: marker.n, node };
    stack.push(node);
    return { section, titled: title.length > 0 };
  };

  for (const block of blocks) {
    if (block.kind !== 'paragraph') {
      // Tables end a table of contents and a pending title search.
      toc = null;
      pendingTitle = null;
      continue;
    }
    const p = block;
    if (tableBlocks.has(p.index)) {
      pendingTitle = null;
      continue;
    }
    const text = normalise(p.text).trim();
    if (text.length === 0) continue;

    if (toc) {
      const key = tocKey(text);
      const first = toc.firstKey;
      // The body starts when an entry comes round again, or a part of the first one ("第一部分",
      // "部门概况" for "第一部分 部门概况").
      const repeats =
        key.length > 0 &&
        (toc.seen.has(key) ||
          (first !== null && key.length >= 2 && (first.startsWith(key) || key.startsWith(first) || first.endsWith(key))));
      if (!repeats && isShortLine(text, 80)) {
        if (toc.firstKey === null) toc.firstKey = key;
        toc.seen.add(key);
        tocBlocks.push(p.index);
        continue;
      }
      toc = null;
    }
    if (text[0] === '目' && TOC_RE.test(text.replace(/[\s\u00a0\u3000]+/g, ' ').trim())) {
      toc = { firstKey: null, seen: new Set() };
      tocBlocks.push(p.index);
      pendingTitle = null;
      continue;
    }

    let marker = parseMarker(text);
    if (marker === null && pendingTitle && isShortLine(text)) {
      // "第一部分" + "中共…部门概况": the second line is the part's title.
      pendingTitle.title = `${pendingTitle.title} ${text.replace(/[。：:]$/, '')}`;
      pendingTitle.end = p.index + 1;
      pendingTitle = null;
      continue;
    }
    pendingTitle = null;

    if (marker === null) {
      const att = text[0] === '附' ? ATTACH_RE.exec(text) : null;
      if (att && isShortLine(text, 60)) {
        attachments++;
        marker = { style: 'attachment', n: 0, prefix: text.slice(0, att[0].length).trim(), rest: text.slice(att[0].length) };
        const { section } = open(p, marker, `A${attachments}`);
        section.title = text;
        continue;
      }
      // The element's tag is read only for short lines after a part (DOM access is the costly bit).
      const partLike =
        lastPartNo > 0 &&
        isShortLine(text) &&
        (PART_TITLE_RE.test(text.replace(/[。：:]$/, '')) ||
          (partTag !== null && /^H[1-6]$/.test(partTag) && p.el?.tagName?.toUpperCase() === partTag));
      if (partLike) {
        // An unnumbered part heading between numbered parts takes the next part number.
        lastPartNo++;
        const { section } = open(p, { style: 'part', n: lastPartNo, prefix: '', rest: '' }, `P${lastPartNo}`);
        section.title = text;
        continue;
      }
      // Body text of the innermost open section (text before the first heading belongs to none).
      const top = stack[stack.length - 1];
      if (top !== rootNode) top.section.paragraphs.push(p);
      continue;
    }

    if (RANK[marker.style] >= 4 && marker.n !== 1) {
      // An Arabic-numbered line only continues a list that started at 1 under the same parent
      // ("2.本套报表金额单位转换…" after "注：1.…" is a note, not a heading).
      const top = stack[stack.length - 1];
      const rank = RANK[marker.style];
      let k = stack.length - 1;
      while (k > 0 && stack[k].rank >= rank) k--;
      const prev = stack[k].lastChild[rank];
      if (!prev || marker.n !== prev.n + 1) {
        if (top !== rootNode) top.section.paragraphs.push(p);
        continue;
      }
    }
    const token =
      marker.style === 'part'
        ? `P${marker.n}`
        : marker.style === 'par'
          ? `(${marker.n})`
          : marker.style === 'circled'
            ? `c${marker.n}`
            : String(marker.n);
    if (marker.style === 'part') {
      lastPartNo = marker.n;
      partTag = p.el?.tagName?.toUpperCase() ?? null;
    }
    const { section, titled } = open(p, marker, token);
    if (marker.style === 'part' && !titled) pendingTitle = section;
  }

  for (let i = stack.length - 1; i > 0; i--) close(stack[i], blocks.length);
  return { sections: roots, tocBlocks };
}
