/** CNY amounts travel as numbers with at most two decimals; sums are checked in fen. */
export function toFen(amountCny: number): number {
  return Math.round(amountCny * 100);
}

export function hasAtMostTwoDecimals(amountCny: number): boolean {
  return Number.isFinite(amountCny) && Math.abs(amountCny * 100 - Math.round(amountCny * 100)) < 1e-6;
}
