import { validationSection } from './validation';

describe('the validation benchmark', () => {
  it('times the three load bodies through both pipes, each body taken by both', async () => {
    const section = await validationSection({ runs: 2, bodies: 20 });
    expect(section.figures).toHaveLength(9);
    for (const figure of section.figures) {
      expect(figure.runs).toHaveLength(2);
      for (const value of figure.runs) expect(value).toBeGreaterThan(0);
    }
    expect(section.figures.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^score an assessment \(\d+ items\): the service's pipe/)]));
  });
});
