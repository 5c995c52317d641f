/**
 * The generator's calendar: actions run in the order of the moment they happen in the history
 * (ties in the order they were planned), so the log's positions follow its recorded times as a
 * live service's would. An action may plan later ones (a session logged plans its attestations).
 */
interface Planned {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

export class Agenda {
  private readonly heap: Planned[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Plans `run` at `at` (ms since the epoch). */
  at(at: number, run: () => void): void {
    const item = { at, seq: this.seq++, run };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  /** Runs every action planned before `until` (ms), including those they plan before it. */
  runUntil(until: number): void {
    while (this.heap.length > 0 && this.heap[0].at < until) this.pop().run();
  }

  private pop(): Planned {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Planned, b: Planned): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
