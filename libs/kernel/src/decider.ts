import { Command, DomainEvent } from './events';

/**
 * A record's behaviour as two pure functions: `decide` turns a command and the current
 * state into new events (or throws a DomainError), `evolve` folds one event into state.
 */
export interface Decider<State, C extends Command, E extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: E) => State;
  readonly decide: (command: C, state: State) => readonly E[];
}

export function foldEvents<State, E extends DomainEvent>(
  decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>,
  events: readonly E[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
