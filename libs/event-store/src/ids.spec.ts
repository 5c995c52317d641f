import { UUID_PATTERN, uuidFromName, uuidV7 } from './ids';

describe('uuidV7', () => {
  it('is a version 7 UUID of the RFC 9562 variant, its first 48 bits the time in milliseconds', () => {
    const nowMs = Date.UTC(2026, 11, 7, 1, 2, 3, 456);
    const id = uuidV7(nowMs);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(nowMs);
  });

  it('differs every time within one millisecond, and sorts by time across milliseconds', () => {
    const same = new Set(Array.from({ length: 10_000 }, () => uuidV7(1_000)));
    expect(same.size).toBe(10_000);
    const times = [0, 1, 255, 256, 1_000_000, Date.now(), 2 ** 48 - 1];
    const ids = times.map((t) => uuidV7(t));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => UUID_PATTERN.test(id))).toBe(true);
  });

  it('spreads its random bits: every hex digit after the version takes many values', () => {
    const ids = Array.from({ length: 2_000 }, () => uuidV7(1_000).replace(/-/g, ''));
    for (let digit = 13; digit < 32; digit++) {
      const values = new Set(ids.map((id) => id[digit]));
      expect(values.size).toBeGreaterThanOrEqual(digit === 16 ? 4 : 16);
    }
  });
});

describe('uuidFromName', () => {
  it('gives the same version 8 UUID for the same name, another for another', () => {
    expect(uuidFromName('a')).toBe(uuidFromName('a'));
    expect(uuidFromName('a')).not.toBe(uuidFromName('b'));
    expect(uuidFromName('a')[14]).toBe('8');
  });
});
