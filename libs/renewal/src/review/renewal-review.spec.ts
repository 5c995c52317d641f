import { CommandMetadata } from '@sws/kernel';
import { deciderSpecification } from '../../../kernel/src/testing';
import { EligibilityJudgement } from '../eligibility/eligibility';
import { DEFAULT_RENEWAL_POLICY } from '../policy/renewal-policy';
import { Decision, EligibilityStatus } from '../shared/kinds';
import { DECISION_AGAINST } from './decision-table';
import {
  CloseRectification,
  OpenRenewalReview,
  RecordRenewalDecision,
  RenewalDecisionRecorded,
  RenewalReviewOpened,
  renewalReview,
  ReportRectification,
  ReviewedContractFacts,
} from './renewal-review';

const spec = deciderSpecification(renewalReview);

const now = '2027-01-15T10:00:00+08:00';
const today = '2027-01-15';
const metadata: CommandMetadata = { now, actor: { userId: 'u-buyer', role: 'procurement', orgId: 'org-bureau' } };

const contractFacts: ReviewedContractFacts = {
  contract: { purchaserOrgId: 'org-bureau', operatorOrgId: 'org-operator', term: { start: '2026-01-01', end: '2026-12-31' }, terminatedOn: null },
  openReviewId: null,
  successorContractId: null,
};

const openReview = (data: Partial<OpenRenewalReview['data']> = {}, facts: Partial<ReviewedContractFacts> = {}): OpenRenewalReview => ({
  type: 'OpenRenewalReview',
  data: { reviewId: 'rv-1', contractId: 'c-1', asOf: '2026-12-31', ...data },
  metadata,
  facts: { ...contractFacts, ...facts },
});

const opened: RenewalReviewOpened = {
  type: 'RenewalReviewOpened',
  data: { reviewId: 'rv-1', contractId: 'c-1', asOf: '2026-12-31', purchaserOrgId: 'org-bureau', operatorOrgId: 'org-operator' },
};

const noFigure = { share: null, threshold: 0.9, met: null, counted: 0, of: 0, sourceEventIds: [] };
const eligibility = (status: EligibilityStatus, overrides: Partial<EligibilityJudgement> = {}): EligibilityJudgement => ({
  contractId: 'c-1',
  asOf: '2026-12-31',
  policyVersion: 1,
  thresholds: DEFAULT_RENEWAL_POLICY.thresholds,
  status,
  contractScore: 85,
  stations: [],
  closedStations: [],
  staffing: noFigure,
  supervision: noFigure,
  training: noFigure,
  rectifications: [],
  reasons: [],
  ...overrides,
});

const successor = {
  contractId: 'c-2',
  term: { start: '2027-01-01', end: '2027-12-31' },
  budget: { totalCny: 300000.5, sources: [{ kind: 'fiscal', amountCny: 250000.25 }, { kind: 'welfare_lottery', amountCny: 50000.25 }] },
};
const conditions = { rectificationId: 'r-1', items: ['补齐驻站社工', '建立督导台账'], deadline: '2027-06-30' };

const decide = (
  decision: Decision,
  status: EligibilityStatus,
  data: Partial<RecordRenewalDecision['data']> = {},
  snapshot: EligibilityJudgement = eligibility(status),
): RecordRenewalDecision => ({
  type: 'RecordRenewalDecision',
  data: {
    reviewId: 'rv-1',
    decision,
    justification: '年度评估良好，服务稳定',
    ...(decision === 'do_not_renew' ? {} : { successor }),
    ...(decision === 'renew_with_conditions' ? { conditions } : {}),
    ...data,
  },
  metadata,
  facts: { eligibility: snapshot },
});

const decided = (decision: Decision, status: EligibilityStatus): RenewalDecisionRecorded[] =>
  renewalReview.decide(decide(decision, status), renewalReview.evolve(renewalReview.initialState(), opened)) as RenewalDecisionRecorded[];

const report = (evidence = '已补齐两名驻站社工，见聘用合同'): ReportRectification => ({
  type: 'ReportRectification',
  data: { reviewId: 'rv-1', evidence },
  metadata: { ...metadata, actor: { userId: 'u-op', role: 'operator', orgId: 'org-operator' } },
});
const close = (outcome: 'completed' | 'failed', comment?: string): CloseRectification => ({
  type: 'CloseRectification',
  data: { reviewId: 'rv-1', outcome, ...(comment === undefined ? {} : { comment }) },
  metadata,
});

const rectificationIds = { reviewId: 'rv-1', contractId: 'c-1', rectificationId: 'r-1', successorContractId: 'c-2' };

