import { mustBeName, refuse } from '@sws/kernel';
import { fromHundredths, hasAtMostTwoDecimals, toHundredths } from '../shared/points';
import { GRADES, RUBRIC_SCALES, RubricDefinition } from './rubric-definition';

/** A rubric's code names its streams (`Rubric-<code>.v<version>`), so it stays plain. */
const RUBRIC_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ELEMENT_CODE = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;

function checkCodes(definition: RubricDefinition): void {
  if (!RUBRIC_CODE.test(definition.code)) {
    refuse('INVALID_CODE', `rubric code "${definition.code}" must be lower-case letters and digits joined by hyphens`, {
      field: 'code',
      code: definition.code,
    });
  }
  const seen = new Set<string>();
  const check = (code: string, field: string) => {
    if (!ELEMENT_CODE.test(code)) {
      refuse('INVALID_CODE', `${field} "${code}" must be letters and digits, joined by dots, hyphens or underscores`, { field, code });
    }
    if (seen.has(code)) refuse('DUPLICATE_CODE', `code ${code} is used twice in the rubric`, { field, code });
    seen.add(code);
  };
  definition.dimensions.forEach((dimension, d) => {
    check(dimension.code, `dimensions[${d}].code`);
    dimension.indicators.forEach((indicator, i) => {
      check(indicator.code, `dimensions[${d}].indicators[${i}].code`);
      indicator.items.forEach((item, t) => check(item.code, `dimensions[${d}].indicators[${i}].items[${t}].code`));
    });
  });
}

/** The rubric's name and every dimension's, indicator's and item's: what an assessment shows to people. */
function checkNames(definition: RubricDefinition): void {
  mustBeName('name', definition.name);
  definition.dimensions.forEach((dimension, d) => {
    mustBeName(`dimensions[${d}].name`, dimension.name);
    dimension.indicators.forEach((indicator, i) => {
      mustBeName(`dimensions[${d}].indicators[${i}].name`, indicator.name);
      indicator.items.forEach((item, t) => mustBeName(`dimensions[${d}].indicators[${i}].items[${t}].name`, item.name));
    });
  });
}

function checkStructure(definition: RubricDefinition): void {
  if (definition.dimensions.length === 0) refuse('EMPTY_GROUP', 'a rubric needs at least one dimension', { field: 'dimensions' });
  definition.dimensions.forEach((dimension, d) => {
    if (dimension.indicators.length === 0) {
      refuse('EMPTY_GROUP', `dimension ${dimension.code} has no indicator`, { field: `dimensions[${d}].indicators`, code: dimension.code });
    }
    dimension.indicators.forEach((indicator, i) => {
      if (indicator.items.length === 0) {
        refuse('EMPTY_GROUP', `indicator ${indicator.code} has no item`, {
          field: `dimensions[${d}].indicators[${i}].items`,
          code: indicator.code,
        });
      }
    });
  });
}

function checkPoints(definition: RubricDefinition): void {
  let sum = 0;
  definition.dimensions.forEach((dimension, d) =>
    dimension.indicators.forEach((indicator, i) =>
      indicator.items.forEach((item, t) => {
        if (!(item.maxPoints > 0) || !hasAtMostTwoDecimals(item.maxPoints)) {
          refuse('INVALID_MAX_POINTS', `item ${item.code} has maxPoints ${item.maxPoints}: it must be above 0, to the hundredth at most`, {
            field: `dimensions[${d}].indicators[${i}].items[${t}].maxPoints`,
            code: item.code,
            maxPoints: item.maxPoints,
          });
        }
        sum += toHundredths(item.maxPoints);
      }),
    ),
  );
  if (sum !== definition.scale * 100) {
    refuse('ITEMS_DO_NOT_ADD_UP', `the items add up to ${fromHundredths(sum)} points, not the scale of ${definition.scale}`, {
      sum: fromHundredths(sum),
      scale: definition.scale,
    });
  }
}

/** One band per grade, from excellent down to fail, each lower than the one before, the last at 0. */
function checkBands(definition: RubricDefinition): void {
  const bands = definition.gradeBands;
  const problem = (why: string) => refuse('INVALID_GRADE_BANDS', `grade bands ${why}`, { field: 'gradeBands', gradeBands: bands });
  if (bands.length !== GRADES.length || bands.some((band, i) => band.grade !== GRADES[i])) {
    problem(`must name ${GRADES.join(', ')}, once each and in that order`);
  }
  bands.forEach((band, i) => {
    if (!hasAtMostTwoDecimals(band.minScore) || band.minScore < 0 || band.minScore > definition.scale) {
      problem(`must start between 0 and ${definition.scale}, to the hundredth at most: ${band.grade} starts at ${band.minScore}`);
    }
    if (i > 0 && toHundredths(band.minScore) >= toHundredths(bands[i - 1].minScore)) {
      problem(`must descend: ${band.grade} starts at ${band.minScore}, not below ${bands[i - 1].grade} at ${bands[i - 1].minScore}`);
    }
  });
  if (bands[bands.length - 1].minScore !== 0) problem(`must end with fail starting at 0, not ${bands[bands.length - 1].minScore}`);
}

/** The publishing checks of issue 5; each broken one refuses with its own code. */
export function checkRubricDefinition(definition: RubricDefinition): void {
  if (!(RUBRIC_SCALES as readonly number[]).includes(definition.scale)) {
    refuse('INVALID_SCALE', `the scale is ${definition.scale}; it must be ${RUBRIC_SCALES.join(' or ')} points`, { field: 'scale' });
  }
  if (!Number.isInteger(definition.responseWindowDays) || definition.responseWindowDays < 1) {
    refuse('INVALID_RESPONSE_WINDOW', `the response window is ${definition.responseWindowDays} days; it must be a whole number of days, at least 1`, {
      field: 'responseWindowDays',
    });
  }
  checkStructure(definition);
  checkNames(definition);
  checkCodes(definition);
  checkPoints(definition);
  checkBands(definition);
}
