import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { ErrorsFilter } from './http/errors';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { InfrastructureModule, InfrastructureOptions } from './infrastructure/infrastructure.module';
import { ContractsModule } from './contracts/contracts.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SocialWorkersModule } from './social-workers/social-workers.module';
import { StationsModule } from './stations/stations.module';

@Module({})
export class AppModule {
  static register(options: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.register(options),
        AuthModule.register(options.config),
        AuditModule,
        OrganizationsModule,
        StationsModule,
        ContractsModule,
        SocialWorkersModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ErrorsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
