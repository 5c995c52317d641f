import { forTesting } from './lag';

const { lagFigures } = forTesting;

describe('projector lag figures', () => {
  const run = (behind: number[], drainSeconds: number) => ({
    load: { perSecond: 400, p50: 10, p99: 40, non2xx: 0, errors: 0, behind: { atStart: 0, max: 0 } },
    behind,
    drainSeconds,
  });

  it('gives the median, p99 and largest lag of each run and the time to drain', () => {
    const behind = Array.from({ length: 100 }, (_, i) => i); // 0..99
    const section = lagFigures([run(behind, 0.2), run([5, 5, 5], 0.1)], { runs: 2, connections: 50, requests: 10, assessments: 1, supervisors: 1, workers: 1, root: '.' });
    const figure = (name: string) => section.figures.find((f) => f.name.endsWith(name))!.runs;
    expect(figure('during the load: median')).toEqual([50, 5]);
    expect(figure('during the load: p99')).toEqual([99, 5]);
    expect(figure('during the load: max')).toEqual([99, 5]);
    expect(figure('after the last answer')).toEqual([0.2, 0.1]);
  });

  it('counts a run in which the projector never fell behind as no lag', () => {
    const section = lagFigures([run([], 0)], { runs: 1, connections: 50, requests: 10, assessments: 1, supervisors: 1, workers: 1, root: '.' });
    expect(section.figures.find((f) => f.name.endsWith('max'))!.runs).toEqual([0]);
  });
});
