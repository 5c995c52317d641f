import { getMetadataStorage, ValidationTypes, ValidatorOptions } from 'class-validator';
import type { ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';

import { rememberValidationRules, validationRulesGeneration } from './validation-rules';

type Storage = ReturnType<typeof getMetadataStorage>;

/** A rule with the constraints that decide it, found once per class. */
interface Rule {
  readonly metadata: ValidationMetadata;
  readonly constraints: readonly ConstraintMetadata[];
}

/** A nested rule with the schema name class-validator looks the nested object's rules up under. */
interface NestedRule {
  readonly metadata: ValidationMetadata;
  readonly schema: string;
}

interface PropertyPlan {
  readonly name: string;
  readonly conditions: ReadonlyArray<(object: object, value: unknown) => boolean>;
  /** `@IsDefined()` rules: checked even where the others are skipped. */
  readonly defined: readonly Rule[];
  readonly custom: readonly Rule[];
  readonly nested: readonly NestedRule[];
  /** Whether a promised value would be awaited (not decided here). */
  readonly awaits: boolean;
}

interface ClassPlan {
  /** The class's name, as the rules' arguments give it (`targetName`). */
  readonly targetName: string;
  readonly ruleCount: number;
  /** class-validator's own grouping: a property is allowed when it names a non-empty list here. */
  readonly grouped: Record<string, ValidationMetadata[]>;
  readonly properties: readonly PropertyPlan[];
}

/** The options a request body is validated with (bodyValidation); the only ones decided here. */
const DECIDED_OPTIONS = new Set(['whitelist', 'forbidNonWhitelisted', 'forbidUnknownValues', 'validationError']);

/**
 * Whether class-validator would find nothing wrong with an object, decided without building its
 * errors. class-validator makes an error object for every property it looks at, whatever the
 * outcome, filters each property's rules four times and settles a promise per validation; a valid
 * body (nearly every request) needs none of that. This walks the same rules, in the same way
 * (whitelist, conditions, `each`, nested objects and arrays, the constraints' own `validate`), and
 * answers `true` only when none fails. Anything it does not decide the same way for certain (a
 * failing rule, a rule answered by a promise, other options) answers `false`, and the caller asks
 * class-validator, whose errors are then the ones reported.
 *
 * A plan per class (and schema) is kept while no rule is added (rememberValidationRules, which
 * it installs, counts the additions).
 */
export class ValidityCheck {
  private readonly plans = new Map<unknown, Map<string | undefined, ClassPlan>>();
  private generation: number | null = null;

  constructor(private readonly storage: Storage = getMetadataStorage()) {
    rememberValidationRules(storage);
  }

  isValid(object: object, options: ValidatorOptions | undefined): boolean {
    if (options === undefined || options.whitelist !== true || options.forbidNonWhitelisted !== true) return false;
    for (const key of Object.keys(options)) if (!DECIDED_OPTIONS.has(key)) return false;
    return this.execute(object, undefined, options.forbidUnknownValues !== false);
  }

  private execute(object: object, schema: string | undefined, forbidUnknownValues: boolean): boolean {
    const plan = this.planOf(object, schema);
    if (forbidUnknownValues && plan.ruleCount === 0) return false;
    for (const key of Object.keys(object)) {
      const rules = plan.grouped[key];
      if (!rules || rules.length === 0) return false;
    }
    for (const property of plan.properties) {
      const value = (object as Record<string, unknown>)[property.name];
      if (value instanceof Promise && property.awaits) return false;
      if (!this.property(plan.targetName, object, value, property.conditions, property.defined, property.custom, property.nested, forbidUnknownValues)) return false;
    }
    return true;
  }

  private property(
    targetName: string,
    object: object,
    value: unknown,
    conditions: PropertyPlan['conditions'],
    defined: readonly Rule[],
    custom: readonly Rule[],
    nested: readonly NestedRule[],
    forbidUnknownValues: boolean,
  ): boolean {
    // Every condition is asked, as class-validator does, before deciding whether to validate.
    let validate = true;
    for (const condition of conditions) validate = condition(object, value) && validate;
    if (!validate) return true;
    return this.rules(targetName, object, value, defined) && this.rules(targetName, object, value, custom) && this.nested(value, nested, forbidUnknownValues);
  }

  private rules(targetName: string, object: object, value: unknown, rules: readonly Rule[]): boolean {
    for (const { metadata, constraints } of rules) {
      if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
      for (const constraint of constraints) {
        const args: ValidationArguments = { targetName, property: metadata.propertyName, object, value, constraints: metadata.constraints };
        const validator = constraint.instance;
        if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
          if (!decided(validator.validate(value, args))) return false;
          continue;
        }
        // As class-validator maps them: an array's holes are skipped.
        const items: unknown[] = value instanceof Map ? Array.from(value.values()) : Array.isArray(value) ? value : Array.from(value);
        if (!items.every((item) => decided(validator.validate(item, args)))) return false;
      }
    }
    return true;
  }

  private nested(value: unknown, rules: readonly NestedRule[], forbidUnknownValues: boolean): boolean {
    if (value === undefined) return true;
    for (const { schema } of rules) {
      if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
        // Each item as class-validator's forEach meets it (an array's holes skipped, a Map's values).
        let valid = true;
        (value instanceof Set ? Array.from(value) : (value as { forEach(each: (item: unknown) => void): void })).forEach((item) => {
          valid &&= this.property('', value, item, [], [], [], rules, forbidUnknownValues);
        });
        if (!valid) return false;
      } else if (value instanceof Object) {
        if (!this.execute(value, schema, forbidUnknownValues)) return false;
      } else return false;
    }
    return true;
  }

  private planOf(object: object, schema: string | undefined): ClassPlan {
    const generation = validationRulesGeneration(this.storage);
    if (generation !== this.generation) {
      this.plans.clear();
      this.generation = generation;
    }
    const target = object.constructor;
    let forClass = this.plans.get(target);
    if (forClass === undefined) this.plans.set(target, (forClass = new Map()));
    let plan = forClass.get(schema);
    if (plan === undefined) {
      const rules = this.storage.getTargetValidationMetadatas(target, schema as string, false, false, undefined);
      forClass.set(schema, (plan = this.plan(target, rules)));
    }
    return plan;
  }

  private plan(target: Function | undefined, rules: ValidationMetadata[]): ClassPlan {
    const grouped = this.storage.groupByPropertyName(rules);
    const rule = (metadata: ValidationMetadata): Rule => ({ metadata, constraints: this.storage.getTargetValidatorConstraints(metadata.constraintCls) });
    const properties = Object.keys(grouped).map((name): PropertyPlan => {
      const all = grouped[name]!;
      const others = all.filter((m) => m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST);
      return {
        name,
        conditions: others.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as PropertyPlan['conditions'][number]),
        defined: all.filter((m) => m.type === ValidationTypes.IS_DEFINED).map(rule),
        custom: others.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION).map(rule),
        nested: others
          .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
          .map((metadata) => ({ metadata, schema: typeof metadata.target === 'string' ? metadata.target : metadata.target.name })),
        awaits: others.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION),
      };
    });
    return { targetName: target ? target.name : (undefined as unknown as string), ruleCount: rules.length, grouped, properties };
  }
}

/** A validator's answer as a certain pass: a promise (an asynchronous rule) is left to class-validator. */
function decided(answer: unknown): boolean {
  return Boolean(answer) && !isThenable(answer);
}

function isThenable(answer: unknown): boolean {
  return answer !== null && typeof answer === 'object' && typeof (answer as { then?: unknown }).then === 'function';
}
