import { ProjectedEvent } from '@sws/kernel';
import { foldOne, projectedLog } from '../../../kernel/src/testing';
import { judgeEligibility } from '../eligibility/judge-eligibility';
import { DEFAULT_RENEWAL_POLICY, RenewalPolicyPublished } from '../policy/renewal-policy';
import { policiesKnownAt, policyInForce } from '../policy/policy-in-force';
import { streams } from '../event-types';
import { RenewalReviewEvent } from '../review/renewal-review';
import { EligibilityStatus } from '../shared/kinds';
import { Rectification, rectificationStatus } from './rectification-status';
import { policyVersions, renewalPoliciesProjection } from './renewal-policies.projection';
import { openReviewId, rectificationsBinding, RenewalReviews, renewalReviewsProjection, successorContractId } from './renewal-reviews.projection';

type AnyEvent = RenewalReviewEvent | RenewalPolicyPublished;

/** Events as the store hands them out, one a day from 2027-01-01 unless recorded at a given moment. */
function log(events: ReadonlyArray<AnyEvent & { recordedAt?: string }>): ProjectedEvent[] {
  return projectedLog(events, {
    streamOf: (event) =>
      event.type === 'RenewalPolicyPublished' ? streams.renewalPolicy() : streams.renewalReview((event.data as { reviewId: string }).reviewId),
    actor: { userId: 'u-1', role: 'procurement', orgId: 'org-bureau' },
    recordedAt: (event, index) => (event as { recordedAt?: string }).recordedAt ?? new Date(Date.UTC(2027, 0, 1 + index, 2)).toISOString(),
  });
}

const run = foldOne;

const ids = (reviewId: string, contractId = 'c-1', successorContractId: string | null = 'c-2') => ({
  reviewId,
  contractId,
  rectificationId: `r-${reviewId}`,
  successorContractId,
});

const judged = judgeEligibility({ contractId: 'c-1', stations: [], staffing: null, supervision: null, training: null, rectifications: [] }, DEFAULT_RENEWAL_POLICY, '2026-12-31');
const snapshot = (status: EligibilityStatus) => ({ ...judged, status });

const opened = (reviewId: string): AnyEvent => ({
  type: 'RenewalReviewOpened',
  data: { reviewId, contractId: 'c-1', asOf: '2026-12-31', purchaserOrgId: 'org-bureau', operatorOrgId: 'org-operator' },
});
const successor = { contractId: 'c-2', term: { start: '2027-01-01', end: '2027-12-31' }, budget: { totalCny: 1, sources: [{ kind: 'fiscal', amountCny: 1 }] } };
const decidedWithConditions = (reviewId: string, against = false): AnyEvent[] => [
  {
    type: 'RenewalDecisionRecorded',
    data: {
      ...ids(reviewId),
      decision: 'renew_with_conditions',
      justification: '服务基本达标，人员不足',
      eligibilitySnapshot: snapshot(against ? 'ineligible' : 'conditional'),
      overridesEligibility: against,
      against,
      successor,
      decidedOn: '2027-01-02',
    },
  },
  { type: 'RectificationRequired', data: { ...ids(reviewId), items: ['补齐驻站社工'], deadline: '2027-06-30', requiredOn: '2027-01-02' } },
];
const reported = (reviewId: string, reportedOn: string): AnyEvent => ({
  type: 'RectificationReported',
  data: { ...ids(reviewId), evidence: '聘用合同两份', reportedOn },
});
const closed = (reviewId: string, outcome: 'completed' | 'failed', closedOn: string): AnyEvent => ({
  type: 'RectificationClosed',
  data: { ...ids(reviewId), outcome, comment: null, closedOn },
});

const reviewsOf = (events: AnyEvent[]) => run(renewalReviewsProjection, log(events)).get('c-1')!;

