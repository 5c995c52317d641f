import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AmendContract, contract, streams } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { StationCommitments } from '../station-commitments';
import { AmendContractCommand } from './amend-contract.command';

@CommandHandler(AmendContractCommand)
export class AmendContractHandler implements ICommandHandler<AmendContractCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly commitments: StationCommitments,
  ) {}

  execute({ contractId, body, context }: AmendContractCommand): Promise<WriteResult> {
    return this.commitments.exclusively(() =>
      this.executor.execute(
        {
          recordType: 'Contract',
          id: contractId,
          streamId: streams.contract(contractId),
          decider: contract,
          mustExist: true,
          command: async (state, metadata): Promise<AmendContract> => {
            if (state.status !== 'unknown') mustActFor(context.principal, state.purchaserOrgId, `amend contract ${contractId}`);
            return {
              type: 'AmendContract',
              data: { contractId, ...body },
              metadata,
              facts: {
                commitments:
                  body.termEnd !== undefined && state.status !== 'unknown' ? await this.commitments.of(state.stationIds) : [],
              },
            };
          },
        },
        context,
      ),
    );
  }
}
