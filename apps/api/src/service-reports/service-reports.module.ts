import { Module, OnModuleInit } from '@nestjs/common';
import { ServiceOutputMonth } from '@sws/stations-contracts';
import { StreamParties } from '../audit/stream-parties';
import { ReadModels } from '../infrastructure/read-models.service';
import { GetServiceReportHandler } from './get-service-report/get-service-report.handler';
import { RecordSatisfactionSurveyHandler } from './record-satisfaction-survey/record-satisfaction-survey.handler';
import { ReportServiceOutputHandler } from './report-service-output/report-service-output.handler';
import { ServiceReportsController } from './service-reports.controller';
import { StationMonthContract } from './station-month-contract';

@Module({
  controllers: [ServiceReportsController],
  providers: [StationMonthContract, ReportServiceOutputHandler, RecordSatisfactionSurveyHandler, GetServiceReportHandler],
})
export class ServiceReportsModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly readModels: ReadModels,
  ) {}

  onModuleInit(): void {
    // The stream is named by the report id; the read model by station and month, and it keeps the report id.
    this.parties.register('ServiceReport', async (reportId) => {
      await this.readModels.catchUpWithLog('service-output');
      const { rows } = await this.readModels.list<ServiceOutputMonth>('service-output', 1, undefined, { field: 'reportId', value: reportId });
      return rows[0]?.document.parties ?? null;
    });
  }
}
