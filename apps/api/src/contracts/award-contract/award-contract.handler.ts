import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AwardContract, contract, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { AwardFacts } from '../award-facts';
import { StationCommitments } from '../station-commitments';
import { AwardContractCommand } from './award-contract.command';

@CommandHandler(AwardContractCommand)
export class AwardContractHandler implements ICommandHandler<AwardContractCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: AwardFacts,
    private readonly commitments: StationCommitments,
  ) {}

  execute({ body, context }: AwardContractCommand): Promise<WriteResult> {
    mustActFor(context.principal, body.purchaserOrgId, `award a contract in the name of purchaser ${body.purchaserOrgId}`);
    const contractId = this.executor.newId(context, 'Contract');
    return this.executor.execute(
      {
        recordType: 'Contract',
        id: contractId,
        streamId: streams.contract(contractId),
        decider: contract,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<AwardContract> => ({
          type: 'AwardContract',
          data: { contractId, ...body },
          metadata,
          facts: await this.facts.gather(body, keys),
        }),
        reserve: () => this.commitments.contractClaims(contractId, body.stationIds, body.term),
      },
      context,
    );
  }
}
