import { CalendarDate, foldEvents, LedgerEntry, reservationLedger } from '@sws/kernel';
import { station, StationEvent } from '../station/station';
import { checkCommitments, contract, ContractEvent, lastDay, refuseClosedStation, StationCommitment } from './contract';

/** What a record holds of a station: a contract its days (both ends inclusive), or the station's own closure. */
export type StationHold =
  | { readonly kind: 'contract'; readonly contractId: string; readonly start: CalendarDate; readonly end: CalendarDate }
  | { readonly kind: 'closure'; readonly on: CalendarDate };

const STATION_STREAM = 'Station-';

/**
 * `StationCommitment-<stationId>`: a station is in at most one active contract on any day, and
 * a closed station takes no new contract. Awards, amendments that move a term's end, renewals'
 * successors and the station's closure claim it; a termination only frees days, so it is
 * settled from the contract's own stream when it matters.
 */
export const stationCommitmentLedger = reservationLedger<StationHold>({
  category: 'StationCommitment',
  types: { opened: 'StationCommitmentLedgerOpened', reserved: 'StationCommitmentReserved', settled: 'StationCommitmentsSettled' },
  refusals: ['STATION_ALREADY_CONTRACTED', 'STATION_CLOSED'],
  check(claim, others, { keyId: stationId, createsRecord }) {
    // A station closes whatever holds it; only a contract's days can clash.
    if (claim.value.kind !== 'contract') return;
    if (createsRecord && closureIn(others) !== null) refuseClosedStation(stationId);
    const { contractId, start, end } = claim.value;
    checkCommitments(contractId, [stationId], { start, end }, commitmentsIn(stationId, others));
  },
  valueOf(stationId, recordStreamId, events) {
    if (recordStreamId.startsWith(STATION_STREAM)) {
      const state = foldEvents(station, events as StationEvent[]);
      return state.status === 'closed' ? { kind: 'closure', on: state.closedOn } : null;
    }
    const state = foldEvents(contract, events as ContractEvent[]);
    if (state.status === 'unknown' || !state.stationIds.includes(stationId)) return null;
    return { kind: 'contract', contractId: state.contractId, start: state.term.start, end: lastDay(state.term, state.terminatedOn) };
  },
});

/** The contracts holding the station, as the contract rules take them. */
export function commitmentsIn(stationId: string, entries: readonly LedgerEntry<StationHold>[]): StationCommitment[] {
  return entries.flatMap(({ value }) => (value.kind === 'contract' ? [{ stationId, contractId: value.contractId, start: value.start, end: value.end }] : []));
}

/** The station's first closed day, when its closure is held. */
export function closureIn(entries: readonly LedgerEntry<StationHold>[]): CalendarDate | null {
  const closure = entries.find((entry) => entry.value.kind === 'closure');
  return closure && closure.value.kind === 'closure' ? closure.value.on : null;
}

/** The claim of a contract on one of its stations. */
export function contractHold(contractId: string, term: { readonly start: CalendarDate; readonly end: CalendarDate }): StationHold {
  return { kind: 'contract', contractId, start: term.start, end: term.end };
}
