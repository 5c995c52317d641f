import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { logged, snapshot } from '../testing/session-fixtures';
import { SupervisionSessionCorrected, SupervisionSessionVoided } from './session';
import { monthsTouched, TimedSession } from './session-time';
import { calendarIdsOf, supervisorCalendarLedger } from './supervisor-calendar-ledger';

const spec = deciderSpecification(supervisorCalendarLedger);
const APRIL = 'sup-1-2026-04';
const slot = (sessionId: string, startTime: string, durationMinutes = 60, heldOn = '2026-04-10'): { recordStreamId: string; value: TimedSession } => ({
  recordStreamId: `SupervisionSession-${sessionId}`,
  value: { sessionId, heldOn, startTime, durationMinutes },
});
const logging = (startTime: string, durationMinutes = 60) => intentOn(supervisorCalendarLedger, APRIL, slot('s-new', startTime, durationMinutes));

describe('a supervisor’s calendar month (SupervisorCalendar-<supervisorId>-<yyyy-mm>)', () => {
  it('takes a session that shares no minute with the others, one starting as another ends included', () => {
    spec.given([opened(supervisorCalendarLedger, [slot('s-1', '09:00')])]).when(reserve(supervisorCalendarLedger, APRIL, logging('10:00'))).then([
      reserved(supervisorCalendarLedger, APRIL, logging('10:00')),
    ]);
  });

  it('refuses a session that overlaps another, written or still being written', () => {
    spec.given([opened(supervisorCalendarLedger, [slot('s-1', '09:00')])]).when(reserve(supervisorCalendarLedger, APRIL, logging('09:30'))).thenFails('SESSION_OVERLAPS');
    const first = intentOn(supervisorCalendarLedger, APRIL, slot('s-first', '14:00', 120));
    spec.given([reserved(supervisorCalendarLedger, APRIL, first)]).when(reserve(supervisorCalendarLedger, APRIL, logging('15:00'))).thenFails('SESSION_OVERLAPS');
  });

  it('lets a session be corrected onto its own former time', () => {
    const moved = intentOn(supervisorCalendarLedger, APRIL, slot('s-1', '09:30'), { expected: 2 });
    spec.given([opened(supervisorCalendarLedger, [slot('s-1', '09:00')])]).when(reserve(supervisorCalendarLedger, APRIL, moved)).then([reserved(supervisorCalendarLedger, APRIL, moved)]);
  });

  it('is claimed in both months by a session that runs past midnight into the next one', () => {
    const lateNight = { heldOn: '2026-04-30', startTime: '23:00', durationMinutes: 120 };
    expect(monthsTouched(lateNight)).toEqual(['2026-04', '2026-05']);
    expect(calendarIdsOf('sup-1', lateNight)).toEqual(['sup-1-2026-04', 'sup-1-2026-05']);
    expect(monthsTouched({ heldOn: '2026-04-30', startTime: '22:00', durationMinutes: 120 })).toEqual(['2026-04']);
  });

  describe('what a session holds, from its own stream', () => {
    const stream = 'SupervisionSession-s-1';
    const at = (events: Parameters<typeof supervisorCalendarLedger.rule.valueOf>[2], calendar = APRIL) => supervisorCalendarLedger.rule.valueOf(calendar, stream, events);
    const corrected = (heldOn: string): SupervisionSessionCorrected => ({
      type: 'SupervisionSessionCorrected',
      data: { sessionId: 's-1', supervisorId: 'sup-1', reason: '日期有误', changedFields: ['heldOn'], before: snapshot(), after: snapshot({ heldOn }), clearedAttestations: [], attestedBy: [] },
    });
    const voided: SupervisionSessionVoided = { type: 'SupervisionSessionVoided', data: { sessionId: 's-1', supervisorId: 'sup-1', reason: '重复登记', session: snapshot(), attestedBy: [] } };

    it('is its time in the months it has minutes in', () => {
      expect(at([logged()])).toEqual({ sessionId: 's-1', heldOn: '2026-04-10', startTime: '14:00', durationMinutes: 120 });
      expect(at([logged()], 'sup-1-2026-05')).toBeNull();
    });

    it('is nothing in a month a correction moved it out of, or once it is voided', () => {
      expect(at([logged(), corrected('2026-05-06')])).toBeNull();
      expect(at([logged(), corrected('2026-05-06')], 'sup-1-2026-05')).toMatchObject({ heldOn: '2026-05-06' });
      expect(at([logged(), voided])).toBeNull();
    });
  });
});
