/**
 * A zod schema built on first use. zod builds every schema object when its module loads, which in a
 * cold page (the content script runs on every portal page) costs milliseconds for schemas most
 * pages never use.
 */

/** What callers use of a zod schema (zod and zod/mini schemas both fit). */
export interface SafeParser<T> {
  safeParse(x: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export interface LazySchema<T> extends SafeParser<T> {
  /** Throws on malformed input (tests; production code uses safeParse). */
  parse(x: unknown): T;
}

export function lazySchema<T>(build: () => LazySchema<T>): LazySchema<T> {
  let schema: LazySchema<T> | null = null;
  return {
    safeParse: (x) => (schema ??= build()).safeParse(x),
    parse: (x) => (schema ??= build()).parse(x),
  };
}
