import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignSocialWorker, contract, socialWorker, station, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { AssignSocialWorkerCommand } from './assign-social-worker.command';

@CommandHandler(AssignSocialWorkerCommand)
export class AssignSocialWorkerHandler implements ICommandHandler<AssignSocialWorkerCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
  ) {}

  execute({ socialWorkerId, body, context }: AssignSocialWorkerCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'SocialWorker',
        id: socialWorkerId,
        streamId: streams.socialWorker(socialWorkerId),
        decider: socialWorker,
        mustExist: true,
        command: async (_state, metadata): Promise<AssignSocialWorker> => {
          const found = await this.records.state(streams.contract(body.contractId), contract);
          if (found.status !== 'unknown') mustActFor(context.principal, found.operatorOrgId, `staff contract ${body.contractId}`);
          const where = await this.records.state(streams.station(body.stationId), station);
          return {
            type: 'AssignSocialWorker',
            data: { socialWorkerId, ...body },
            metadata,
            facts: {
              contract:
                found.status === 'unknown'
                  ? null
                  : {
                      operatorOrgId: found.operatorOrgId,
                      purchaserOrgId: found.purchaserOrgId,
                      stationIds: found.stationIds,
                      term: found.term,
                      terminatedOn: found.terminatedOn,
                    },
              stationClosedOn: where.status === 'closed' ? where.closedOn : null,
            },
          };
        },
      },
      context,
    );
  }
}
