import { deciderSpecification } from '../../../kernel/src/testing';
import { attested, correct, details, facts, log, logged, metadata, snapshot } from '../testing/session-fixtures';
import { SupervisionSessionVoided, VoidSupervisionSession } from './session';
import { supervisionSession } from './supervision-session';

const spec = deciderSpecification(supervisionSession);

const attest = (socialWorkerId: string) => ({
  type: 'AttestSupervisionSession' as const,
  data: { sessionId: 's-1', socialWorkerId },
  metadata,
});

const voidIt = (reason = '重复登记'): VoidSupervisionSession => ({ type: 'VoidSupervisionSession', data: { sessionId: 's-1', reason }, metadata });

const voided = (attestedBy: string[] = []): SupervisionSessionVoided => ({
  type: 'SupervisionSessionVoided',
  data: { sessionId: 's-1', supervisorId: 'sup-1', reason: '重复登记', session: snapshot(), attestedBy },
  occurredAt: details.heldOn,
});

const other = (heldOn: string, startTime: string, durationMinutes: number) => ({ sessionId: 's-9', heldOn, startTime, durationMinutes });

describe('supervision session', () => {
  describe('when logged', () => {
    it('records the session with the day it was logged, taking effect on the day it was held', () => {
      spec.given([]).when(log()).then([logged()]);
    });

    it('refuses a session logged twice', () => {
      spec.given([logged()]).when(log()).thenFails('ALREADY_LOGGED');
    });

    it('refuses a supervisor who is not registered', () => {
      spec.given([]).when(log({}, { supervisor: null })).thenFails('SUPERVISOR_NOT_FOUND');
    });

    it('accepts a session held this morning and refuses one held tomorrow', () => {
      spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '08:00' })).thenProduces(([event]) => expect(event.type).toBe('SupervisionSessionLogged'));
      spec.given([]).when(log({ heldOn: '2026-04-16' })).thenFails('DATE_IN_FUTURE');
    });

    it('takes "today" in China: 17:00 UTC is already the next day', () => {
      const lateAtNight = '2026-04-15T23:00:00Z'; // 07:00 on the 16th in China
      spec.given([]).when(log({ heldOn: '2026-04-16', startTime: '06:00', durationMinutes: 60 }, {}, lateAtNight)).thenProduces(([event]) => expect(event.type).toBe('SupervisionSessionLogged'));
    });

    describe('before it has ended', () => {
      // Today is 2026-04-15, 10:00 in China.
      it('refuses this evening’s session in the morning', () => {
        spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '18:00', durationMinutes: 90 })).thenFails('SESSION_NOT_ENDED');
      });

      it('refuses a session still under way, and takes one that ends this very minute', () => {
        spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '09:00', durationMinutes: 61 })).thenFails('SESSION_NOT_ENDED');
        spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '09:00', durationMinutes: 60 })).thenProduces(([event]) => expect(event.type).toBe('SupervisionSessionLogged'));
      });

      it('reads the start time as China time: 09:00 on the 15th is 01:00 UTC', () => {
        spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '09:00', durationMinutes: 60 }, {}, '2026-04-15T01:59:00Z')).thenFails('SESSION_NOT_ENDED');
        spec.given([]).when(log({ heldOn: '2026-04-15', startTime: '09:00', durationMinutes: 60 }, {}, '2026-04-15T02:00:00Z')).thenProduces(([event]) => expect(event.type).toBe('SupervisionSessionLogged'));
      });

      it('refuses a correction that moves the session to later today', () => {
        spec.given([logged()]).when(correct({ heldOn: '2026-04-15', startTime: '16:00' })).thenFails('SESSION_NOT_ENDED');
      });
    });

    describe('with a duration', () => {
      it('accepts 15 and 480 minutes', () => {
        spec.given([]).when(log({ durationMinutes: 15 })).then([logged({ durationMinutes: 15 })]);
        spec.given([]).when(log({ durationMinutes: 480 })).then([logged({ durationMinutes: 480 })]);
      });

      it('refuses 14 and 481 minutes, and parts of a minute', () => {
        spec.given([]).when(log({ durationMinutes: 14 })).thenFails('DURATION_OUT_OF_RANGE');
        spec.given([]).when(log({ durationMinutes: 481 })).thenFails('DURATION_OUT_OF_RANGE');
        spec.given([]).when(log({ durationMinutes: 30.5 })).thenFails('DURATION_OUT_OF_RANGE');
      });
    });

    it('refuses a start time that is not HH:mm', () => {
      spec.given([]).when(log({ startTime: '25:00' })).thenFails('INVALID_START_TIME');
    });

    describe('with supervisees', () => {
      it('takes exactly one supervisee in an individual session', () => {
        spec.given([]).when(log({ format: 'individual', superviseeIds: ['w-1'] })).then([logged({ format: 'individual', superviseeIds: ['w-1'] })]);
        spec.given([]).when(log({ format: 'individual', superviseeIds: ['w-1', 'w-2'] })).thenFails('SUPERVISEE_COUNT');
      });

      it('takes at least two supervisees in a group session', () => {
        spec.given([]).when(log({ superviseeIds: ['w-1', 'w-2'] })).then([logged({ superviseeIds: ['w-1', 'w-2'] })]);
        spec.given([]).when(log({ superviseeIds: ['w-1'] })).thenFails('SUPERVISEE_COUNT');
      });

      it('takes at least one supervisee on site or remotely', () => {
        spec.given([]).when(log({ format: 'remote', superviseeIds: ['w-1'] })).then([logged({ format: 'remote', superviseeIds: ['w-1'] })]);
        spec.given([]).when(log({ format: 'on_site', superviseeIds: [] })).thenFails('SUPERVISEE_COUNT');
      });

      it('refuses a supervisee named twice', () => {
        spec.given([]).when(log({ superviseeIds: ['w-1', 'w-1'] })).thenFails('DUPLICATE_SUPERVISEE');
      });

      it('refuses a supervisee assigned to another station, under another contract, or nowhere on that date', () => {
        const elsewhere = (assignment: { stationId: string; contractId: string } | null) =>
          log({}, { assignments: { ...facts.assignments, 'w-3': assignment } });
        spec.given([]).when(elsewhere({ stationId: 'st-2', contractId: 'c-1' })).thenFails('SUPERVISEE_NOT_AT_STATION');
        spec.given([]).when(elsewhere({ stationId: 'st-1', contractId: 'c-0' })).thenFails('SUPERVISEE_NOT_AT_STATION');
        spec.given([]).when(elsewhere(null)).thenFails('SUPERVISEE_NOT_AT_STATION');
        spec.given([]).when(log({ superviseeIds: ['w-1', 'w-9'] })).thenFails('SUPERVISEE_NOT_AT_STATION');
      });
    });

    it('refuses no function, an unknown one or one named twice', () => {
      spec.given([]).when(log({ functions: [] })).thenFails('INVALID_FUNCTIONS');
      spec.given([]).when(log({ functions: ['clinical' as never] })).thenFails('INVALID_FUNCTIONS');
      spec.given([]).when(log({ functions: ['supportive', 'supportive'] })).thenFails('INVALID_FUNCTIONS');
    });

    describe('beside the supervisor’s other sessions', () => {
      it('refuses a session that overlaps another of the supervisor’s', () => {
        spec.given([]).when(log({}, { supervisorSessions: [other('2026-04-10', '15:00', 60)] })).thenFails('SESSION_OVERLAPS');
      });

      it('accepts a session that starts when the other ends', () => {
        spec.given([]).when(log({}, { supervisorSessions: [other('2026-04-10', '12:00', 120)] })).then([logged()]);
      });

      it('refuses a session overlapping one from the evening before that ran past midnight', () => {
        const early = { startTime: '00:30', durationMinutes: 30 };
        spec.given([]).when(log(early, { supervisorSessions: [other('2026-04-09', '23:00', 120)] })).thenFails('SESSION_OVERLAPS');
      });
    });

    describe('late', () => {
      it('does not flag a session logged 30 days after it was held', () => {
        spec.given([]).when(log({ heldOn: '2026-03-16' })).then([logged({ heldOn: '2026-03-16', late: false })]);
      });

      it('accepts and flags a session logged 31 days after it was held', () => {
        spec.given([]).when(log({ heldOn: '2026-03-15' })).then([logged({ heldOn: '2026-03-15', late: true })]);
      });
    });
  });

  describe('when attested', () => {
    it('records the supervisee’s attestation, dated by the session', () => {
      spec.given([logged()]).when(attest('w-2')).then([attested('w-2')]);
    });

    it('refuses a worker the session does not name', () => {
      spec.given([logged()]).when(attest('w-4')).thenFails('NOT_A_SUPERVISEE');
    });

    it('refuses a second attestation by the same supervisee', () => {
      spec.given([logged(), attested('w-2')]).when(attest('w-2')).thenFails('ALREADY_ATTESTED');
    });

    it('lets each supervisee attest once', () => {
      spec.given([logged(), attested('w-2')]).when(attest('w-1')).then([attested('w-1')]);
    });

    it('refuses to attest, before its end, a session logged before the rule held, and attests it once it is over', () => {
      const tonight = logged({ heldOn: '2026-04-15', startTime: '19:00', durationMinutes: 90 });
      spec.given([tonight]).when(attest('w-1')).thenFails('SESSION_NOT_ENDED');
      const later = { ...attest('w-1'), metadata: { ...metadata, now: '2026-04-15T20:30:00+08:00' } };
      spec.given([tonight]).when(later).then([attested('w-1', '2026-04-15')]);
    });

    it('refuses to attest a session that does not exist', () => {
      spec.given([]).when(attest('w-1')).thenFails('SESSION_NOT_FOUND');
    });

    it('accepts an attestation that confirms the time the session says', () => {
      const confirms = { heldOn: details.heldOn, startTime: details.startTime, durationMinutes: details.durationMinutes };
      spec.given([logged()]).when({ ...attest('w-1'), data: { ...attest('w-1').data, confirms } }).then([attested('w-1')]);
    });

    it('refuses an attestation that confirms another time than the session now says', () => {
      const confirms = { heldOn: details.heldOn, startTime: details.startTime, durationMinutes: details.durationMinutes - 1 };
      spec.given([logged()]).when({ ...attest('w-1'), data: { ...attest('w-1').data, confirms } }).thenFails('ATTESTATION_MISMATCH');
      spec.given([logged()]).when({ ...attest('w-1'), data: { ...attest('w-1').data, confirms: { ...confirms, durationMinutes: details.durationMinutes, startTime: '14:01' } } }).thenFails('ATTESTATION_MISMATCH');
      spec.given([logged()]).when({ ...attest('w-1'), data: { ...attest('w-1').data, confirms: { ...confirms, durationMinutes: details.durationMinutes, heldOn: '2026-04-09' } } }).thenFails('ATTESTATION_MISMATCH');
    });
  });

  describe('when voided', () => {
    it('records the void with the session and its attestations, so read models can take its hours away', () => {
      spec.given([logged(), attested('w-1')]).when(voidIt()).then([voided(['w-1'])]);
    });

    it('refuses a void without a reason, also one of invisible characters only', () => {
      spec.given([logged()]).when(voidIt('  ')).thenFails('REASON_REQUIRED');
      spec.given([logged()]).when(voidIt('\u200b\u200b')).thenFails('REASON_REQUIRED');
      spec.given([logged()]).when(voidIt('\u2060\ufeff\u3000')).thenFails('REASON_REQUIRED');
    });

    it('accepts nothing afterwards', () => {
      spec.given([logged(), voided()]).when(voidIt()).thenFails('SESSION_VOIDED');
      spec.given([logged(), voided()]).when(attest('w-1')).thenFails('SESSION_VOIDED');
    });
  });
});
