import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordSatisfactionSurvey } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { serviceReportWrite } from '../service-report-write';
import { StationMonthContract } from '../station-month-contract';
import { RecordSatisfactionSurveyCommand } from './record-satisfaction-survey.command';

@CommandHandler(RecordSatisfactionSurveyCommand)
export class RecordSatisfactionSurveyHandler implements ICommandHandler<RecordSatisfactionSurveyCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly contracts: StationMonthContract,
  ) {}

  execute({ body, context }: RecordSatisfactionSurveyCommand): Promise<WriteResult> {
    return this.executor.execute(
      serviceReportWrite<RecordSatisfactionSurvey>(body, context, this.contracts, (reportId, facts, metadata) => ({
        type: 'RecordSatisfactionSurvey',
        data: { reportId, ...body },
        metadata,
        facts,
      })),
      context,
    );
  }
}
