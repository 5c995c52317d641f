import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PublishRenewalPolicy, RENEWAL_POLICY_STREAM, renewalPolicy } from '@sws/renewal';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { PublishRenewalPolicyCommand } from './publish-renewal-policy.command';

/** All versions share one stream, so two administrators cannot publish the same version at once. */
@CommandHandler(PublishRenewalPolicyCommand)
export class PublishRenewalPolicyHandler implements ICommandHandler<PublishRenewalPolicyCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ body, context }: PublishRenewalPolicyCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'RenewalPolicy',
        id: `v${body.version}`,
        streamId: RENEWAL_POLICY_STREAM,
        decider: renewalPolicy,
        mustExist: false,
        command: (_state, metadata): PublishRenewalPolicy => ({ type: 'PublishRenewalPolicy', data: body, metadata }),
      },
      context,
    );
  }
}
