import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArrayMaxSize,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidatorOptions,
  getMetadataStorage,
  validate,
  validateSync,
} from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { rememberValidationRules } from './validation-rules';
import { ValidityCheck } from './validity-check';
import { bodyValidation } from './body-pipeline';

// Where class-transformer keeps each property's @Type (its typings describe the module; the code is the CommonJS build).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** The options bodyValidation's pipe hands class-validator. */
const PIPE_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, whitelist: true, forbidNonWhitelisted: true, validationError: { target: false } };

rememberValidationRules();
const check = new ValidityCheck();
const verdicts = async (type: new () => object, plain: unknown, options: ValidatorOptions = PIPE_OPTIONS) => {
  const instance = plainToInstance(type, plain) as object;
  return { check: check.isValid(instance, options), classValidator: (await validate(instance, options)).length === 0 };
};

class Item {
  @IsInt()
  @Min(1)
  score!: number;
}

class Sample {
  @IsString()
  name!: string;

  @IsOptional()
  @IsInt()
  count?: number;

  @ValidateIf((o: Sample) => o.name === 'with note')
  @IsString()
  note?: string;

  @IsString({ each: true })
  @ArrayMaxSize(3)
  tags!: string[];

  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];

  @IsDefined()
  @ValidateNested()
  @Type(() => Item)
  main!: Item;
}

function IsEventually() {
  return (target: object, propertyName: string) =>
    registerDecorator({ name: 'isEventually', target: target.constructor, propertyName, validator: { validate: async (value: unknown) => value === 'yes' } });
}

class Later {
  @IsEventually()
  answer!: string;
}

class Bare {
  unchecked?: string;
}

const good = { name: 'n', tags: ['a'], items: [{ score: 1 }], main: { score: 2 } };

describe('ValidityCheck on rules of its own', () => {
  it.each([
    ['a valid body', good, true],
    ['an optional field absent', good, true],
    ['an optional field present and wrong', { ...good, count: 'x' }, false],
    ['an optional field null (IsOptional lets it through)', { ...good, count: null }, true],
    ['a field not declared', { ...good, extra: 1 }, false],
    ['a condition that holds, its field wrong', { ...good, name: 'with note', note: 3 }, false],
    ['a condition that does not hold, its field wrong', { ...good, note: 3 }, true],
    ['each item of a list checked', { ...good, tags: ['a', 2] }, false],
    ['a list too long', { ...good, tags: ['a', 'b', 'c', 'd'] }, false],
    ['a nested item wrong', { ...good, items: [{ score: 1 }, { score: 0 }] }, false],
    ['a nested item with a field not declared', { ...good, items: [{ score: 1, x: 1 }] }, false],
    ['a nested item that is not an object', { ...good, items: [1] }, false],
    ['a nested object missing', { ...good, main: undefined }, false],
    ['a nested object null', { ...good, main: null }, false],
    ['a nested list absent (nothing to validate)', { name: 'n', tags: [], main: { score: 1 } }, true],
    ['a list with a hole', { ...good, tags: ['a', , 'b'] }, true],
  ])('%s: as class-validator finds it', async (_case, plain, valid) => {
    const found = await verdicts(Sample, plain);
    expect(found).toEqual({ check: valid, classValidator: valid });
  });

  it('leaves a rule answered by a promise to class-validator', async () => {
    expect(await verdicts(Later, { answer: 'yes' })).toEqual({ check: false, classValidator: true });
  });

  it('leaves options it does not decide the same way to class-validator', async () => {
    expect(await verdicts(Sample, good, { ...PIPE_OPTIONS, skipMissingProperties: true })).toEqual({ check: false, classValidator: true });
    expect(await verdicts(Sample, good, { whitelist: true })).toEqual({ check: false, classValidator: true });
  });

  it('refuses a class without rules only when unknown values are forbidden, as class-validator does', async () => {
    expect(await verdicts(Bare, {}, { ...PIPE_OPTIONS, forbidUnknownValues: true })).toEqual({ check: false, classValidator: false });
    expect(await verdicts(Bare, {})).toEqual({ check: true, classValidator: true });
    expect(await verdicts(Bare, { unchecked: 'x' })).toEqual({ check: false, classValidator: false });
  });

  it('sees a rule added after its first look', async () => {
    class Grown {
      @IsString()
      a!: string;
      b?: string;
    }
    expect(await verdicts(Grown, { a: 'x', b: 'y' })).toEqual({ check: false, classValidator: false });
    IsString()(Grown.prototype, 'b');
    expect(await verdicts(Grown, { a: 'x', b: 'y' })).toEqual({ check: true, classValidator: true });
  });

  it('is the pipe every body goes through: a bad body gets class-validator’s problems', async () => {
    const pipe = bodyValidation();
    await expect(pipe.transform(good, { type: 'body', metatype: Sample })).resolves.toBeInstanceOf(Sample);
    await expect(pipe.transform({ ...good, items: [{ score: 0 }] }, { type: 'body', metatype: Sample })).rejects.toMatchObject({
      response: expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [{ field: 'items.0.score', problems: ['score must not be less than 1'] }] }),
    });
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_VALUES: unknown[] = [
  undefined, null, '', ' ', 'x', '站点名称', '\u0000', 'a'.repeat(201), 'a'.repeat(2001),
  '2026-01-05', '2026-02-30', '2026-12-31T18:00:00+08:00', '08:00', '25:00',
  '2026-03', '2026-13', '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b', 'not-a-uuid',
  ['0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b'], ['0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b', '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2c'],
  ['0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b', '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b'], '370102', '370102001', '914403001922038217',
  0, 1, 2, 3, 5, 45, 60, -1, 1.5, 0.125, 100, 101, 1e6, 1e13, Number.NaN,
  true, false, [], ['x'], [1], {}, { x: 1 },
];

type Type = new () => object;

function rulesOf(type: Type) {
  return getMetadataStorage().getTargetValidationMetadatas(type, undefined as unknown as string, false, false, undefined);
}

/** Values worth trying for a property: the base ones, and those its rules name (allowed values, bounds). */
function candidates(type: Type, property: string, depth: number, next: () => number): unknown[] {
  const values = [...BASE_VALUES];
  for (const rule of rulesOf(type).filter((r) => r.propertyName === property)) {
    for (const constraint of rule.constraints ?? []) {
      if (Array.isArray(constraint)) values.push(...constraint, constraint.slice(0, 1), constraint.slice(0, 2));
      if (typeof constraint === 'number') values.push(constraint, constraint - 1, constraint + 1, 'a'.repeat(Math.min(Math.max(constraint, 0), 5000)));
    }
  }
  const nested = defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction() as Type | undefined;
  if (nested !== undefined && depth < 3 && rulesOf(nested).length > 0) {
    const one = () => example(nested, depth + 1, next);
    values.push(one(), [one()], [one(), one()], [one(), { ...(one() as object), unknown: true }], [one(), 7]);
  }
  return values;
}

/** A plain body for `type`, its values changed until class-validator finds no problem (or a few rounds pass). */
function example(type: Type, depth: number, next: () => number): unknown {
  const properties = Object.keys(getMetadataStorage().groupByPropertyName(rulesOf(type)));
  const pools = new Map(properties.map((p) => [p, candidates(type, p, depth, next)]));
  const pick = (pool: unknown[]) => pool[Math.floor(next() * pool.length)];
  const plain: Record<string, unknown> = Object.fromEntries(properties.map((p) => [p, pick(pools.get(p)!)]));
  for (let round = 0; round < 6; round++) {
    const bad = new Set(validateSync(plainToInstance(type, plain) as object, PIPE_OPTIONS).map((e) => e.property));
    if (bad.size === 0) break;
    for (const property of bad) {
      const pool = pools.get(property) ?? [];
      for (const value of [...pool].sort(() => next() - 0.5)) {
        plain[property] = value;
        const still = validateSync(plainToInstance(type, plain) as object, PIPE_OPTIONS).some((e) => e.property === property);
        if (!still) break;
      }
    }
  }
  for (const [property, value] of Object.entries(plain)) if (value === undefined) delete plain[property];
  return plain;
}

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? dtoFiles(path) : name.endsWith('.dto.ts') ? [path] : [];
  });
}

