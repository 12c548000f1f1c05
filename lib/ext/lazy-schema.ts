/**
 * A zod schema built on first use. zod builds every schema object when its module loads, which in a
 * cold page (the content script runs on every portal page) costs milliseconds for schemas most
 * pages never use.
 */
export interface LazySchema<T> {
  safeParse(x: unknown): { success: true; data: T } | { success: false; error: unknown };
  /** Throws on malformed input (tests; production code uses safeParse). */
  parse(x: unknown): T;
}

export function lazySchema<T>(build: () => { safeParse(x: unknown): { success: true; data: T } | { success: false; error: unknown }; parse(x: unknown): T }): LazySchema<T> {
  let schema: ReturnType<typeof build> | null = null;
  return {
    safeParse: (x) => (schema ??= build()).safeParse(x),
    parse: (x) => (schema ??= build()).parse(x),
  };
}
