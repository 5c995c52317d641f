import { deciderSpecification } from '../../../kernel/src/testing';
import { at, SMALL_RUBRIC, smallRubric } from '../testing/fixtures';
import { PublishRubric, RetireRubric, rubric, RubricPublished, RubricRetired } from './rubric';
import { GradeBand, RubricDimension } from './rubric-definition';

const spec = deciderSpecification(rubric);
const metadata = at('2026-01-05', '09:00:00', 'admin', 'org-centre');

type PublishData = PublishRubric['data'];
const publish = (data: Partial<PublishData> = {}, latestVersion: number | null = null): PublishRubric => ({
  type: 'PublishRubric',
  data: { ...SMALL_RUBRIC, ...data },
  metadata,
  facts: { latestVersion },
});
const published: RubricPublished = { type: 'RubricPublished', data: smallRubric() };
const retire = (reason = '已由第2版取代'): RetireRubric => ({ type: 'RetireRubric', data: { code: 'small', version: 1, reason }, metadata });
const retired: RubricRetired = { type: 'RubricRetired', data: { code: 'small', version: 1, reason: '已由第2版取代' } };

/** The small rubric with one item's maximum changed (and so its sum). */
const withItemMax = (itemCode: string, maxPoints: number): RubricDimension[] =>
  SMALL_RUBRIC.dimensions.map((d) => ({
    ...d,
    indicators: d.indicators.map((i) => ({ ...i, items: i.items.map((t) => (t.code === itemCode ? { ...t, maxPoints } : t)) })),
  }));

const bands = (excellent: number, good: number, pass: number, fail: number): GradeBand[] => [
  { grade: 'excellent', minScore: excellent },
  { grade: 'good', minScore: good },
  { grade: 'pass', minScore: pass },
  { grade: 'fail', minScore: fail },
];

