import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, AppConfig, EMBEDDED, StoreTopology } from '../infrastructure/config';
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

/** What a health report reads: the stores, how they are configured, and where the read models stand. */
export interface HealthSources {
  readonly events: EventStore;
  readonly store: ReadStore;
  readonly topology: StoreTopology;
  readonly readModels: Pick<ReadModels, 'status' | 'progress'>;
  /**
   * True where a read model behind the head means catching up: in an API started with
   * PROJECTIONS=off (the positions are the projector's: behind, it is catching up or not running)
   * and in the projector itself. An API running the pump in process is caught up once the pump has
   * first reached the end of the log, so its health does not flap with every command in flight.
   */
  readonly judgedByHead: boolean;
}

/**
 * The health of a process (an API or the projector). Up (200) when both stores answer: `ok` once
 * the read models have caught up with the log, `catching_up` while they are still folding it
 * (with `behind`, the events they have yet to fold, or null when the log's positions do not count
 * events), `degraded` when the projections have stopped; 503 `unavailable` when a store does not
 * answer, so a load balancer stops sending requests. Says how far each read model is and how each
 * store answered.
 */
export async function healthReport(sources: HealthSources) {
  const { events, store, topology, readModels } = sources;
  const [log, readStore] = await Promise.all([
    probe(topology.events.kind, () => events.headPosition()),
    probe(topology.readModels.kind, () => store.checkpoint(PROBE_CHECKPOINT)),
  ]);
  const head: Position | null = log.value;
  const projections = readModels.status().map((p) => ({
    ...p,
    caughtUp: head === null || (p.position !== null && events.comparePositions(p.position, head) >= 0),
    // Its lag: the events it has yet to fold (null when the log's positions do not count events).
    behind: log.health.reachable ? events.distance(p.position, head) : null,
  }));
  const progress = readModels.progress();
  const reachable = log.health.reachable && readStore.health.reachable;
  const caughtUp = sources.judgedByHead ? projections.every((p) => p.caughtUp) : progress.caughtUp;
  const status = !reachable
    ? 'unavailable'
    : progress.failed || projections.some((p) => p.failed)
      ? 'degraded'
      : caughtUp
        ? 'ok'
        : 'catching_up';
  const behind = log.value === null && !log.health.reachable ? null : events.distance(progress.position, head);
  return {
    statusCode: reachable ? 200 : 503,
    body: { status, head, behind, projections, stores: { events: log.health, readModels: readStore.health } },
  };
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

  /** The service's health (see healthReport), with where this process's read models are folded (`projectionsRun`: PROJECTIONS). */
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const projectionsRun = this.config.projections ?? 'in-process';
    const { statusCode, body } = await healthReport({
      events: this.events,
      store: this.store,
      topology: this.config.topology ?? EMBEDDED,
      readModels: this.readModels,
      judgedByHead: projectionsRun === 'off',
    });
    reply.status(statusCode);
    return { ...body, projectionsRun };
  }
}

/** A checkpoint no projection has: reading it is a cheap round trip to the read-model store. */
export const PROBE_CHECKPOINT = '(health probe)';