describe('renewal review', () => {
  describe('when opened', () => {
    it('records the purchaser and operator of the contract and the date it is judged as of', () => {
      spec.given([]).when(openReview()).then([opened]);
    });

    it('refuses a second opening of the same review', () => {
      spec.given([opened]).when(openReview()).thenFails('ALREADY_REGISTERED');
    });

    it('refuses a contract that does not exist', () => {
      spec.given([]).when(openReview({}, { contract: null })).thenFails('CONTRACT_NOT_FOUND');
    });

    it('refuses a terminated contract', () => {
      const terminated = { ...contractFacts.contract!, terminatedOn: '2026-07-01' };
      spec.given([]).when(openReview({}, { contract: terminated })).thenFails('CONTRACT_TERMINATED');
    });

    it('refuses a contract already renewed', () => {
      spec.given([]).when(openReview({}, { successorContractId: 'c-2' })).thenFails('ALREADY_RENEWED');
    });

    it('refuses a contract with a review still waiting for its decision', () => {
      spec.given([]).when(openReview({}, { openReviewId: 'rv-0' })).thenFails('REVIEW_ALREADY_OPEN');
    });

    it('judges as of today at the latest', () => {
      spec.given([]).when(openReview({ asOf: '2027-01-16' })).thenFails('DATE_IN_FUTURE');
      spec.given([]).when(openReview({ asOf: today })).thenProduces(([event]) => expect(event.data).toMatchObject({ asOf: today }));
    });

    it('judges as of the first day of the term at the earliest', () => {
      spec.given([]).when(openReview({ asOf: '2025-12-31' })).thenFails('OUTSIDE_CONTRACT_TERM');
      spec.given([]).when(openReview({ asOf: '2026-01-01' })).thenProduces((events) => expect(events).toHaveLength(1));
    });
  });

  describe('when a decision is recorded', () => {
    it('stores the eligibility the reviewer saw verbatim, with the successor it awards', () => {
      const snapshot = eligibility('eligible', { contractScore: 91.5 });
      spec
        .given([opened])
        .when(decide('renew', 'eligible', {}, snapshot))
        .then([
          {
            type: 'RenewalDecisionRecorded',
            data: {
              reviewId: 'rv-1',
              contractId: 'c-1',
              decision: 'renew',
              justification: '年度评估良好，服务稳定',
              eligibilitySnapshot: snapshot,
              overridesEligibility: false,
              against: false,
              successor,
              decidedOn: today,
            },
          },
        ]);
    });

    const cells = (Object.keys(DECISION_AGAINST) as Decision[]).flatMap((decision) =>
      (['eligible', 'conditional', 'ineligible', 'insufficient_data'] as EligibilityStatus[]).map((status) => ({
        decision,
        status,
        against: DECISION_AGAINST[decision].includes(status),
      })),
    );

    it('knows which decisions go against which eligibility', () => {
      expect(cells.filter((c) => c.against).map((c) => `${c.decision}/${c.status}`)).toEqual([
        'renew/conditional',
        'renew/ineligible',
        'renew/insufficient_data',
        'renew_with_conditions/ineligible',
        'renew_with_conditions/insufficient_data',
        'do_not_renew/eligible',
      ]);
    });

    it.each(cells)('$decision on a $status contract: refused without the override when against ($against)', ({ decision, status, against }) => {
      const run = spec.given([opened]).when(decide(decision, status));
      if (against) run.thenFails('DECISION_AGAINST_ELIGIBILITY');
      else run.thenProduces(([event]) => expect(event.data).toMatchObject({ decision, against: false, overridesEligibility: false }));
    });

    it.each(cells)('$decision on a $status contract with the override: recorded as against, or nothing to override', ({ decision, status, against }) => {
      const run = spec.given([opened]).when(decide(decision, status, { overridesEligibility: true }));
      if (against) run.thenProduces(([event]) => expect(event.data).toMatchObject({ decision, against: true, overridesEligibility: true }));
      else run.thenFails('NOTHING_TO_OVERRIDE');
    });

    it('refuses to renew an ineligible contract without the override, and records it as against with it', () => {
      spec.given([opened]).when(decide('renew', 'ineligible')).thenFails('DECISION_AGAINST_ELIGIBILITY');
      spec
        .given([opened])
        .when(decide('renew', 'ineligible', { overridesEligibility: true, justification: '全区唯一承接机构，过渡期续签' }))
        .thenProduces(([event]) => expect(event.data).toMatchObject({ against: true, eligibilitySnapshot: { status: 'ineligible' } }));
    });

    it('refuses a blank justification', () => {
      spec.given([opened]).when(decide('renew', 'eligible', { justification: '  ' })).thenFails('JUSTIFICATION_REQUIRED');
      spec.given([opened]).when(decide('renew', 'eligible', { justification: '\u200b\u200b' })).thenFails('JUSTIFICATION_REQUIRED');
    });

    it('refuses an eligibility judged for another date or contract than the review', () => {
      spec.given([opened]).when(decide('renew', 'eligible', {}, eligibility('eligible', { asOf: '2027-01-15' }))).thenFails('ELIGIBILITY_NOT_FOR_REVIEW');
      spec.given([opened]).when(decide('renew', 'eligible', {}, eligibility('eligible', { contractId: 'c-9' }))).thenFails('ELIGIBILITY_NOT_FOR_REVIEW');
    });

    it('refuses a second decision', () => {
      spec.given([opened, ...decided('do_not_renew', 'ineligible')]).when(decide('renew', 'eligible')).thenFails('ALREADY_DECIDED');
    });

    it('refuses a decision on a review that was never opened', () => {
      spec.given([]).when(decide('renew', 'eligible')).thenFails('REVIEW_NOT_FOUND');
    });
  });

  describe('when renewing with conditions', () => {
    it('requires the rectification, binding the successor contract too', () => {
      spec
        .given([opened])
        .when(decide('renew_with_conditions', 'conditional'))
        .thenProduces((events) =>
          expect(events[1]).toEqual({
            type: 'RectificationRequired',
            data: { ...rectificationIds, items: conditions.items, deadline: '2027-06-30', requiredOn: today },
          }),
        );
    });

    it.each([
      ['no conditions', undefined],
      ['no items', { ...conditions, items: [] }],
      ['a blank item', { ...conditions, items: ['补齐驻站社工', ' '] }],
      ['an item of invisible characters', { ...conditions, items: ['补齐驻站社工', '\u200b\u2060'] }],
      ['no deadline', { ...conditions, deadline: undefined }],
      ['no rectification id', { ...conditions, rectificationId: undefined }],
    ])('refuses %s', (_, given) => {
      spec.given([opened]).when(decide('renew_with_conditions', 'conditional', { conditions: given })).thenFails('CONDITIONS_REQUIRED');
    });

    it('refuses a deadline that is not after today', () => {
      spec.given([opened]).when(decide('renew_with_conditions', 'conditional', { conditions: { ...conditions, deadline: today } })).thenFails('DEADLINE_NOT_AFTER_TODAY');
      spec
        .given([opened])
        .when(decide('renew_with_conditions', 'conditional', { conditions: { ...conditions, deadline: '2027-01-16' } }))
        .thenProduces((events) => expect(events).toHaveLength(2));
    });

    it('refuses conditions on any other decision', () => {
      spec.given([opened]).when(decide('renew', 'eligible', { conditions })).thenFails('CONDITIONS_NOT_EXPECTED');
      spec.given([opened]).when(decide('do_not_renew', 'ineligible', { conditions })).thenFails('CONDITIONS_NOT_EXPECTED');
    });
  });

  describe('when a successor is awarded', () => {
    it('requires its term and budget for a renewal, with or without conditions', () => {
      spec.given([opened]).when(decide('renew', 'eligible', { successor: undefined })).thenFails('SUCCESSOR_REQUIRED');
      spec.given([opened]).when(decide('renew_with_conditions', 'conditional', { successor: undefined })).thenFails('SUCCESSOR_REQUIRED');
    });

    it('refuses a successor when not renewing', () => {
      spec.given([opened]).when(decide('do_not_renew', 'ineligible', { successor })).thenFails('SUCCESSOR_NOT_EXPECTED');
    });

    it('refuses a term that does not end after it starts', () => {
      const term = { start: '2027-01-01', end: '2027-01-01' };
      spec.given([opened]).when(decide('renew', 'eligible', { successor: { ...successor, term } })).thenFails('TERM_ENDS_BEFORE_START');
    });

    it('refuses a budget whose sources do not add up to the total, to the fen', () => {
      const budget = { ...successor.budget, totalCny: 300000.51 };
      spec.given([opened]).when(decide('renew', 'eligible', { successor: { ...successor, budget } })).thenFails('FUNDING_MISMATCH');
    });
  });

  describe('when a rectification is reported and closed', () => {
    const withConditions = () => [opened, ...decided('renew_with_conditions', 'conditional')];

    it('records each report of the operator, dated today', () => {
      spec
        .given(withConditions())
        .when(report())
        .then([{ type: 'RectificationReported', data: { ...rectificationIds, evidence: '已补齐两名驻站社工，见聘用合同', reportedOn: today } }]);
    });

    it('refuses a report without evidence', () => {
      spec.given(withConditions()).when(report(' ')).thenFails('EVIDENCE_REQUIRED');
      spec.given(withConditions()).when(report('\u200c\u200d\u3000')).thenFails('EVIDENCE_REQUIRED');
    });

    it('refuses a report or a closure where no rectification was required', () => {
      spec.given([opened, ...decided('renew', 'eligible')]).when(report()).thenFails('NO_RECTIFICATION');
      spec.given([opened]).when(close('completed')).thenFails('NO_RECTIFICATION');
    });

    it('closes it once, as completed or failed', () => {
      spec
        .given(withConditions())
        .when(close('failed', '逾期未补齐人员'))
        .then([{ type: 'RectificationClosed', data: { ...rectificationIds, outcome: 'failed', comment: '逾期未补齐人员', closedOn: today } }]);
      spec.given(withConditions()).when(close('completed')).thenProduces(([event]) => expect(event.data).toMatchObject({ comment: null }));
    });

    it('refuses to close it again or to report on it once closed', () => {
      const closed = renewalReview.decide(close('completed'), withConditions().reduce(renewalReview.evolve, renewalReview.initialState()));
      spec.given([...withConditions(), ...closed]).when(close('failed')).thenFails('RECTIFICATION_CLOSED');
      spec.given([...withConditions(), ...closed]).when(report()).thenFails('RECTIFICATION_CLOSED');
    });
  });
});
