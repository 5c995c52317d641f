import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReportServiceOutput } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { serviceReportWrite } from '../service-report-write';
import { StationMonthContract } from '../station-month-contract';
import { ReportServiceOutputCommand } from './report-service-output.command';

@CommandHandler(ReportServiceOutputCommand)
export class ReportServiceOutputHandler implements ICommandHandler<ReportServiceOutputCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly contracts: StationMonthContract,
  ) {}

  execute({ body, context }: ReportServiceOutputCommand): Promise<WriteResult> {
    return this.executor.execute(
      serviceReportWrite<ReportServiceOutput>(body, context, this.contracts, (reportId, facts, metadata) => ({
        type: 'ReportServiceOutput',
        data: { reportId, ...body },
        metadata,
        facts,
      })),
      context,
    );
  }
}
