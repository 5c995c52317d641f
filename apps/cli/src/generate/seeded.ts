/**
 * Deterministic randomness for the generator: the same seed gives the same draws, ids and so
 * the same log. Never the system clock, never crypto's random bytes.
 */

/** mulberry32: small, fast, and good enough to vary synthetic data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A draw in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** 32 random bits. */
  bits(): number {
    return Math.floor(this.next() * 4_294_967_296) >>> 0;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Time-ordered UUIDs (RFC 9562 version 7) as `uuidV7` makes them for commands, with the random
 * part drawn from the seed and the time part the moment the command was handled in the history.
 */
export class SeededUuids {
  private readonly bytes = new Uint8Array(16);

  constructor(private readonly random: Random) {}

  /** The text of the last time part made, and its moment: a command's ids share one. */
  private lastMs = Number.NaN;
  private lastTimeHex = '';

  v7(atMs: number): string {
    const b = this.bytes;
    if (atMs !== this.lastMs) {
      let ms = atMs;
      for (let i = 5; i >= 0; i--) {
        b[i] = ms % 256;
        ms = Math.floor(ms / 256);
      }
      this.lastMs = atMs;
      this.lastTimeHex = `${HEX[b[0]]}${HEX[b[1]]}${HEX[b[2]]}${HEX[b[3]]}-${HEX[b[4]]}${HEX[b[5]]}-`;
    }
    const r1 = this.random.bits();
    const r2 = this.random.bits();
    const r3 = this.random.bits();
    // Bytes 6..15 from three draws, each low byte first (the last draw gives two): the version in byte 6, the variant in byte 8.
    const b6 = ((r1 & 0xff) & 0x0f) | 0x70;
    const b7 = (r1 >>> 8) & 0xff;
    const b8 = (((r1 >>> 16) & 0xff) & 0x3f) | 0x80;
    const b9 = (r1 >>> 24) & 0xff;
    return `${this.lastTimeHex}${HEX[b6]}${HEX[b7]}-${HEX[b8]}${HEX[b9]}-${HEX[r2 & 0xff]}${HEX[(r2 >>> 8) & 0xff]}${HEX[(r2 >>> 16) & 0xff]}${HEX[r2 >>> 24]}${HEX[r3 & 0xff]}${HEX[(r3 >>> 8) & 0xff]}`;
  }
}
