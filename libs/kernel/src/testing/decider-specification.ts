import { Command, DomainEvent } from '../events';
import { Decider, foldEvents } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Given/when/then for deciders: `spec.given(past).when(command).then(expected)` or
 * `.thenFails(code)`. Reads like the rule it tests.
 */
export function deciderSpecification<S, C extends Command, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(past: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, foldEvents(decider, past));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenProduces(check: (events: readonly E[]) => void) {
              check(run());
            },
            thenFails(code: string) {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
