import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { contract, streams } from '@sws/stations-contracts';
import { RecordTraining, training, trainingStreams } from '@sws/training';
import { AccessDenied } from '../../auth/access-denied';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { RecordTrainingCommand } from './record-training.command';

/**
 * A training held: an operator's under one of its contracts, or a course the county centre
 * organized. The organizer is the caller's organization, never the body's.
 */
@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
  ) {}

  execute({ body, context }: RecordTrainingCommand): Promise<WriteResult> {
    const { principal } = context;
    if (principal.role === 'operator' && body.contractId === undefined) {
      throw new AccessDenied('an operator records training under one of its contracts (contractId); county-organized courses are the centre’s');
    }
    const trainingId = this.executor.newId(context, 'Training');
    return this.executor.execute(
      {
        recordType: 'Training',
        id: trainingId,
        streamId: trainingStreams.training(trainingId),
        decider: training,
        mustExist: false,
        command: async (_state, metadata): Promise<RecordTraining> => {
          const named = body.contractId === undefined ? null : await this.records.state(streams.contract(body.contractId), contract);
          if (named !== null && named.status !== 'unknown' && principal.role === 'operator') {
            mustActFor(principal, named.operatorOrgId, `record training under contract ${body.contractId}`);
          }
          return {
            type: 'RecordTraining',
            data: { trainingId, ...body, organizerOrgId: principal.orgId },
            metadata,
            facts: { contract: named !== null && named.status !== 'unknown' ? { contractId: body.contractId! } : null },
          };
        },
      },
      context,
    );
  }
}
