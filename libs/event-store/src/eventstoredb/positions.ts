import type { Position as ClientPosition } from '@eventstore/db-client';
import { Position } from '../event-store.port';

const MAX_UINT64 = (1n << 64n) - 1n;
const PAIR = /^(0|[1-9]\d{0,19}):(0|[1-9]\d{0,19})$/;

/**
 * EventStoreDB positions as the port carries them: the commit and prepare positions of the
 * transaction log, written `<commit>:<prepare>` in decimal, ordered by commit then prepare.
 * Both are unsigned 64-bit numbers, so they are compared as BigInts, never as JS numbers.
 */
export const logPositions = {
  format(position: ClientPosition): Position {
    return `${position.commit}:${position.prepare}` as Position;
  },

  /** The pair behind a position this store issued (parse first what a client sent). */
  pair(position: Position): ClientPosition {
    const match = PAIR.exec(position);
    if (!match) throw new Error(`not an EventStoreDB position: ${position}`);
    return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
  },

  compare(a: Position, b: Position): number {
    const left = logPositions.pair(a);
    const right = logPositions.pair(b);
    if (left.commit !== right.commit) return left.commit < right.commit ? -1 : 1;
    if (left.prepare !== right.prepare) return left.prepare < right.prepare ? -1 : 1;
    return 0;
  },

  /** A position as a client sent it back, or null: two unsigned 64-bit decimals, the prepare not past the commit. */
  parse(text: string): Position | null {
    const match = PAIR.exec(text);
    if (!match) return null;
    const commit = BigInt(match[1]);
    const prepare = BigInt(match[2]);
    if (commit > MAX_UINT64 || prepare > commit) return null;
    return text as Position;
  },

  /** Servers before 22.6 send no position (or 2^64 - 1) for events read from a stream. */
  isReal(position: ClientPosition | undefined): position is ClientPosition {
    return position !== undefined && position.commit !== MAX_UINT64 && position.commit >= 0n;
  },
};
