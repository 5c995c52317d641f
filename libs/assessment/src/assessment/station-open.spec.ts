import { deciderSpecification } from '../../../kernel/src/testing';
import { REF, start, started } from '../testing/assessment-fixtures';
import { assessment } from './assessment';

const spec = deciderSpecification(assessment);

describe('assessment of a station that closed', () => {
  const period = (kind: 'monthly' | 'midterm' | 'annual', from: string, to: string) => ({ period: { kind, from, to } });
  const closedOn = (date: string) => ({ stationClosedOn: date });

  it('refuses a period that begins on or after the day the station closed', () => {
    spec.given([]).when(start(period('monthly', '2026-07-01', '2026-07-31'), closedOn('2026-07-01'))).thenFails('STATION_CLOSED');
    spec.given([]).when(start(period('monthly', '2026-08-01', '2026-08-31'), closedOn('2026-07-01'))).thenFails('STATION_CLOSED');
  });

  it('starts one for a period that began while the station was open, the year included', () => {
    spec
      .given([])
      .when(start(period('midterm', '2026-01-01', '2026-06-30'), closedOn('2026-07-01')))
      .thenProduces(([event]) => expect(event).toMatchObject({ type: 'AssessmentStarted', data: { period: { from: '2026-01-01' } } }));
    spec.given([]).when(start({}, closedOn('2026-07-01'))).then([started]);
  });

  it('starts as before for an open station', () => {
    spec.given([]).when(start({ ...REF }, { stationClosedOn: null })).then([started]);
  });
});
