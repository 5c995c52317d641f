import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

const INSTALLED = Symbol('rules remembered');

type Storage = ReturnType<typeof getMetadataStorage> & { [INSTALLED]?: true };

const generations = new WeakMap<object, number>();

/**
 * How many times the rules remembered have been forgotten (a rule was added), so that what is
 * worked out from them can be kept as long as this stays the same; null when they are not remembered.
 */
export function validationRulesGeneration(storage: object = getMetadataStorage()): number | null {
  return generations.get(storage) ?? null;
}

/**
 * class-validator works out a class's rules again for every object it validates, and to find
 * the rules a class inherits it tests the class against every decorated class of the service
 * (some hundreds): for a body with a list of nested items that is most of what validation costs.
 * The rules only change when a class is decorated, at start-up, so this keeps what it worked out
 * per class and forgets all of it whenever a rule is added.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  if (storage[INSTALLED]) return;
  storage[INSTALLED] = true;
  generations.set(storage, 0);
  const worked = new Map<unknown, Map<string, ValidationMetadata[]>>();
  const grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const rulesOf = storage.getTargetValidationMetadatas.bind(storage);
  const groupOf = storage.groupByPropertyName.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // Validation groups are not used here; a call with some is worked out afresh.
    if (groups !== undefined && groups.length > 0) return rulesOf(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let forTarget = worked.get(target);
    if (forTarget === undefined) worked.set(target, (forTarget = new Map()));
    let rules = forTarget.get(key);
    if (rules === undefined) forTarget.set(key, (rules = rulesOf(target, schema, always, strictGroups, groups)));
    return rules;
  };
  // The executor groups the rules by property on each call too, and only reads the groups.
  storage.groupByPropertyName = (rules) => {
    let groups = grouped.get(rules);
    if (groups === undefined) grouped.set(rules, (groups = groupOf(rules)));
    return groups;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[method] as (argument: never) => void).bind(storage);
    (storage as unknown as Record<string, (argument: never) => void>)[method] = (argument) => {
      worked.clear();
      add(argument);
      generations.set(storage, (generations.get(storage) ?? 0) + 1);
    };
  }
}
