import { FUJIAN_STATION_MODULES_RUBRIC } from '../rubrics/fujian-station-modules.rubric';
import { fullMarks, smallRubric } from '../testing/fixtures';
import { gradeFor, scoreAssessment } from './score-assessment';

const small = smallRubric();
const fujian = { ...FUJIAN_STATION_MODULES_RUBRIC, responseWindowDays: 14 };

describe('scoring an assessment', () => {
  describe('when every item is scored', () => {
    // A.1.a 27.5 + A.1.b 18.25 = 45.75 (of 50); A.2.a 7 (of 10); A = 52.75 (of 60)
    // B.1.a 20 + B.1.b 12.5 = 32.5 (of 40); total 85.25
    const points = { 'A.1.a': 27.5, 'A.1.b': 18.25, 'A.2.a': 7, 'B.1.a': 20, 'B.1.b': 12.5 };
    const score = scoreAssessment(small, points);

    it('adds item points up per indicator and dimension, with their maxima', () => {
      expect(score.dimensions).toEqual([
        {
          code: 'A',
          name: '甲',
          points: 52.75,
          maxPoints: 60,
          percent: 87.92, // 52.75 / 60 = 87.91666… rounds up
          indicators: [
            { code: 'A.1', name: '甲一', points: 45.75, maxPoints: 50 },
            { code: 'A.2', name: '甲二', points: 7, maxPoints: 10 },
          ],
        },
        { code: 'B', name: '乙', points: 32.5, maxPoints: 40, percent: 81.25, indicators: [{ code: 'B.1', name: '乙一', points: 32.5, maxPoints: 40 }] },
      ]);
    });

    it('reports a 100-point total as it is, graded by the bands', () => {
      expect(score).toMatchObject({ scale: 100, rawTotal: 85.25, total: 85.25, grade: 'good', unscored: [] });
    });

    it('adds in hundredths, so 0.1 + 0.2 points make 0.3', () => {
      const tiny = scoreAssessment(small, { 'A.1.a': 0.1, 'A.1.b': 0.2, 'A.2.a': 0, 'B.1.a': 0, 'B.1.b': 0 });
      expect(tiny.total).toBe(0.3);
    });
  });

  describe('when some items are not scored', () => {
    it('lists them in rubric order and counts them as 0', () => {
      const score = scoreAssessment(small, { 'A.1.b': 20, 'B.1.a': 25 });
      expect(score.unscored).toEqual(['A.1.a', 'A.2.a', 'B.1.b']);
      expect(score.total).toBe(45);
    });
  });

  describe('when the rubric has 1000 points', () => {
    it('normalizes the total to 100, rounding half up to the hundredth', () => {
      // 1000 - 60 - 40 - 26.55 = 873.45 → 87.345 → 87.35
      const base = { 'RESULT.OUTPUT.TARGETS': 0, 'SERVICE.ASSISTANCE.VISITS': 0 };
      expect(scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 13.45 })).total).toBe(87.35);
      expect(scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 13.44 })).total).toBe(87.34);
      expect(scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 13.46 })).total).toBe(87.35);
      expect(scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 13.45 })).rawTotal).toBe(873.45);
    });

    it('grades the reported total: 899.95 reports as 90.00 and is excellent, 899.94 reports as 89.99 and is good', () => {
      const base = { 'RESULT.OUTPUT.TARGETS': 0, 'SERVICE.ASSISTANCE.VISITS': 0 };
      const top = scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 39.95 }));
      expect(top).toMatchObject({ rawTotal: 899.95, total: 90, grade: 'excellent' });
      const below = scoreAssessment(fujian, fullMarks(fujian, { ...base, 'BASE.SITE.AREA': 39.94 }));
      expect(below).toMatchObject({ rawTotal: 899.94, total: 89.99, grade: 'good' });
    });

    it('gives each dimension its share of its own maximum', () => {
      const score = scoreAssessment(fujian, fullMarks(fujian, { 'BASE.SITE.AREA': 0 }));
      expect(score.dimensions[0]).toMatchObject({ code: 'BASE', points: 110, maxPoints: 150, percent: 73.33 });
    });
  });

  describe('when graded', () => {
    const bands = small.gradeBands;

    it.each([
      [10000, 'excellent'],
      [9000, 'excellent'],
      [8999, 'good'],
      [8000, 'good'],
      [7999, 'pass'],
      [6000, 'pass'],
      [5999, 'fail'],
      [0, 'fail'],
    ])('grades a total of %i hundredths as %s', (total, grade) => {
      expect(gradeFor(bands, 100, total)).toBe(grade);
    });

    it('reads 1000-point bands against the total normalized to 100', () => {
      expect(gradeFor(fujian.gradeBands, 1000, 8000)).toBe('good');
      expect(gradeFor(fujian.gradeBands, 1000, 7999)).toBe('pass');
    });

    it('reads bands whatever order they come in', () => {
      expect(gradeFor([...bands].reverse(), 100, 8500)).toBe('good');
    });
  });
});