describe('renewal reviews', () => {
  it('keeps each review with its decision, flagging one against the eligibility', () => {
    const document: RenewalReviews = reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1', true)]);
    expect(document.reviews).toEqual([
      expect.objectContaining({
        reviewId: 'rv-1',
        asOf: '2026-12-31',
        rectificationId: 'r-rv-1',
        decision: expect.objectContaining({ decision: 'renew_with_conditions', against: true, eligibilityStatus: 'ineligible', eventId: 'e-1', successor }),
      }),
    ]);
  });

  it('keeps the rectification with its reports, closure and the events behind them', () => {
    const document = reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1'), reported('rv-1', '2027-06-01'), closed('rv-1', 'completed', '2027-06-10')]);
    expect(document.rectifications).toEqual([
      {
        rectificationId: 'r-rv-1',
        reviewId: 'rv-1',
        contractId: 'c-1',
        successorContractId: 'c-2',
        items: ['补齐驻站社工'],
        deadline: '2027-06-30',
        requiredOn: '2027-01-02',
        reports: [{ evidence: '聘用合同两份', reportedOn: '2027-06-01', eventId: 'e-3' }],
        closed: { outcome: 'completed', on: '2027-06-10', comment: null, eventId: 'e-4' },
        sourceEventIds: ['e-2', 'e-3', 'e-4'],
      },
    ]);
  });

  it('gives the open review and the successor that the next opening needs as facts', () => {
    expect(openReviewId(reviewsOf([opened('rv-1')]))).toBe('rv-1');
    expect(openReviewId(reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1')]))).toBeNull();
    expect(successorContractId(reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1')]))).toBe('c-2');
    expect(successorContractId(null)).toBeNull();
  });

  it('binds the successor contract to the rectifications its predecessor’s renewal required', () => {
    const predecessor = reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1')]);
    expect(rectificationsBinding('c-2', null, predecessor).map((r) => r.rectificationId)).toEqual(['r-rv-1']);
    expect(rectificationsBinding('c-3', null, predecessor)).toEqual([]);
  });

  it('replayed over the events recorded by a moment, shows what was known then', () => {
    const events = [opened('rv-1'), ...decidedWithConditions('rv-1'), closed('rv-1', 'failed', '2027-07-05')];
    const knownBefore = log(events).filter((e) => e.metadata.recordedAt < '2027-01-04T00:00:00.000Z');
    const rectification = run(renewalReviewsProjection, knownBefore).get('c-1')!.rectifications[0];
    expect(rectificationStatus(rectification, '2027-07-05')).toBe('overdue');
    expect(rectificationStatus(reviewsOf(events).rectifications[0], '2027-07-05')).toBe('failed');
  });
});

describe('rectification status', () => {
  const rectification = (overrides: Partial<Rectification> = {}): Rectification => ({
    ...reviewsOf([opened('rv-1'), ...decidedWithConditions('rv-1')]).rectifications[0],
    ...overrides,
  });
  const report = (reportedOn: string) => ({ evidence: 'x', reportedOn, eventId: `e-${reportedOn}` });

  it('is open up to and on the deadline, overdue from the day after', () => {
    expect(rectificationStatus(rectification(), '2027-06-30')).toBe('open');
    expect(rectificationStatus(rectification(), '2027-07-01')).toBe('overdue');
  });

  it('is reported from the day of a report made by the deadline, even after the deadline', () => {
    const onTime = rectification({ reports: [report('2027-06-30')] });
    expect(rectificationStatus(onTime, '2027-06-29')).toBe('open');
    expect(rectificationStatus(onTime, '2027-06-30')).toBe('reported');
    expect(rectificationStatus(onTime, '2027-08-01')).toBe('reported');
  });

  it('stays overdue after a late report until it is closed', () => {
    const late = rectification({ reports: [report('2027-07-01')] });
    expect(rectificationStatus(late, '2027-07-02')).toBe('overdue');
  });

  it('is the outcome from the day it was closed', () => {
    const failed = rectification({ closed: { outcome: 'failed', on: '2027-05-01', comment: null, eventId: 'e' } });
    expect(rectificationStatus(failed, '2027-04-30')).toBe('open');
    expect(rectificationStatus(failed, '2027-05-01')).toBe('failed');
    const completed = rectification({ closed: { outcome: 'completed', on: '2027-07-10', comment: null, eventId: 'e' } });
    expect(rectificationStatus(completed, '2027-07-10')).toBe('completed');
  });
});

describe('renewal policies', () => {
  const v2: RenewalPolicyPublished = {
    type: 'RenewalPolicyPublished',
    data: { ...DEFAULT_RENEWAL_POLICY, version: 2, effectiveFrom: '2027-06-01' },
    occurredAt: '2027-06-01',
  };

  it('holds the shipped default and every published version, with the moment each was recorded', () => {
    const document = run(renewalPoliciesProjection, log([{ ...v2, recordedAt: '2027-03-01T02:00:00.000Z' }])).get('all')!;
    expect(document.versions.map((v) => [v.version, v.publishedAt, v.eventId])).toEqual([
      [1, null, null],
      [2, '2027-03-01T02:00:00.000Z', 'e-0'],
    ]);
    expect(policyInForce(policiesKnownAt(document.versions, '2027-02-28T00:00:00Z'), '2027-07-01').version).toBe(1);
    expect(policyInForce(policiesKnownAt(document.versions, '2027-03-02T00:00:00Z'), '2027-07-01').version).toBe(2);
  });

  it('is the default alone before anything is published', () => {
    expect(policyVersions(null).map((v) => v.version)).toEqual([1]);
  });
});
