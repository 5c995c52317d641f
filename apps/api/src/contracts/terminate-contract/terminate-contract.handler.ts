import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { contract, streams, TerminateContract } from '@sws/stations-contracts';
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
          command: (_state, metadata): TerminateContract => ({ type: 'TerminateContract', data: { contractId, ...body }, metadata }),
        },
        context,
      ),
    );
  }
}
