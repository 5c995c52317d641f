/**
 * `chinaTimestamp` (the service's clock text: ISO 8601 with +08:00) for the generator's many
 * moments, without two Date objects and an ISO string per event: the day's text is kept while
 * moments stay on that China day, the time of day is formatted by hand. The same text as
 * `chinaTimestamp(new Date(at))` for every moment (generate.spec.ts checks them side by side).
 */
const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export class ChinaTimestamps {
  private day = Number.NaN;
  /** `YYYY-MM-DDT` of `day`. */
  private dayText = '';

  text(at: number): string {
    if (!Number.isSafeInteger(at)) throw new Error(`the generator planned a moment that is not a whole millisecond: ${at}`);
    const shifted = at + CHINA_OFFSET;
    const day = Math.floor(shifted / DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayText = new Date(day * DAY).toISOString().slice(0, 11);
    }
    let rest = shifted - day * DAY;
    const ms = rest % 1000;
    rest = (rest - ms) / 1000;
    const s = rest % 60;
    rest = (rest - s) / 60;
    const m = rest % 60;
    const h = (rest - m) / 60;
    return `${this.dayText}${TWO[h]}:${TWO[m]}:${TWO[s]}.${THREE[ms]}+08:00`;
  }
}
