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

  v7(atMs: number): string {
    const b = this.bytes;
    let ms = atMs;
    for (let i = 5; i >= 0; i--) {
      b[i] = ms % 256;
      ms = Math.floor(ms / 256);
    }
    for (let i = 6; i < 16; i += 4) {
      const r = this.random.bits();
      b[i] = r & 0xff;
      b[i + 1] = (r >>> 8) & 0xff;
      if (i + 2 < 16) b[i + 2] = (r >>> 16) & 0xff;
      if (i + 3 < 16) b[i + 3] = (r >>> 24) & 0xff;
    }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = '';
    for (let i = 0; i < 16; i++) {
      hex += HEX[b[i]];
      if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-';
    }
    return hex;
  }
}