describe('rubric', () => {
  describe('when published', () => {
    it('records the first version as published', () => {
      spec.given([]).when(publish()).then([published]);
    });

    it('fills in the 14-day response window when none is given', () => {
      const { responseWindowDays: _, ...withoutWindow } = SMALL_RUBRIC;
      spec.given([]).when({ ...publish(), data: withoutWindow }).then([published]);
    });

    it('keeps a response window the rubric states', () => {
      spec
        .given([])
        .when(publish({ responseWindowDays: 7 }))
        .then([{ type: 'RubricPublished', data: smallRubric({ responseWindowDays: 7 }) }]);
    });

    it('refuses a response window of 0 or a fraction of a day', () => {
      spec.given([]).when(publish({ responseWindowDays: 0 })).thenFails('INVALID_RESPONSE_WINDOW');
      spec.given([]).when(publish({ responseWindowDays: 1.5 })).thenFails('INVALID_RESPONSE_WINDOW');
    });

    it('refuses to publish the same version twice, since a published version never changes', () => {
      spec.given([published]).when(publish({}, 1)).thenFails('ALREADY_PUBLISHED');
    });

    describe('with versions', () => {
      it('accepts version 2 after version 1', () => {
        spec.given([]).when(publish({ version: 2 }, 1)).then([{ type: 'RubricPublished', data: smallRubric({ version: 2 }) }]);
      });

      it('refuses a first version other than 1', () => {
        spec.given([]).when(publish({ version: 2 }, null)).thenFails('VERSION_NOT_NEXT');
      });

      it('refuses skipping a version or going back to one', () => {
        spec.given([]).when(publish({ version: 3 }, 1)).thenFails('VERSION_NOT_NEXT');
        spec.given([]).when(publish({ version: 1 }, 1)).thenFails('VERSION_NOT_NEXT');
      });
    });

    describe('with codes', () => {
      it('refuses an item code that repeats a dimension code', () => {
        const dimensions = SMALL_RUBRIC.dimensions.map((d, i) =>
          i === 1 ? { ...d, indicators: [{ ...d.indicators[0], items: [{ ...d.indicators[0].items[0], code: 'A' }, d.indicators[0].items[1]] }] } : d,
        );
        spec.given([]).when(publish({ dimensions })).thenFails('DUPLICATE_CODE');
      });

      it('refuses two items with one code in different indicators', () => {
        const dimensions = SMALL_RUBRIC.dimensions.map((d, i) =>
          i === 1 ? { ...d, indicators: [{ ...d.indicators[0], items: [{ ...d.indicators[0].items[0], code: 'A.1.a' }, d.indicators[0].items[1]] }] } : d,
        );
        spec.given([]).when(publish({ dimensions })).thenFails('DUPLICATE_CODE');
      });

      it('refuses a rubric code that could not name a stream plainly', () => {
        spec.given([]).when(publish({ code: 'Small Rubric' })).thenFails('INVALID_CODE');
      });

      it('refuses an item code with spaces', () => {
        const dimensions = SMALL_RUBRIC.dimensions.map((d, i) =>
          i === 1 ? { ...d, indicators: [{ ...d.indicators[0], items: [{ ...d.indicators[0].items[0], code: 'B 1 a' }, d.indicators[0].items[1]] }] } : d,
        );
        spec.given([]).when(publish({ dimensions })).thenFails('INVALID_CODE');
      });
    });

    describe('with points', () => {
      it('refuses an item worth 0 points, even when the rest still add up', () => {
        const dimensions: RubricDimension[] = [
          ...SMALL_RUBRIC.dimensions,
          { code: 'C', name: '丙', indicators: [{ code: 'C.1', name: '丙一', items: [{ code: 'C.1.a', name: '丙一a', maxPoints: 0, guidance: '—' }] }] },
        ];
        spec.given([]).when(publish({ dimensions })).thenFails('INVALID_MAX_POINTS');
      });

      it('refuses maximum points finer than the hundredth', () => {
        spec.given([]).when(publish({ dimensions: withItemMax('A.2.a', 10.005) })).thenFails('INVALID_MAX_POINTS');
      });

      it('refuses items that add up to less or more than the scale', () => {
        spec.given([]).when(publish({ dimensions: withItemMax('A.2.a', 9.99) })).thenFails('ITEMS_DO_NOT_ADD_UP');
        spec.given([]).when(publish({ dimensions: withItemMax('A.2.a', 10.01) })).thenFails('ITEMS_DO_NOT_ADD_UP');
      });

      it('adds up in hundredths, so 0.1 + 0.2 + 9.7 make exactly 10', () => {
        const dimensions = SMALL_RUBRIC.dimensions.map((d) => ({
          ...d,
          indicators: d.indicators.map((i) =>
            i.code !== 'A.2'
              ? i
              : {
                  ...i,
                  items: [0.1, 0.2, 9.7].map((maxPoints, n) => ({ code: `A.2.${n}`, name: '细项', maxPoints, guidance: '—' })),
                },
          ),
        }));
        spec.given([]).when(publish({ dimensions })).thenProduces((events) => expect(events).toHaveLength(1));
      });

      it('refuses a scale other than 100 or 1000 points', () => {
        spec.given([]).when(publish({ scale: 150 as 100 })).thenFails('INVALID_SCALE');
      });

      it('refuses a dimension without indicators and an indicator without items', () => {
        const noIndicators = [...SMALL_RUBRIC.dimensions, { code: 'C', name: '丙', indicators: [] }];
        spec.given([]).when(publish({ dimensions: noIndicators })).thenFails('EMPTY_GROUP');
        const noItems = [...SMALL_RUBRIC.dimensions, { code: 'C', name: '丙', indicators: [{ code: 'C.1', name: '丙一', items: [] }] }];
        spec.given([]).when(publish({ dimensions: noItems })).thenFails('EMPTY_GROUP');
        spec.given([]).when(publish({ dimensions: [] })).thenFails('EMPTY_GROUP');
      });
    });

    describe('with grade bands', () => {
      it('accepts bands that descend one per grade down to 0', () => {
        spec.given([]).when(publish({ gradeBands: bands(85, 70, 50, 0) })).thenProduces((events) => expect(events).toHaveLength(1));
      });

      it('refuses bands whose last does not start at 0', () => {
        spec.given([]).when(publish({ gradeBands: bands(90, 80, 60, 10) })).thenFails('INVALID_GRADE_BANDS');
      });

      it('refuses bands that do not descend, including two that start at the same score', () => {
        spec.given([]).when(publish({ gradeBands: bands(80, 90, 60, 0) })).thenFails('INVALID_GRADE_BANDS');
        spec.given([]).when(publish({ gradeBands: bands(90, 90, 60, 0) })).thenFails('INVALID_GRADE_BANDS');
      });

      it('refuses a missing grade, a repeated grade and grades out of order', () => {
        spec.given([]).when(publish({ gradeBands: bands(90, 80, 60, 0).slice(1) })).thenFails('INVALID_GRADE_BANDS');
        const repeated: GradeBand[] = [{ grade: 'excellent', minScore: 95 }, ...bands(90, 80, 60, 0).slice(0, 3)];
        spec.given([]).when(publish({ gradeBands: repeated })).thenFails('INVALID_GRADE_BANDS');
        const swapped: GradeBand[] = [
          { grade: 'good', minScore: 90 },
          { grade: 'excellent', minScore: 80 },
          { grade: 'pass', minScore: 60 },
          { grade: 'fail', minScore: 0 },
        ];
        spec.given([]).when(publish({ gradeBands: swapped })).thenFails('INVALID_GRADE_BANDS');
      });

      it('refuses a band finer than the hundredth', () => {
        spec.given([]).when(publish({ gradeBands: bands(89.995, 80, 60, 0) })).thenFails('INVALID_GRADE_BANDS');
      });

      it('refuses a band above the scale', () => {
        spec.given([]).when(publish({ gradeBands: bands(900, 800, 600, 0) })).thenFails('INVALID_GRADE_BANDS');
      });

      it('accepts the top band at the scale itself', () => {
        spec.given([]).when(publish({ gradeBands: bands(100, 80, 60, 0) })).thenProduces((events) => expect(events).toHaveLength(1));
      });
    });
  });

  describe('when retired', () => {
    it('records the retirement with its reason', () => {
      spec.given([published]).when(retire()).then([retired]);
    });

    it('refuses to retire twice', () => {
      spec.given([published, retired]).when(retire()).thenFails('ALREADY_RETIRED');
    });

    it('refuses to retire a version that is not published', () => {
      spec.given([]).when(retire()).thenFails('RUBRIC_NOT_FOUND');
    });

    it('refuses a retirement without a reason', () => {
      spec.given([published]).when(retire('  ')).thenFails('TEXT_REQUIRED');
      spec.given([published]).when(retire('\u200b\u200b')).thenFails('TEXT_REQUIRED');
    });
  });
});
