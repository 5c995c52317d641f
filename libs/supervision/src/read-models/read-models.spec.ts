import { DomainEvent, Projection } from '@sws/kernel';
import { foldOne, projectedLog } from '../../../kernel/src/testing';
import { supervisionSession } from '../supervision-session/supervision-session';
import { SupervisionSessionEvent } from '../supervision-session/session';
import { SupervisorRegistered } from '../supervisor/supervisor';
import { attested, correct, logged, metadata } from '../testing/session-fixtures';
import { supervisionSessionDetailProjection } from './supervision-session-detail.projection';
import { supervisorDetailProjection } from './supervisor-detail.projection';

/** What a runner does with these events, numbered e-0, e-1, … a minute apart from 2026-04-15 02:00. */
function run<D>(projection: Projection<D>, events: readonly DomainEvent[]): Map<string, D> {
  return foldOne(projection, projectedLog(events, { streamOf: () => 'x', actor: metadata.actor, startsAt: '2026-04-15T02:00:00Z' }));
}

const registered = (affiliationOrgId: string | null = 'org-uni'): SupervisorRegistered => ({
  type: 'SupervisorRegistered',
  data: { supervisorId: 'sup-1', name: '陈教授', tier: 'city', affiliation: 'university', affiliationOrgId },
});

/** The events a correction decides, given the session's past. */
function corrected(past: SupervisionSessionEvent[], command: Parameters<typeof supervisionSession.decide>[0]): readonly SupervisionSessionEvent[] {
  const state = past.reduce(supervisionSession.evolve, supervisionSession.initialState());
  return supervisionSession.decide(command, state);
}

describe('supervisor detail', () => {
  it('describes the supervisor as registered, its affiliation organization as its party', () => {
    const detail = run(supervisorDetailProjection, [registered()]).get('sup-1')!;
    expect(detail).toMatchObject({ id: 'sup-1', name: '陈教授', tier: 'city', affiliation: 'university', contractIds: [], parties: ['org-uni'] });
  });

  it('has no party when the supervisor is independent', () => {
    expect(run(supervisorDetailProjection, [registered(null)]).get('sup-1')!.parties).toEqual([]);
  });

  it('collects each contract its sessions served, once, a corrected contract too', () => {
    const past = [logged()];
    const moved = corrected(past, { ...correct({ contractId: 'c-2' }), facts: { assignments: { 'w-1': { stationId: 'st-1', contractId: 'c-2' }, 'w-2': { stationId: 'st-1', contractId: 'c-2' }, 'w-3': { stationId: 'st-1', contractId: 'c-2' } }, supervisorSessions: [] } });
    const detail = run(supervisorDetailProjection, [registered(), logged(), logged(), ...moved]).get('sup-1')!;
    expect(detail.contractIds).toEqual(['c-1', 'c-2']);
  });
});

describe('supervision session detail', () => {
  it('holds the session as logged, with no attestation yet', () => {
    const detail = run(supervisionSessionDetailProjection, [logged()]).get('s-1')!;
    expect(detail).toMatchObject({ id: 's-1', status: 'logged', supervisorId: 'sup-1', durationMinutes: 120, attestations: [], corrections: [], voided: null });
  });

  it('adds each attestation with the event it came from', () => {
    const detail = run(supervisionSessionDetailProjection, [logged(), attested('w-1'), attested('w-2')]).get('s-1')!;
    expect(detail.attestations.map((a) => [a.socialWorkerId, a.eventId])).toEqual([['w-1', 'e-1'], ['w-2', 'e-2']]);
  });

  it('takes a correction’s new details and keeps only the attestations it leaves standing', () => {
    const past: SupervisionSessionEvent[] = [logged(), attested('w-1'), attested('w-2')];
    const withoutW1 = corrected(past, correct({ superviseeIds: ['w-2', 'w-3'] }, '名单有误'));
    const detail = run(supervisionSessionDetailProjection, [...past, ...withoutW1]).get('s-1')!;
    expect(detail.superviseeIds).toEqual(['w-2', 'w-3']);
    expect(detail.attestations.map((a) => [a.socialWorkerId, a.eventId])).toEqual([['w-2', 'e-2']]);
    expect(detail.corrections).toEqual([expect.objectContaining({ reason: '名单有误', changedFields: ['superviseeIds'], clearedAttestations: ['w-1'], eventId: 'e-3' })]);
  });

  it('clears every attestation when the duration changes', () => {
    const past: SupervisionSessionEvent[] = [logged(), attested('w-1'), attested('w-2')];
    const shorter = corrected(past, correct({ durationMinutes: 90 }));
    const detail = run(supervisionSessionDetailProjection, [...past, ...shorter]).get('s-1')!;
    expect(detail.durationMinutes).toBe(90);
    expect(detail.attestations).toEqual([]);
  });

  it('marks a voided session with its reason and keeps it readable', () => {
    const past: SupervisionSessionEvent[] = [logged(), attested('w-1')];
    const voided = supervisionSession.decide({ type: 'VoidSupervisionSession', data: { sessionId: 's-1', reason: '重复登记' }, metadata }, past.reduce(supervisionSession.evolve, supervisionSession.initialState()));
    const detail = run(supervisionSessionDetailProjection, [...past, ...voided]).get('s-1')!;
    expect(detail).toMatchObject({ status: 'voided', voided: { reason: '重复登记', eventId: 'e-2' } });
    expect(detail.eventIds).toEqual(['e-0', 'e-1', 'e-2']);
  });
});
