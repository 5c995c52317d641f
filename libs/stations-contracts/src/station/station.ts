import { CalendarDate, Command, Decider, DomainEvent, mustBeName, mustHaveText, mustNotBeInFuture, refuse } from '@sws/kernel';
import { Region } from '../shared/region';

export const STATION_KINDS = ['township', 'street'] as const;
export const OPERATING_MODELS = ['government_led', 'outsourced', 'composite', 'community_based'] as const;

export type StationRegistered = DomainEvent<
  'StationRegistered',
  {
    stationId: string;
    name: string;
    kind: (typeof STATION_KINDS)[number];
    region: Region;
    operatingModel: (typeof OPERATING_MODELS)[number];
    villageCount: number;
  }
>;
export type StationClosed = DomainEvent<'StationClosed', { stationId: string; on: CalendarDate; reason: string }>;
export type StationEvent = StationRegistered | StationClosed;

export type RegisterStation = Command<'RegisterStation', StationRegistered['data']>;
export type CloseStation = Command<'CloseStation', StationClosed['data']>;
export type StationCommand = RegisterStation | CloseStation;

export type StationState =
  | { readonly status: 'unknown' }
  | { readonly status: 'open' }
  | { readonly status: 'closed'; readonly closedOn: CalendarDate };

export const station: Decider<StationState, StationCommand, StationEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'StationRegistered':
        return { status: 'open' };
      case 'StationClosed':
        return { status: 'closed', closedOn: event.data.on };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterStation':
        if (state.status !== 'unknown') refuse('ALREADY_REGISTERED', 'this station is registered already');
        mustBeName('name', command.data.name);
        return [{ type: 'StationRegistered', data: command.data }];
      case 'CloseStation':
        if (state.status === 'unknown') refuse('STATION_NOT_FOUND', 'the station is not registered');
        if (state.status === 'closed') refuse('STATION_CLOSED', `the station closed on ${state.closedOn}`);
        mustNotBeInFuture('on', command.data.on, command);
        mustHaveText('REASON_REQUIRED', 'reason', command.data.reason, 'a closure names its reason');
        return [{ type: 'StationClosed', data: command.data, occurredAt: command.data.on }];
    }
  },
};
