import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, AppConfig, EMBEDDED } from '../infrastructure/config';
import { ReadModels } from '../infrastructure/read-models.service';

/** How long a store may take to answer the health check before it counts as unreachable. */
const PROBE_TIMEOUT_MS = 2000;

export interface StoreHealth {
  readonly kind: string;
  readonly reachable: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

export async function probe<T>(kind: string, call: () => Promise<T>): Promise<{ health: StoreHealth; value: T | null }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    });
    const value = await Promise.race([call(), timeout]);
    return { health: { kind, reachable: true, latencyMs: Date.now() - started }, value };
  } catch (error) {
    return { health: { kind, reachable: false, latencyMs: Date.now() - started, error: (error as Error).message ?? String(error) }, value: null };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@SkipThrottle({ ip: true, user: true })
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readModels: ReadModels,
  ) {}

  /**
   * Up (200) when both stores answer: `ok` once the read models have caught up with the log,
   * `catching_up` while they are still folding it after a start (with `behind`, the events they
   * have yet to fold, or null when the log's positions do not count events) and, with
   * PROJECTIONS=off, while a read model the projector keeps is behind the head; `degraded` when the
   * projections have stopped; 503 `unavailable` when a store does not answer, so a load balancer
   * stops sending requests. Says how far each read model is and how each store answered.
   */
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const topology = this.config.topology ?? EMBEDDED;
    const [log, readModels] = await Promise.all([
      probe(topology.events.kind, () => this.events.headPosition()),
      probe(topology.readModels.kind, () => this.store.checkpoint(PROBE_CHECKPOINT)),
    ]);
    const head: Position | null = log.value;
    const projections = this.readModels.status().map((p) => ({
      ...p,
      caughtUp: head === null || (p.position !== null && this.events.comparePositions(p.position, head) >= 0),
    }));
    const progress = this.readModels.progress();
    const reachable = log.health.reachable && readModels.health.reachable;
    // With PROJECTIONS=off the positions are the projector's: one behind the head says it is catching up (or not running).
    const off = (this.config.projections ?? 'in-process') === 'off';
    const caughtUp = off ? projections.every((p) => p.caughtUp) : progress.caughtUp;
    const status = !reachable
      ? 'unavailable'
      : progress.failed || projections.some((p) => p.failed)
        ? 'degraded'
        : caughtUp
          ? 'ok'
          : 'catching_up';
    if (!reachable) reply.status(503);
    const behind = log.value === null && !log.health.reachable ? null : this.events.distance(progress.position, head);
    return { status, head, behind, projections, stores: { events: log.health, readModels: readModels.health } };
  }
}

/** A checkpoint no projection has: reading it is a cheap round trip to the read-model store. */
export const PROBE_CHECKPOINT = '(health probe)';
