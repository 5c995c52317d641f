import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { contract, streams, TerminateContract } from '@sws/stations-contracts';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { TerminateContractCommand } from './terminate-contract.command';

/** A termination only frees a station's days: it claims no key, and a later award finds the days free in the contract's own stream. */
@CommandHandler(TerminateContractCommand)
export class TerminateContractHandler implements ICommandHandler<TerminateContractCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ contractId, body, context }: TerminateContractCommand): Promise<WriteResult> {
    return this.executor.execute(
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
    );
  }
}
