import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { dateInChina } from '@sws/kernel';
import { OrganizationDetail, SocialWorkerDetail } from '@sws/stations-contracts';
import { SupervisorDetail } from '@sws/supervision';
import { Principal, ROLES } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Caller } from '../http/request-context.decorator';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models.service';
import { MeResponseDto } from './person.dto';

/** Who the bearer token says the caller is, with the names the read models know: what a console shows as signed in. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: MeResponseDto })
  async me(@Caller() caller: Principal): Promise<MeResponseDto> {
    const [organization, worker, supervisor] = await Promise.all([
      this.readModels.read<OrganizationDetail>('organization-detail', caller.orgId, null),
      caller.socialWorkerId ? this.readModels.read<SocialWorkerDetail>('social-worker-detail', caller.socialWorkerId, null) : null,
      caller.supervisorId ? this.readModels.read<SupervisorDetail>('supervisor-detail', caller.supervisorId, null) : null,
    ]);
    return {
      data: {
        ...caller,
        organizationName: organization.document?.name ?? null,
        name: worker?.document?.name ?? supervisor?.document?.name ?? null,
        today: dateInChina(this.clock.now().toISOString()),
      },
    };
  }
}
