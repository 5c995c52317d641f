import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AmendContract, contract, ContractAmended, lastDay, streams } from '@sws/stations-contracts';
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
    return this.executor.execute(
      {
        recordType: 'Contract',
        id: contractId,
        streamId: streams.contract(contractId),
        decider: contract,
        mustExist: true,
        command: async (state, metadata, _history, keys): Promise<AmendContract> => {
          if (state.status !== 'unknown') mustActFor(context.principal, state.purchaserOrgId, `amend contract ${contractId}`);
          return {
            type: 'AmendContract',
            data: { contractId, ...body },
            metadata,
            facts: {
              commitments: body.termEnd !== undefined && state.status !== 'unknown' ? await this.commitments.of(state.stationIds, keys) : [],
            },
          };
        },
        // A moved end claims the stations for the new days (a shortened term frees days, and claims nothing more).
        reserve: (decided) => {
          const [{ data }] = decided as ContractAmended[];
          return data.changes.term ? this.commitments.contractClaims(contractId, data.stationIds, { start: data.changes.term.start, end: lastDay(data.changes.term, null) }) : null;
        },
      },
      context,
    );
  }
}
