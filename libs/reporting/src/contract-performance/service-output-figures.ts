import { CalendarDate } from '@sws/kernel';
import { firstDayOf, lastDay, lastDayOf, Month, Requirements, Term } from '@sws/stations-contracts';
import { ServiceOutputEntry } from './service-output-year.projection';

export interface TargetFigure {
  /** Per station and year, as the contract states it. */
  readonly annualTarget: number;
  /** The annual target prorated to the months of the year the contract runs. */
  readonly target: number;
  /** Prorated to the months of the year that have ended by the date asked about. */
  readonly expectedToDate: number;
  readonly actual: number;
  readonly share: number | null;
  readonly met: boolean;
  readonly onTrack: boolean;
}

export interface RatioFigure {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when there is nothing to divide. */
  readonly share: number | null;
  readonly eventIds: readonly string[];
}

export interface StationOutput {
  readonly stationId: string;
  readonly monthsReported: readonly Month[];
  /** Months of the contract that have ended by the date asked about with no output report. */
  readonly monthsMissing: readonly Month[];
  /** `cases` counts cases opened; `groups` group sessions; `communityActivities` community activities. */
  readonly output: { readonly cases: TargetFigure; readonly groups: TargetFigure; readonly communityActivities: TargetFigure };
  readonly beneficiaries: number;
  /** Administrative / (professional + administrative) hours, in minutes: the 行政化 signal. */
  readonly administrativeShare: RatioFigure;
  /** Satisfied / respondents. */
  readonly satisfaction: RatioFigure;
  readonly eventIds: readonly string[];
}

export interface ServiceOutputContract {
  readonly id: string;
  readonly stationIds: readonly string[];
  readonly term: Term;
  readonly terminated: { readonly effectiveOn: CalendarDate } | null;
  readonly requirements: Pick<Requirements, 'serviceTargets'>;
}

const toMinutes = (hours: number) => Math.round(hours * 60);
const ratio = (numerator: number, denominator: number, eventIds: readonly string[]): RatioFigure => ({
  numerator,
  denominator,
  share: denominator === 0 ? null : numerator / denominator,
  eventIds,
});

/** The months of `year` on some day of which the contract runs, and those of them ended by `asOf`. */
export function contractMonths(contract: ServiceOutputContract, year: number, asOf: CalendarDate): { inTerm: Month[]; ended: Month[] } {
  const end = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
  const inTerm = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => firstDayOf(m) <= end && lastDayOf(m) >= contract.term.start,
  );
  return { inTerm, ended: inTerm.filter((m) => lastDayOf(m) <= asOf) };
}

/** Output against a yearly target over `months` months of the year, `monthsEnded` of them over. */
export function targetFigure(annualTarget: number, actual: number, months: number, monthsEnded: number): TargetFigure {
  const target = (annualTarget * months) / 12;
  return {
    annualTarget,
    target: Math.round(target * 100) / 100,
    expectedToDate: Math.round(((annualTarget * monthsEnded) / 12) * 100) / 100,
    actual,
    share: target === 0 ? null : actual / target,
    // Compared in twelfths, so that a prorated target is never rounded before it is judged.
    met: actual * 12 >= annualTarget * months,
    onTrack: actual * 12 >= annualTarget * monthsEnded,
  };
}

/**
 * A station's service output in the calendar year of `asOf`, up to its month, against the
 * contract's yearly targets: only months whose report names this contract count.
 */
export function stationOutput(
  contract: ServiceOutputContract,
  stationId: string,
  reports: readonly ServiceOutputEntry[],
  year: number,
  asOf: CalendarDate,
  months: { readonly inTerm: readonly Month[]; readonly ended: readonly Month[] } = contractMonths(contract, year, asOf),
): StationOutput {
  const { inTerm, ended } = months;
  const current = asOf.slice(0, 7);
  const mine = reports.filter((r) => r.stationId === stationId && inTerm.includes(r.month) && r.month <= current);
  const outputs = mine.flatMap((r) => (r.output && r.output.contractId === contract.id ? [{ month: r.month, ...r.output }] : []));
  const surveys = mine.flatMap((r) => (r.survey && r.survey.contractId === contract.id ? [r.survey] : []));
  const sum = (pick: (o: (typeof outputs)[number]) => number) => outputs.reduce((total, o) => total + pick(o), 0);
  const targets = contract.requirements.serviceTargets;
  const outputEventIds = outputs.map((o) => o.eventId);
  const surveyEventIds = surveys.map((s) => s.eventId);
  const administrative = sum((o) => toMinutes(o.administrativeHours));
  return {
    stationId,
    monthsReported: outputs.map((o) => o.month),
    monthsMissing: ended.filter((m) => !outputs.some((o) => o.month === m)),
    output: {
      cases: targetFigure(targets.cases, sum((o) => o.casesOpened), inTerm.length, ended.length),
      groups: targetFigure(targets.groups, sum((o) => o.groupSessions), inTerm.length, ended.length),
      communityActivities: targetFigure(targets.communityActivities, sum((o) => o.communityActivities), inTerm.length, ended.length),
    },
    beneficiaries: sum((o) => o.beneficiaries),
    administrativeShare: ratio(administrative, administrative + sum((o) => toMinutes(o.professionalHours)), outputEventIds),
    satisfaction: ratio(
      surveys.reduce((total, s) => total + s.satisfied, 0),
      surveys.reduce((total, s) => total + s.respondents, 0),
      surveyEventIds,
    ),
    eventIds: [...outputEventIds, ...surveyEventIds],
  };
}
