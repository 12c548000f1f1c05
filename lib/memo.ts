/**
 * `fn` remembered per text. Pages and rules ask about the same few hundred texts (row names, section
 * titles, cell numbers, Word styles) again and again. Bounded: everything is forgotten once `limit`
 * texts are stored, so a page of endless distinct texts cannot grow it. Only for pure functions of
 * the text, whose results callers never modify.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= limit) cache = new Map();
      v = fn(text);
      cache.set(text, v);
    }
    return v;
  };
}
