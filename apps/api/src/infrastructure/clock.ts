/** The one place the service reads the time; tests replace it. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what it is told, for tests. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return this.current;
  }
  set(moment: Date | string): void {
    this.current = new Date(moment);
  }
}

/** An ISO timestamp with China's +08:00 offset, the way the service's users read time. */
export function chinaTimestamp(moment: Date): string {
  const shifted = new Date(moment.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 23)}+08:00`;
}
