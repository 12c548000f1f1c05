/**
 * Where the injected checker script leaves the checker for the content script: a global of the
 * extension's isolated world, which the page's own scripts cannot see or replace.
 */
import type { Checker } from './checker';

const SLOT = '__dcChecker';

export function installedChecker(): Checker | null {
  return ((globalThis as Record<string, unknown>)[SLOT] as Checker | undefined) ?? null;
}

export function installChecker(c: Checker): void {
  (globalThis as Record<string, unknown>)[SLOT] = c;
}
