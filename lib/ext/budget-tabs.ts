/**
 * The background's record of the budget pages open in tabs (issue 19, B-N16 across tabs): each
 * checked budget page's profile by tab, and which unit tab is paired with which department tab
 * (same department name and year, as pairBudgets pairs a batch; a private window only with a private
 * window). Pure: the background stores it (in memory, and in storage.session where the browser may
 * stop the service worker) and sends each unit tab its peer. Imports types only: the background
 * bundle carries no rules.
 */
import type { BudgetProfile } from '../checks/B-N16';

/** The department page a unit page is paired with: its profile and, to name it, its title and address. */
export interface PairPeer {
  profile: BudgetProfile;
  title: string;
  url: string;
}

/** Caps for the page strings that name the department page (they are shown, as text, in the popup). */
export const PEER_LIMITS = { title: 200, url: 2000 } as const;

/** Same department name and year: the pairing of pairBudgets. */
export function pairKey(p: Pick<BudgetProfile, 'department' | 'year'>): string {
  return `${p.year}|${p.department}`;
}

export interface TabBudget {
  tabId: number;
  /** The page's address as the browser reported the sender (not as the page says). */
  url: string;
  title: string;
  incognito: boolean;
  profile: BudgetProfile;
}

/** A unit tab and the department page it is now paired with (null: none open). */
export interface PeerUpdate {
  tabId: number;
  peer: PairPeer | null;
}

/** The address without its #fragment: a table-of-contents link is still the same page. */
export const pageAddress = (href: string): string => {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
};

export class BudgetTabs {
  private readonly tabs = new Map<number, TabBudget>();
  /** Changed since the owner last stored it. */
  dirty = false;

  constructor(saved: readonly TabBudget[] = []) {
    for (const t of saved) this.tabs.set(t.tabId, t);
  }

  /** What to store (structured-clone safe). */
  toJSON(): TabBudget[] {
    return [...this.tabs.values()];
  }

  get(tabId: number): TabBudget | undefined {
    return this.tabs.get(tabId);
  }

  /** The department page open beside unit tab `tabId` (the first one opened when there are several). */
  peerOf(tabId: number): PairPeer | null {
    const unit = this.tabs.get(tabId);
    if (!unit || unit.profile.scope !== 'unit') return null;
    const key = pairKey(unit.profile);
    for (const t of this.tabs.values()) {
      if (t.tabId === tabId || t.profile.scope !== 'department' || t.incognito !== unit.incognito || pairKey(t.profile) !== key) continue;
      return { profile: t.profile, title: t.title, url: t.url };
    }
    return null;
  }

  /**
   * Tab `entry.tabId` was checked (`profile` null: not a budget page, or no longer one): record it.
   * Returns that tab's peer (a unit page), and the new peers of the unit tabs its change concerns.
   */
  set(tabId: number, entry: Omit<TabBudget, 'tabId'> | null): PeerUpdate[] {
    const old = this.tabs.get(tabId);
    if (!old && !entry) return [];
    this.dirty = true;
    if (entry) this.tabs.set(tabId, { ...entry, tabId });
    else this.tabs.delete(tabId);
    const out = this.unitsOf([old, entry ? { ...entry, tabId } : undefined], tabId);
    // The tab itself when it is (or was) a unit page: its peer, or that it has none any more.
    const unit = old?.profile.scope === 'unit' || entry?.profile.scope === 'unit';
    return unit ? [{ tabId, peer: this.peerOf(tabId) }, ...out] : out;
  }

  /** Tab `tabId` closed, or went to another page: forget it; the unit tabs it was the peer of get their new peer. */
  forget(tabId: number): PeerUpdate[] {
    const old = this.tabs.get(tabId);
    if (!old) return [];
    this.dirty = true;
    this.tabs.delete(tabId);
    return this.unitsOf([old], tabId);
  }

  /** The other unit tabs of the departments (and years) of these department entries, with their peers. */
  private unitsOf(changed: ReadonlyArray<TabBudget | undefined>, except: number): PeerUpdate[] {
    const windowKey = (t: TabBudget) => `${t.incognito}|${pairKey(t.profile)}`;
    const keys = new Set(changed.filter((t): t is TabBudget => t?.profile.scope === 'department').map(windowKey));
    if (keys.size === 0) return [];
    const out: PeerUpdate[] = [];
    for (const t of this.tabs.values()) {
      if (t.tabId !== except && t.profile.scope === 'unit' && keys.has(windowKey(t))) out.push({ tabId: t.tabId, peer: this.peerOf(t.tabId) });
    }
    return out;
  }
}
