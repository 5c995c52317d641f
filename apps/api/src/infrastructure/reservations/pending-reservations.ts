import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PendingReservation } from '@sws/kernel';
import { ReadModels } from '../read-models.service';
import { Reservations } from './reservations';

/**
 * At start-up, finishes every write that claimed its keys and was never written (the process
 * stopped in between): writes its record, or finds it void and says so at its keys. Commands
 * that meet such a claim finish it too; this is for the keys nobody touches again.
 */
@Injectable()
export class PendingReservations implements OnApplicationBootstrap {
  private readonly logger = new Logger(PendingReservations.name);
  private markFinished!: () => void;
  private readonly finishedPromise = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(
    private readonly readModels: ReadModels,
    private readonly reservations: Reservations,
  ) {}

  /** Resolves once the start-up pass is over (whether or not it finished everything). */
  finished(): Promise<void> {
    return this.finishedPromise;
  }

  onApplicationBootstrap(): void {
    // After the read models have started (createApp starts them once the application is up).
    void this.readModels
      .started()
      .then(() => this.finish())
      .then(
        ({ written, given }) => (written + given > 0 ? this.logger.warn(`finished ${written} reserved write(s) a stop interrupted; ${given} could not be written`) : undefined),
        (error) => this.logger.error(`could not finish the reserved writes a stop interrupted: ${String(error)}`),
      )
      .finally(() => this.markFinished());
  }

  async finish(): Promise<{ written: number; given: number }> {
    await this.readModels.catchUpWithLog('pending-reservations');
    const counts = { written: 0, given: 0 };
    for (let afterId: string | undefined; ; ) {
      const { rows } = await this.readModels.list<PendingReservation>('pending-reservations', 200, afterId);
      for (const { document } of rows) {
        const resolution = { resolving: new Set<string>(), depth: 0, trace: { wrote: false } };
        try {
          const intent = await this.reservations.intentClaimedAt(document.key, document.intentId);
          const { outcome } = await this.reservations.resolve(intent, resolution);
          if (outcome === 'void') await this.reservations.settleVoidEverywhere(intent, resolution);
          if (resolution.trace.wrote) counts[outcome === 'written' ? 'written' : 'given'] += 1;
        } catch (error) {
          // One write that cannot be finished now must not keep the others from it; a later command meeting it will try again.
          this.logger.error(`reserved write ${document.intentId} could not be finished: ${String(error)}`);
        }
      }
      if (rows.length < 200) return counts;
      afterId = rows[rows.length - 1].id;
    }
  }
}
