import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { policyInForce, policyVersions, RenewalPolicies } from '@sws/renewal';
import { ROLES } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { ReadModels } from '../infrastructure/read-models.service';
import { RequestContext } from '../infrastructure/request-context';
import { PublishRenewalPolicyCommand } from './publish-renewal-policy/publish-renewal-policy.command';
import { PublishRenewalPolicyDto } from './publish-renewal-policy/publish-renewal-policy.dto';
import { RenewalEligibility } from './renewal-eligibility.service';

@ApiTags('renewal')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('renewal-policies')
export class RenewalPoliciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: ReadModels,
    private readonly eligibility: RenewalEligibility,
  ) {}

  /** Publishes the next version of the renewal policy; a contract is judged by the version in force on the judged date. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  publish(@Body() body: PublishRenewalPolicyDto, @Context() context: RequestContext) {
    return this.commands.execute(new PublishRenewalPolicyCommand(body, context));
  }

  /** Every version, the shipped default included, and the one in force today. The rules are public to every role. */
  @Get()
  @Roles(...ROLES)
  async list() {
    const { document, position } = await this.readModels.read<RenewalPolicies>('renewal-policies', 'all', null);
    const versions = policyVersions(document);
    return { data: { versions, inForceToday: policyInForce(versions, this.eligibility.today()).version }, position };
  }
}
