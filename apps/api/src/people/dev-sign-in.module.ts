import { DynamicModule, Module } from '@nestjs/common';
import { AuthConfig } from '../auth/auth.config';
import { DEV_SIGNING_SECRET, DevSignInController } from './dev-sign-in.controller';

/** Development sign-in (GET /dev/people, POST /dev/tokens): only in AUTH_MODE=dev with a shared secret, otherwise no route at all. */
@Module({})
export class DevSignInModule {
  static register(auth: AuthConfig): DynamicModule {
    if (auth.mode !== 'dev' || auth.key.kind !== 'secret') return { module: DevSignInModule };
    return { module: DevSignInModule, controllers: [DevSignInController], providers: [{ provide: DEV_SIGNING_SECRET, useValue: auth.key.secret }] };
  }
}