describe('ValidityCheck on every DTO of the service, against class-validator', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const types = dtoFiles(join(__dirname, '..')).flatMap((file) => Object.values(require(file) as Record<string, unknown>))
    .filter((value): value is Type => typeof value === 'function' && rulesOf(value as Type).length > 0);

  it('finds the DTOs', () => {
    expect(types.length).toBeGreaterThan(40);
  });

  it('agrees with class-validator on valid bodies and on each one changed in one place', async () => {
    const next = random(20261207);
    const disagreements: string[] = [];
    let valid = 0;
    let invalid = 0;
    const typesWithValid = new Set<string>();
    for (const type of types) {
      for (let n = 0; n < 4; n++) {
        const base = example(type, 0, next) as Record<string, unknown>;
        const properties = Object.keys(getMetadataStorage().groupByPropertyName(rulesOf(type)));
        const variants: unknown[] = [base, { ...base, notDeclared: 1 }];
        for (const property of properties) {
          const pool = candidates(type, property, 2, next);
          variants.push({ ...base, [property]: pool[Math.floor(next() * pool.length)] });
          const { [property]: _dropped, ...without } = base;
          variants.push(without);
        }
        for (const plain of variants) {
          const found = await verdicts(type, plain);
          if (found.check && !found.classValidator) disagreements.push(`${type.name} passed where class-validator refuses: ${JSON.stringify(plain)}`);
          if (!found.check && found.classValidator) disagreements.push(`${type.name} refused where class-validator passes: ${JSON.stringify(plain)}`);
          if (found.classValidator) {
            valid += 1;
            typesWithValid.add(type.name);
          } else invalid += 1;
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Not vacuous: both verdicts were met often, and most DTOs had valid bodies.
    expect(valid).toBeGreaterThan(400);
    expect(invalid).toBeGreaterThan(1_000);
    expect(typesWithValid.size / types.length).toBeGreaterThan(0.9);
  });
});
