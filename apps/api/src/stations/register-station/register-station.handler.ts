import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RegisterStation, station, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RegisterStationCommand } from './register-station.command';

@CommandHandler(RegisterStationCommand)
export class RegisterStationHandler implements ICommandHandler<RegisterStationCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ body, context }: RegisterStationCommand): Promise<WriteResult> {
    const stationId = this.executor.newId(context, 'Station');
    return this.executor.execute(
      {
        recordType: 'Station',
        id: stationId,
        streamId: streams.station(stationId),
        decider: station,
        mustExist: false,
        command: (_state, metadata): RegisterStation => ({ type: 'RegisterStation', data: { stationId, ...body }, metadata }),
      },
      context,
    );
  }
}
