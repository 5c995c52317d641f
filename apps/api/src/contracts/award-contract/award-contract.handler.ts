import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AwardContract, contract, organization, station, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { StationCommitments } from '../station-commitments';
import { AwardContractCommand } from './award-contract.command';

@CommandHandler(AwardContractCommand)
export class AwardContractHandler implements ICommandHandler<AwardContractCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
    private readonly commitments: StationCommitments,
  ) {}

  execute({ body, context }: AwardContractCommand): Promise<WriteResult> {
    mustActFor(context.principal, body.purchaserOrgId, `award a contract in the name of purchaser ${body.purchaserOrgId}`);
    const contractId = this.executor.newId(context, 'Contract');
    return this.commitments.exclusively(() =>
      this.executor.execute(
        {
          recordType: 'Contract',
          id: contractId,
          streamId: streams.contract(contractId),
          decider: contract,
          mustExist: false,
          command: async (_state, metadata): Promise<AwardContract> => {
            const [purchaser, operator] = await Promise.all(
              [body.purchaserOrgId, body.operatorOrgId].map((id) => this.records.state(streams.organization(id), organization)),
            );
            const stationStatus: Record<string, 'open' | 'closed' | 'unknown'> = {};
            for (const stationId of body.stationIds) {
              stationStatus[stationId] = (await this.records.state(streams.station(stationId), station)).status;
            }
            return {
              type: 'AwardContract',
              data: { contractId, ...body },
              metadata,
              facts: {
                purchaserKind: purchaser.status === 'registered' ? purchaser.kind : null,
                operatorKind: operator.status === 'registered' ? operator.kind : null,
                stationStatus,
                commitments: await this.commitments.of(body.stationIds),
              },
            };
          },
        },
        context,
      ),
    );
  }
}
