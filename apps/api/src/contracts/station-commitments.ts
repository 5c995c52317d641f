import { Injectable, OnModuleInit } from '@nestjs/common';
import { CalendarDate, LedgerEntry } from '@sws/kernel';
import { commitmentsIn, contractHold, StationCommitment, stationCommitmentLedger, StationDetail, StationHold, streams } from '@sws/stations-contracts';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/**
 * A station is in at most one active contract on any day, and a closed station takes no new
 * contract: the rule of the `StationCommitment-<stationId>` reservation streams. Writes that give
 * a contract days on a station (an award, an amendment moving its end, a renewal's successor) and
 * the station's closure claim its key before they append (README, "Rules that span records").
 */
@Injectable()
export class StationCommitments implements OnModuleInit {
  constructor(private readonly legacy: LegacyRecords) {}

  onModuleInit(): void {
    // A station contracted before its key existed: its contracts and closure, as the station read model has them.
    this.legacy.register(stationCommitmentLedger, async (stationId, document) => {
      const station = await document<StationDetail>('station-detail', stationId);
      if (station === null) return [];
      const entries: LedgerEntry<StationHold>[] = station.contracts.map((c) => ({
        recordStreamId: streams.contract(c.contractId),
        value: contractHold(c.contractId, { start: c.term.start, end: c.lastDay }),
      }));
      if (station.closed !== null) entries.push({ recordStreamId: streams.station(stationId), value: { kind: 'closure', on: station.closed.on } });
      return entries;
    });
  }

  /** The other contracts holding the stations, from their keys. */
  async of(stationIds: readonly string[], keys: KeyReads): Promise<StationCommitment[]> {
    const commitments: StationCommitment[] = [];
    for (const stationId of stationIds) commitments.push(...commitmentsIn(stationId, await keys.entries(stationCommitmentLedger, stationId)));
    return commitments;
  }

  /** A contract's claims on its stations, for its days (`end` its last day). */
  contractClaims(contractId: string, stationIds: readonly string[], days: { readonly start: CalendarDate; readonly end: CalendarDate }): Reservation {
    const value = contractHold(contractId, days);
    return { claims: stationIds.map((id) => ({ ledger: stationCommitmentLedger, id, value, recordStreamId: streams.contract(contractId) })) };
  }

  /** A station's closure, from its first closed day. */
  closureClaim(stationId: string, on: CalendarDate): Reservation {
    return { claims: [{ ledger: stationCommitmentLedger, id: stationId, value: { kind: 'closure', on } }] };
  }
}
