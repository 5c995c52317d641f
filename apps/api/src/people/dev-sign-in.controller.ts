import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../auth/principal';
import { Public } from '../auth/roles.decorator';
import { mintToken } from '../auth/token-verifier';
import { BadInput } from '../http/errors';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-models.service';
import { DevPeopleResponseDto, DevTokenDto, MintDevTokenDto } from './dev-token.dto';
import { knownPeople } from './known-people';

const TOKEN_HOURS = 12;

/** The development secret of the data directory, which AUTH_MODE=dev verifies tokens with. */
export const DEV_SIGNING_SECRET = Symbol('DEV_SIGNING_SECRET');

/**
 * Development sign-in, registered only with AUTH_MODE=dev and a shared secret: the people the
 * read models know, and a token for one of them, signed like `npm run token` signs. Without dev
 * mode these routes do not exist (404) and the OpenAPI document does not list them.
 */
@ApiTags('development sign-in')
@Public()
@Controller('dev')
export class DevSignInController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DEV_SIGNING_SECRET) private readonly secret: Buffer,
  ) {}

  @Get('people')
  @ApiOkResponse({ type: DevPeopleResponseDto })
  async people(): Promise<DevPeopleResponseDto> {
    return { data: await knownPeople(this.readModels) };
  }

  @Post('tokens')
  @HttpCode(201)
  @ApiCreatedResponse({ type: DevTokenDto })
  token(@Body() body: MintDevTokenDto): DevTokenDto {
    const { role, orgId, socialWorkerId, supervisorId } = body;
    if (role === 'social_worker' && !socialWorkerId) throw new BadInput([{ field: 'socialWorkerId', problems: ['a social worker token names the worker (socialWorkerId)'] }]);
    if (role === 'supervisor' && !supervisorId) throw new BadInput([{ field: 'supervisorId', problems: ['a supervisor token names the supervisor (supervisorId)'] }]);
    const self = role === 'social_worker' ? socialWorkerId : role === 'supervisor' ? supervisorId : undefined;
    const principal: Principal = {
      userId: `dev-${role}@${self ?? orgId}`,
      role,
      orgId,
      ...(role === 'social_worker' ? { socialWorkerId } : {}),
      ...(role === 'supervisor' ? { supervisorId } : {}),
    };
    const nowMs = this.clock.now().getTime();
    const ttlSeconds = TOKEN_HOURS * 3600;
    return { token: mintToken(principal, this.secret, { nowMs, ttlSeconds }), expiresAt: new Date(nowMs + ttlSeconds * 1000).toISOString() };
  }
}
