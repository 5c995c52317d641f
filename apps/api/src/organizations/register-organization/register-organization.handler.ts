import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organization, RegisterOrganization, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CreditCodes } from '../credit-codes';
import { RegisterOrganizationCommand } from './register-organization.command';

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly creditCodes: CreditCodes,
  ) {}

  execute({ body, context }: RegisterOrganizationCommand): Promise<WriteResult> {
    const organizationId = this.executor.newId(context, 'Organization');
    return this.executor.execute(
      {
        recordType: 'Organization',
        id: organizationId,
        streamId: streams.organization(organizationId),
        decider: organization,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<RegisterOrganization> => ({
          type: 'RegisterOrganization',
          data: { organizationId, ...body },
          metadata,
          facts: { creditCodeHolder: await this.creditCodes.holderOf(body.creditCode, keys) },
        }),
        // A credit code belongs to one organization: the registration claims the code's key.
        reserve: () => this.creditCodes.claim(body.creditCode, organizationId),
      },
      context,
    );
  }
}
