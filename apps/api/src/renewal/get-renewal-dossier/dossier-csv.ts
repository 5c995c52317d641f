import { eligibilityFigureRows } from '@sws/renewal';
import { RenewalDossier } from './renewal-dossier';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The dossier's figures as CSV, one row per figure with its threshold and the events it came
 * from; with a byte-order mark so that spreadsheet programs read the Chinese names right.
 */
export function dossierCsv(d: RenewalDossier): string {
  const header = ['figure', 'subject_id', 'subject', 'detail', 'value', 'threshold', 'met', 'source_event_ids'];
  const rows: unknown[][] = eligibilityFigureRows(d.eligibility).map((r) => [
    r.figure,
    r.subjectId,
    d.contract.stations.find((s) => s.id === r.subjectId)?.name ?? null,
    r.detail,
    r.value,
    r.threshold,
    r.met,
    r.sourceEventIds.join(' '),
  ]);
  for (const x of d.stationClosures) {
    rows.push(['station_closure', x.stationId, x.name, `closed from ${x.on}: ${x.reason}`, null, null, null, x.eventId]);
  }
  for (const key of ['cases', 'groups', 'communityActivities'] as const) {
    const f = d.serviceOutput[key];
    rows.push([`service_output_${key}`, d.contract.id, null, `year ${d.serviceOutput.year}, expected to date ${f.expectedToDate}`, f.actual, f.target, f.onTrack, d.serviceOutput.sourceEventIds.join(' ')]);
  }
  for (const s of d.serviceOutput.stations) {
    rows.push(['station_cases', s.stationId, s.name, `expected to date ${s.output.cases.expectedToDate}`, s.output.cases.actual, s.output.cases.target, s.output.cases.onTrack, s.eventIds.join(' ')]);
  }
  const ratio = (figure: string, r: RenewalDossier['satisfaction']) => [figure, d.contract.id, null, `${r.numerator} / ${r.denominator}`, r.share, null, null, r.eventIds.join(' ')];
  rows.push(ratio('administrative_share', d.administrativeShare), ratio('satisfaction', d.satisfaction));
  for (const x of d.decisions) {
    rows.push(['decision', x.reviewId, null, `${x.decision} as of ${x.asOf}${x.against ? ', AGAINST eligibility ' + x.eligibilityStatus : ''}`, null, null, !x.against, x.sourceEventIds.join(' ')]);
  }
  return '\ufeff' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
