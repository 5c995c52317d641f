import { deciderSpecification } from '../../../kernel/src/testing';
import { attested, correct, details, facts, logged, snapshot } from '../testing/session-fixtures';
import { SupervisionSessionCorrected, SupervisionSessionVoided } from './session';
import { supervisionSession } from './supervision-session';

const spec = deciderSpecification(supervisionSession);

const corrected = (events: readonly unknown[]) => (events[0] as SupervisionSessionCorrected).data;
const attestedByTwo = [logged(), attested('w-1'), attested('w-2')];

describe('supervision session correction', () => {
  it('records the session before and after, the fields changed and the reason', () => {
    spec
      .given([logged()])
      .when(correct({ summary: '更正:讨论了两个个案', topics: details.topics }))
      .then([
        {
          type: 'SupervisionSessionCorrected',
          data: {
            sessionId: 's-1',
            supervisorId: 'sup-1',
            reason: '时长记录有误',
            changedFields: ['summary'],
            before: snapshot(),
            after: snapshot({ summary: '更正:讨论了两个个案' }),
            clearedAttestations: [],
            attestedBy: [],
          },
          occurredAt: '2026-04-10',
        },
      ]);
  });

  it('refuses a correction that changes nothing, including supervisees listed in another order', () => {
    spec.given([logged()]).when(correct({ durationMinutes: 120, superviseeIds: ['w-3', 'w-1', 'w-2'] })).thenFails('NOTHING_TO_CORRECT');
  });

  it('refuses a correction without a reason', () => {
    spec.given([logged()]).when(correct({ durationMinutes: 90 }, '')).thenFails('REASON_REQUIRED');
    spec.given([logged()]).when(correct({ durationMinutes: 90 }, '\u200b\u200b')).thenFails('REASON_REQUIRED');
  });

  it('refuses to correct a voided session', () => {
    const voided: SupervisionSessionVoided = {
      type: 'SupervisionSessionVoided',
      data: { sessionId: 's-1', supervisorId: 'sup-1', reason: '重复', session: snapshot(), attestedBy: [] },
    };
    spec.given([logged(), voided]).when(correct({ durationMinutes: 90 })).thenFails('SESSION_VOIDED');
  });

  it('refuses to correct a session that does not exist', () => {
    spec.given([]).when(correct({ durationMinutes: 90 })).thenFails('SESSION_NOT_FOUND');
  });

  describe('of the time', () => {
    it('clears every attestation when the duration changes', () => {
      spec.given(attestedByTwo).when(correct({ durationMinutes: 90 })).thenProduces((events) => {
        expect(corrected(events)).toMatchObject({ clearedAttestations: ['w-1', 'w-2'], attestedBy: [], after: { durationMinutes: 90 } });
      });
    });

    it('clears every attestation when the date or the start time changes', () => {
      spec.given(attestedByTwo).when(correct({ heldOn: '2026-04-09' })).thenProduces((events) => {
        expect(corrected(events)).toMatchObject({ clearedAttestations: ['w-1', 'w-2'], attestedBy: [] });
      });
      spec.given(attestedByTwo).when(correct({ startTime: '15:00' })).thenProduces((events) => {
        expect(corrected(events)).toMatchObject({ clearedAttestations: ['w-1', 'w-2'], attestedBy: [] });
      });
    });

    it('lets the supervisees attest again after their attestations were cleared', () => {
      const history = [...attestedByTwo, ...supervisionSession.decide(correct({ durationMinutes: 90 }), [...attestedByTwo].reduce(supervisionSession.evolve, supervisionSession.initialState()))];
      spec
        .given(history)
        .when({ type: 'AttestSupervisionSession', data: { sessionId: 's-1', socialWorkerId: 'w-1' }, metadata: correct({}).metadata })
        .then([attested('w-1')]);
    });

    it('dates the correction by the earlier day, so that a fold as of either day sees it', () => {
      spec.given([logged()]).when(correct({ heldOn: '2026-04-01' })).thenProduces(([event]) => expect(event.occurredAt).toBe('2026-04-01'));
      spec.given([logged({ heldOn: '2026-04-01' })]).when(correct({ heldOn: '2026-04-10' })).thenProduces(([event]) => expect(event.occurredAt).toBe('2026-04-01'));
    });

    it('measures lateness again from the day the session was first logged', () => {
      spec.given([logged()]).when(correct({ heldOn: '2026-03-15' })).thenProduces((events) => {
        expect(corrected(events).after).toMatchObject({ heldOn: '2026-03-15', loggedOn: '2026-04-15', late: true });
      });
    });

    it('refuses a corrected date in the future', () => {
      spec.given([logged()]).when(correct({ heldOn: '2026-04-16' })).thenFails('DATE_IN_FUTURE');
    });

    it('refuses a corrected duration out of range', () => {
      spec.given([logged()]).when(correct({ durationMinutes: 481 })).thenFails('DURATION_OUT_OF_RANGE');
    });

    it('refuses a correction that makes it overlap another session, but not one that overlaps only its own former time', () => {
      const ownFormerTime = { sessionId: 's-1', heldOn: '2026-04-10', startTime: '14:00', durationMinutes: 120 };
      const another = { sessionId: 's-2', heldOn: '2026-04-10', startTime: '16:00', durationMinutes: 60 };
      spec.given([logged()]).when(correct({ durationMinutes: 121 }, 'x', { supervisorSessions: [ownFormerTime, another] })).thenFails('SESSION_OVERLAPS');
      spec.given([logged()]).when(correct({ durationMinutes: 119 }, 'x', { supervisorSessions: [ownFormerTime, another] })).thenProduces((events) =>
        expect(corrected(events).after.durationMinutes).toBe(119),
      );
    });
  });

  describe('of the supervisees', () => {
    it('clears only the attestations of supervisees removed and keeps the others', () => {
      spec.given(attestedByTwo).when(correct({ superviseeIds: ['w-1', 'w-3'] })).thenProduces((events) => {
        expect(corrected(events)).toMatchObject({ clearedAttestations: ['w-2'], attestedBy: ['w-1'], changedFields: ['superviseeIds'] });
      });
    });

    it('then refuses an attestation by the removed supervisee', () => {
      const history = [...attestedByTwo, ...supervisionSession.decide(correct({ superviseeIds: ['w-1', 'w-3'] }), attestedByTwo.reduce(supervisionSession.evolve, supervisionSession.initialState()))];
      spec
        .given(history)
        .when({ type: 'AttestSupervisionSession', data: { sessionId: 's-1', socialWorkerId: 'w-2' }, metadata: correct({}).metadata })
        .thenFails('NOT_A_SUPERVISEE');
    });

    it('checks the corrected supervisees and format against every rule', () => {
      spec.given([logged()]).when(correct({ superviseeIds: ['w-1'] })).thenFails('SUPERVISEE_COUNT');
      spec.given([logged()]).when(correct({ format: 'individual' })).thenFails('SUPERVISEE_COUNT');
      const elsewhere = { ...facts.assignments, 'w-4': { stationId: 'st-2', contractId: 'c-1' } };
      spec.given([logged()]).when(correct({ superviseeIds: ['w-1', 'w-4'] }, 'x', { assignments: elsewhere })).thenFails('SUPERVISEE_NOT_AT_STATION');
    });

    it('keeps attestations when only the functions or topics change', () => {
      spec.given(attestedByTwo).when(correct({ functions: ['administrative'], topics: ['台账'] })).thenProduces((events) => {
        expect(corrected(events)).toMatchObject({ clearedAttestations: [], attestedBy: ['w-1', 'w-2'], changedFields: ['functions', 'topics'] });
      });
    });
  });
});
