/** Checks shared by the budget narrative rules (B-N…): direction words against their figures. */
import { wordEn } from '../claims/english';
import type { Bilingual } from './types';
import type { BudgetClaims, Head } from '../claims/budget';

/**
 * "增加0万元" / "减少0.00万元": a change word with a zero figure says the opposite of the figure
 * (持平 is the word for no change) — a warning on the sentence.
 */
export function zeroChangeWords(k: BudgetClaims, head: Head | undefined, label: Bilingual): void {
  const c = head?.change;
  if (!c) return;
  k.touched = true;
  if (c.dir !== 0 && c.num && c.num.value.isZero()) {
    const text = head!.hit.bs.text.slice(c.start, c.end);
    k.report(
      head!.hit.bs,
      'warning',
      {
        zh: `${label.zh}“${text}”：增减额为 0 时应写“持平”，而不是“${c.word}”`,
        en: `${label.en} "${text}": a change of 0 is "持平" (no change), not ${wordEn(c.word)}`,
      },
      '持平',
      c.word,
    );
  }
}
