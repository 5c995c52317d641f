import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import { lastDayOf, monthOf, nextMonth } from './month';
import {
  RecordSatisfactionSurvey,
  ReportServiceOutput,
  SatisfactionSurveyRecorded,
  serviceReport,
  ServiceOutputFigures,
  ServiceOutputReported,
  ServiceReportFacts,
} from './service-report';

const spec = deciderSpecification(serviceReport);

/** Today in China is 2026-04-15. */
const metadata: CommandMetadata = {
  now: '2026-04-15T10:00:00+08:00',
  actor: { userId: 'u-op', role: 'operator', orgId: 'org-op' },
};

const contract: ServiceReportFacts['contract'] = { contractId: 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' };

const figures: ServiceOutputFigures = {
  casesOpened: 4,
  casesClosed: 2,
  groupSessions: 1,
  communityActivities: 2,
  beneficiaries: 130,
  professionalHours: 210.5,
  administrativeHours: 96,
};

const report = (data: Partial<ReportServiceOutput['data']> = {}, facts: ServiceReportFacts = { contract }): ReportServiceOutput => ({
  type: 'ReportServiceOutput',
  data: { reportId: 'r-1', stationId: 'st-1', month: '2026-03', ...figures, ...data },
  metadata,
  facts,
});

const header = { reportId: 'r-1', stationId: 'st-1', month: '2026-03', contractId: 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' };

const reported = (data: Partial<ServiceOutputReported['data']> = {}, occurredAt = '2026-03-31'): ServiceOutputReported => ({
  type: 'ServiceOutputReported',
  data: { ...header, ...figures, correction: null, ...data },
  occurredAt,
});

const survey = (respondents: number, satisfied: number, reason?: string): RecordSatisfactionSurvey => ({
  type: 'RecordSatisfactionSurvey',
  data: { reportId: 'r-1', stationId: 'st-1', month: '2026-03', respondents, satisfied, reason },
  metadata,
  facts: { contract },
});

const surveyed = (respondents: number, satisfied: number, correction: { reason: string } | null = null): SatisfactionSurveyRecorded => ({
  type: 'SatisfactionSurveyRecorded',
  data: { ...header, respondents, satisfied, correction },
  occurredAt: '2026-03-31',
});

describe('service report', () => {
  describe('when output is reported', () => {
    it('records the month’s figures under the contract holding the station, as of the month’s last day', () => {
      spec.given([]).when(report()).then([reported()]);
    });

    it('accepts the current month, as of today, and refuses the next one', () => {
      spec.given([]).when(report({ month: '2026-04' })).then([reported({ month: '2026-04' }, '2026-04-15')]);
      spec.given([]).when(report({ month: '2026-05' })).thenFails('DATE_IN_FUTURE');
    });

    it('refuses a station no contract holds that month', () => {
      spec.given([]).when(report({}, { contract: null })).thenFails('STATION_NOT_IN_CONTRACT');
    });

    it('refuses a month that is not YYYY-MM', () => {
      spec.given([]).when(report({ month: '2026-13' })).thenFails('INVALID_MONTH');
    });

    it('refuses negative or fractional counts and hours that are not whole minutes', () => {
      spec.given([]).when(report({ casesOpened: -1 })).thenFails('INVALID_FIGURE');
      spec.given([]).when(report({ beneficiaries: 1.5 })).thenFails('INVALID_FIGURE');
      spec.given([]).when(report({ administrativeHours: -0.5 })).thenFails('INVALID_HOURS');
      spec.given([]).when(report({ professionalHours: 0.33 })).thenFails('INVALID_HOURS');
    });

    it('accepts zero output', () => {
      const none = { casesOpened: 0, casesClosed: 0, groupSessions: 0, communityActivities: 0, beneficiaries: 0, professionalHours: 0, administrativeHours: 0 };
      spec.given([]).when(report(none)).then([reported(none)]);
    });

    describe('a second time for the month', () => {
      it('refuses it without a reason', () => {
        spec.given([reported()]).when(report({ casesOpened: 5 })).thenFails('CORRECTION_NEEDS_REASON');
        spec.given([reported()]).when(report({ casesOpened: 5, reason: '  ' })).thenFails('CORRECTION_NEEDS_REASON');
        spec.given([reported()]).when(report({ casesOpened: 5, reason: '\u200b\u200b' })).thenFails('CORRECTION_NEEDS_REASON');
      });

      it('records it as a correction that names its reason', () => {
        spec.given([reported()]).when(report({ casesOpened: 5, reason: '漏报一个个案' })).then([reported({ casesOpened: 5, correction: { reason: '漏报一个个案' } })]);
      });

      it('refuses a correction that repeats the figures', () => {
        spec.given([reported()]).when(report({ reason: '重报' })).thenFails('NOTHING_TO_CORRECT');
      });
    });

    it('refuses a reason on the month’s first report: there is nothing to correct', () => {
      spec.given([]).when(report({ reason: '更正' })).thenFails('NOTHING_TO_CORRECT');
    });

    it('refuses a report that names another station or month than its stream', () => {
      spec.given([reported()]).when(report({ stationId: 'st-2', reason: 'x', casesOpened: 9 })).thenFails('REPORT_MISMATCH');
    });
  });

  describe('when a satisfaction survey is recorded', () => {
    it('records respondents and satisfied, beside an output report of the same month', () => {
      spec.given([reported()]).when(survey(40, 36)).then([surveyed(40, 36)]);
    });

    it('accepts all satisfied and refuses more satisfied than respondents', () => {
      spec.given([]).when(survey(40, 40)).then([surveyed(40, 40)]);
      spec.given([]).when(survey(40, 41)).thenFails('SATISFIED_EXCEEDS_RESPONDENTS');
    });

    it('accepts one respondent and refuses none', () => {
      spec.given([]).when(survey(1, 0)).then([surveyed(1, 0)]);
      spec.given([]).when(survey(0, 0)).thenFails('NO_RESPONDENTS');
    });

    it('takes a second survey of the month only as a correction with a reason', () => {
      spec.given([surveyed(40, 36)]).when(survey(42, 37)).thenFails('CORRECTION_NEEDS_REASON');
      spec.given([surveyed(40, 36)]).when(survey(42, 37, '补录两份问卷')).then([surveyed(42, 37, { reason: '补录两份问卷' })]);
    });
  });
});

describe('months', () => {
  it('knows their last days and what follows them', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthOf('2026-04-15')).toBe('2026-04');
  });
});
