/** One line of progress: `station-detail [##########----------] 52% 10400/20000 events`. */
export function renderProgress(label: string, done: number, total: number | null, width = 20): string {
  if (total === null) return `${label} ${done} events`;
  const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
  const filled = Math.floor((width * percent) / 100);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${done}/${total} events`;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Draws progress on a stream: redrawn in place on a terminal, one line per tenth otherwise
 * (so logs stay readable). Call finish before drawing another bar.
 */
export class ProgressDisplay {
  private lastStep = -1;
  private drawn = false;

  constructor(private readonly stream: ProgressStream) {}

  update(label: string, done: number, total: number | null): void {
    // A terminal gets a redraw per percent, a log a line per tenth; with no total, by event count.
    const perStep = this.stream.isTTY ? 100 : 10;
    const step =
      total === null
        ? Math.floor(done / (this.stream.isTTY ? 5_000 : 50_000))
        : total <= 0
          ? perStep
          : Math.floor((Math.min(done, total) * perStep) / total);
    if (step === this.lastStep) return;
    this.lastStep = step;
    const line = renderProgress(label, done, total);
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  /** Ends the bar with a closing line. */
  finish(line: string): void {
    this.stream.write(`${this.drawn ? '\n' : ''}${line}\n`);
    this.lastStep = -1;
    this.drawn = false;
  }
}
