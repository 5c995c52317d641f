import { Projection } from '@sws/kernel';
import * as reporting from '@sws/reporting';
import { busyContractMonth, longStationHistory, measureDocuments } from './testing/long-history';

const SESSION_AND_TRAINING = new Set([
  'SupervisionSessionLogged',
  'SupervisionSessionAttested',
  'SupervisionSessionCorrected',
  'SupervisionSessionVoided',
  'TrainingAttendanceRecorded',
  'TrainingEffectivenessAssessed',
]);

/** The bound stated in issue 12's terms: a session or training event rewrites no document of more than a few kilobytes. */
const BOUND = 8 * 1024;

const projections = Object.values(reporting).filter(
  (value): value is Projection<any> => typeof value === 'object' && value !== null && 'collection' in value && 'evolve' in value,
);

describe('document sizes over a long history (five years of one station, eight workers)', () => {
  const log = longStationHistory({ years: 5, workers: 8 });
  const sizes = measureDocuments(projections, log, SESSION_AND_TRAINING);

  if (process.env.PRINT_DOCUMENT_SIZES === '1') {
    const logBytes = log.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0);
    const rows = sizes.map((s) => `${s.collection.padEnd(24)} ${String(s.largestWritten).padStart(8)} ${String(s.largest).padStart(8)} ${String(s.documents).padStart(6)} ${String(s.bytes).padStart(9)}`);
    process.stdout.write(`\n${log.length} events, ${logBytes} bytes of event JSON\ncollection               written  largest   docs     bytes\n${rows.join('\n')}\n`);
  }

  it('covers the reporting read models that sessions and trainings feed', () => {
    expect(sizes.map((s) => s.collection)).toEqual(expect.arrayContaining(['worker-ledgers', 'worker-years', 'contract-streams', 'contract-stream-links']));
    expect(log.length).toBeGreaterThan(1_500);
  });

  it.each(['worker-ledgers', 'worker-years', 'contract-streams', 'contract-stream-links', 'supervisor-workloads'])(
    'no session or training event rewrites a %s document of more than 8 KB',
    (collection) => {
      const found = sizes.find((s) => s.collection === collection);
      expect(found).toBeDefined();
      expect(found!.largestWritten).toBeLessThanOrEqual(BOUND);
    },
  );

  it('writes a worker-year index document of at most 3 KB: a session rewrites its share of the year, not the whole year', () => {
    // One document per worker and year took 7.6 KB by the end of this history's busiest year.
    expect(sizes.find((s) => s.collection === 'worker-years')!.largestWritten).toBeLessThanOrEqual(3 * 1024);
  });
});

describe("document sizes in a busy month of one contract (40 workers at 4 stations, five sessions each, 20 supervisors)", () => {
  const log = busyContractMonth({ workers: 40, stations: 4, sessionsEach: 5, supervisors: 20 });
  const sizes = measureDocuments(projections, log, SESSION_AND_TRAINING);

  it.each(['worker-ledgers', 'worker-years', 'contract-stream-links', 'supervisor-workloads'])(
    'no session rewrites a %s document of more than 8 KB, however many sessions the month holds',
    (collection) => {
      expect(log.filter((e) => e.type === 'SupervisionSessionLogged')).toHaveLength(200);
      expect(sizes.find((s) => s.collection === collection)!.largestWritten).toBeLessThanOrEqual(BOUND);
    },
  );
});
