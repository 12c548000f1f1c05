/**
 * Where the injected checker script leaves the checker for the content script: a global of the
 * extension's isolated world, which the page's own scripts cannot see or replace. Symbol keys, not
 * names: a page element `<div id="__dcChecker">` shows up as `window.__dcChecker` in the isolated
 * world too (DOM clobbering); named properties are never symbol-keyed.
 */
import type { Checker } from './checker';

const SLOT: unique symbol = Symbol.for('disclosure-checker.checker') as never;
const WAITING: unique symbol = Symbol.for('disclosure-checker.waiting') as never;
type Slots = { [SLOT]?: Checker; [WAITING]?: ((c: Checker) => void)[] };
const slots = globalThis as Slots;

export function installedChecker(): Checker | null {
  return slots[SLOT] ?? null;
}

export function installChecker(c: Checker): void {
  slots[SLOT] = c;
  const waiting = slots[WAITING] ?? [];
  slots[WAITING] = [];
  // In a task of their own: the check's first slice must not lengthen the task that ran this script.
  if (waiting.length > 0) setTimeout(() => waiting.forEach((resolve) => resolve(c)), 0);
}

/**
 * Resolves as soon as the checker script has run in this world — without waiting for the
 * background's answer, which comes back through the browser process after it.
 */
export function whenCheckerInstalled(): Promise<Checker> {
  const c = installedChecker();
  if (c) return Promise.resolve(c);
  return new Promise((resolve) => (slots[WAITING] ??= []).push(resolve));
}
