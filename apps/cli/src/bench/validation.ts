import 'reflect-metadata';
import { ArgumentMetadata, PipeTransform, ValidationPipe } from '@nestjs/common';
import { BODY_VALIDATION, bodyValidation } from '../../../api/src/http/body-pipeline';
import { ScoreAssessmentItemsDto } from '../../../api/src/assessments/score-assessment-items/score-assessment-items.dto';
import { LogSupervisionSessionDto } from '../../../api/src/supervision-sessions/log-supervision-session/log-supervision-session.dto';
import { RegisterStationDto } from '../../../api/src/stations/register-station/register-station.dto';
import { forTesting, loadBodies } from './commands';
import { Measured, Section } from './report';

export interface ValidationBenchOptions {
  readonly runs: number;
  /** Bodies timed per body kind, pipe and run. */
  readonly bodies: number;
}

export function validationBenchOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ValidationBenchOptions {
  return { runs: Number(env.BENCH_RUNS ?? 3), bodies: Number(env.BENCH_BODIES ?? 10_000) };
}

const ID = '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b';

/** A session body as the load sends it, with fixed ids for the fixtures the load would seed. */
function sessionBody() {
  const principal = { userId: 'supervisor@bench', role: 'supervisor' as const, orgId: 'org-none', supervisorId: ID };
  return forTesting.sessionBody({ contractId: ID, evaluator: principal, workers: [{ stationId: ID, socialWorkerId: ID }], supervisors: [principal], stationIds: [ID], denseSessions: false }, 0).body;
}

/** Microseconds a body through the pipe, each body parsed afresh from its JSON (as a request's is). */
async function timed(pipe: PipeTransform, metadata: ArgumentMetadata, json: string, count: number): Promise<number> {
  for (let i = 0; i < Math.min(1_000, count); i++) await pipe.transform(JSON.parse(json), metadata);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await pipe.transform(JSON.parse(json), metadata);
  return Number(process.hrtime.bigint() - started) / 1e3 / count;
}

/**
 * The request pipe alone on the commands bench's bodies, in this process: the service's pipe
 * (bodyValidation: ValidityCheck first, class-validator only for a body with a problem) beside
 * NestJS's ValidationPipe with the same options, which asks class-validator about every body.
 */
export async function validationSection(options: ValidationBenchOptions, log: (line: string) => void = () => {}): Promise<Section> {
  const service = bodyValidation();
  // Made after bodyValidation, so that it too reads the rules remembered per class.
  const everyBody = new ValidationPipe(BODY_VALIDATION);
  const kinds = [
    { name: 'register a station', type: RegisterStationDto, body: loadBodies.station(0) },
    { name: 'log a session', type: LogSupervisionSessionDto, body: sessionBody() },
    { name: `score an assessment (${loadBodies.scores.scores.length} items)`, type: ScoreAssessmentItemsDto, body: loadBodies.scores },
  ];
  const figures: Measured[] = [];
  for (const kind of kinds) {
    const metadata: ArgumentMetadata = { type: 'body', metatype: kind.type };
    const json = JSON.stringify(kind.body);
    // Both pipes must take the body, or the figures would time a refusal.
    await service.transform(JSON.parse(json), metadata);
    await everyBody.transform(JSON.parse(json), metadata);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      // Alternating which goes first, so neither always meets a warmer runtime.
      const first = run % 2 === 1;
      const a = await timed(first ? service : everyBody, metadata, json, options.bodies);
      const b = await timed(first ? everyBody : service, metadata, json, options.bodies);
      ours.push(first ? a : b);
      theirs.push(first ? b : a);
      log(`  ${kind.name} run ${run}: ${ours.at(-1)!.toFixed(1)} µs against ${theirs.at(-1)!.toFixed(1)} µs`);
    }
    figures.push(
      { name: `${kind.name}: the service's pipe (bodyValidation)`, unit: 'µs/body', runs: ours },
      { name: `${kind.name}: ValidationPipe, class-validator on every body`, unit: 'µs/body', runs: theirs },
      { name: `${kind.name}: service's pipe / every body`, unit: '×', runs: ours.map((value, i) => value / theirs[i]!) },
    );
  }
  return {
    title: 'Request body validation (the pipe alone)',
    figures,
    notes: [
      `${options.runs} runs of ${options.bodies} bodies per pipe and body, in one process, each body a fresh JSON.parse of the load's body (included in the figures); both pipes turn it into the DTO with class-transformer.`,
      'Reproduce: npm run cli -- bench-section validation (BENCH_RUNS, BENCH_BODIES).',
    ],
  };
}
