import type { Amount } from '../money';
import type { ModelCell } from '../model/types';

export const EMPTY: Amount = { kind: 'empty', text: '' };

/** A blank or absent cell is an exact 0; a nan cell is not a number (never 0). */
export function amountOf(cell: ModelCell | undefined): Amount {
  return cell ? cell.value : EMPTY;
}
