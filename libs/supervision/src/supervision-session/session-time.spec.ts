import { firstOverlap, isLate, minuteOfDay, overlapWindow, TimedSession } from './session-time';

const session = (sessionId: string, heldOn: string, startTime: string, durationMinutes: number): TimedSession => ({
  sessionId,
  heldOn,
  startTime,
  durationMinutes,
});

describe('session time', () => {
  it('reads HH:mm and nothing else', () => {
    expect(minuteOfDay('00:00')).toBe(0);
    expect(minuteOfDay('23:59')).toBe(1439);
    expect(minuteOfDay('24:00')).toBeNull();
    expect(minuteOfDay('9:00')).toBeNull();
    expect(minuteOfDay('09:60')).toBeNull();
  });

  describe('overlap', () => {
    const morning = session('s-1', '2026-04-10', '09:00', 120);

    it('finds a session sharing a minute', () => {
      expect(firstOverlap(session('s-2', '2026-04-10', '10:59', 30), [morning])).toBe(morning);
      expect(firstOverlap(session('s-2', '2026-04-10', '08:00', 61), [morning])).toBe(morning);
      expect(firstOverlap(session('s-2', '2026-04-10', '09:30', 15), [morning])).toBe(morning);
    });

    it('does not count touching end to start as overlap', () => {
      expect(firstOverlap(session('s-2', '2026-04-10', '11:00', 60), [morning])).toBeUndefined();
      expect(firstOverlap(session('s-2', '2026-04-10', '08:00', 60), [morning])).toBeUndefined();
    });

    it('follows a session across midnight', () => {
      const late = session('s-1', '2026-04-09', '22:00', 180);
      expect(firstOverlap(session('s-2', '2026-04-10', '00:59', 30), [late])).toBe(late);
      expect(firstOverlap(session('s-2', '2026-04-10', '01:00', 30), [late])).toBeUndefined();
    });

    it('leaves the session itself out', () => {
      expect(firstOverlap(session('s-1', '2026-04-10', '09:30', 60), [morning])).toBeUndefined();
    });

    it('looks one day either side', () => {
      expect(overlapWindow('2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-03-02' });
    });
  });

  it('flags a session logged more than 30 days after it was held', () => {
    expect(isLate('2026-03-01', '2026-03-31')).toBe(false);
    expect(isLate('2026-03-01', '2026-04-01')).toBe(true);
  });
});
