import { Command, Decider, DomainEvent, mustHaveText, refuse } from '@sws/kernel';
import { checkRubricDefinition } from './rubric-checks';
import { DEFAULT_RESPONSE_WINDOW_DAYS, RubricDefinition } from './rubric-definition';

export type RubricPublished = DomainEvent<'RubricPublished', RubricDefinition>;
export type RubricRetired = DomainEvent<'RubricRetired', { code: string; version: number; reason: string }>;
export type RubricEvent = RubricPublished | RubricRetired;

export type PublishRubric = Command<
  'PublishRubric',
  Omit<RubricDefinition, 'responseWindowDays'> & { responseWindowDays?: number }
> & {
  /** The highest version of this code published so far (retired or not), null for none. */
  readonly facts: { readonly latestVersion: number | null };
};
export type RetireRubric = Command<'RetireRubric', RubricRetired['data']>;
export type RubricCommand = PublishRubric | RetireRubric;

/** One stream per published version: a published version never changes, it can only be retired. */
export type RubricState =
  | { readonly status: 'unknown' }
  | { readonly status: 'published' | 'retired'; readonly definition: RubricDefinition; readonly retiredReason: string | null };

/** Versions of a rubric follow each other: 1, 2, … (VERSION_NOT_NEXT). */
export function mustBeNextVersion(code: string, version: number, latest: number | null): void {
  const next = latest === null ? 1 : latest + 1;
  if (version !== next) {
    refuse('VERSION_NOT_NEXT', `rubric ${code} is at version ${latest ?? 'none'}, so the next version is ${next}, not ${version}`, {
      field: 'version',
      latestVersion: latest,
      expectedVersion: next,
    });
  }
}

export const rubric: Decider<RubricState, RubricCommand, RubricEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    switch (event.type) {
      case 'RubricPublished':
        return { status: 'published', definition: event.data, retiredReason: null };
      case 'RubricRetired':
        if (state.status === 'unknown') return state;
        return { ...state, status: 'retired', retiredReason: event.data.reason };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'PublishRubric': {
        const { code, version } = command.data;
        if (state.status !== 'unknown') {
          refuse('ALREADY_PUBLISHED', `version ${version} of rubric ${code} is published already; publish version ${version + 1} instead`);
        }
        mustBeNextVersion(code, version, command.facts.latestVersion);
        const definition: RubricDefinition = {
          ...command.data,
          responseWindowDays: command.data.responseWindowDays ?? DEFAULT_RESPONSE_WINDOW_DAYS,
        };
        checkRubricDefinition(definition);
        return [{ type: 'RubricPublished', data: definition }];
      }
      case 'RetireRubric': {
        const { code, version, reason } = command.data;
        if (state.status === 'unknown') refuse('RUBRIC_NOT_FOUND', `version ${version} of rubric ${code} is not published`);
        if (state.status === 'retired') refuse('ALREADY_RETIRED', `version ${version} of rubric ${code} is retired already`);
        mustHaveText('TEXT_REQUIRED', 'reason', reason, 'a retirement needs a reason');
        return [{ type: 'RubricRetired', data: { code, version, reason } }];
      }
    }
  },
};
