import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { contract, streams, TerminateContract } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { StationCommitments } from '../station-commitments';
import { TerminateContractCommand } from './terminate-contract.command';

@CommandHandler(TerminateContractCommand)
export class TerminateContractHandler implements ICommandHandler<TerminateContractCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly commitments: StationCommitments,
  ) {}

  execute({ contractId, body, context }: TerminateContractCommand): Promise<WriteResult> {
    return this.commitments.exclusively(() =>
      this.executor.execute(
        {
          recordType: 'Contract',
          id: contractId,
          streamId: streams.contract(contractId),
          decider: contract,
          mustExist: true,
          command: (state, metadata): TerminateContract => {
            if (state.status !== 'unknown') mustActFor(context.principal, state.purchaserOrgId, `terminate contract ${contractId}`);
            return { type: 'TerminateContract', data: { contractId, ...body }, metadata };
          },
        },
        context,
      ),
    );
  }
}
