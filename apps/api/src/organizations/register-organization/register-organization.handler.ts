import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organization, RegisterOrganization, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { KeyedMutex } from '../../infrastructure/mutex';
import { ReadModels } from '../../infrastructure/read-models.service';
import { RegisterOrganizationCommand } from './register-organization.command';

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
  ) {}

  execute({ body, context }: RegisterOrganizationCommand): Promise<WriteResult> {
    const organizationId = this.executor.newId(context, 'Organization');
    // A credit code belongs to one organization: look it up and append as one step.
    return this.mutex.run('credit-codes', () =>
      this.executor.execute(
        {
          recordType: 'Organization',
          id: organizationId,
          streamId: streams.organization(organizationId),
          decider: organization,
          mustExist: false,
          command: async (_state, metadata): Promise<RegisterOrganization> => {
            const holder = await this.readModels.current<{ organizationId: string }>('credit-code-index', body.creditCode);
            return {
              type: 'RegisterOrganization',
              data: { organizationId, ...body },
              metadata,
              facts: { creditCodeHolder: holder && holder.organizationId !== organizationId ? holder.organizationId : null },
            };
          },
        },
        context,
      ),
    );
  }
}
