import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { ErrorsFilter } from './http/errors';
import { InfrastructureModule, InfrastructureOptions } from './infrastructure/infrastructure.module';
import { ContractsModule } from './contracts/contracts.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SocialWorkersModule } from './social-workers/social-workers.module';
import { StationsModule } from './stations/stations.module';
import { SupervisorsModule } from './supervisors/supervisors.module';
import { SupervisionSessionsModule } from './supervision-sessions/supervision-sessions.module';
import { TrainingsModule } from './trainings/trainings.module';
import { ServiceReportsModule } from './service-reports/service-reports.module';
import { RubricsModule } from './rubrics/rubrics.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { RegionsModule } from './regions/regions.module';
import { RenewalModule } from './renewal/renewal.module';
import { PeopleModule } from './people/people.module';
import { DevSignInModule } from './people/dev-sign-in.module';

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
        SupervisorsModule,
        SupervisionSessionsModule,
        TrainingsModule,
        ServiceReportsModule,
        RubricsModule,
        AssessmentsModule,
        RegionsModule,
        RenewalModule,
        PeopleModule,
        DevSignInModule.register(options.config.auth),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
