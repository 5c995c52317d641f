import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CloseStation, station, streams } from '@sws/stations-contracts';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CloseStationCommand } from './close-station.command';

@CommandHandler(CloseStationCommand)
export class CloseStationHandler implements ICommandHandler<CloseStationCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ stationId, body, context }: CloseStationCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Station',
        id: stationId,
        streamId: streams.station(stationId),
        decider: station,
        mustExist: true,
        command: (_state, metadata): CloseStation => ({ type: 'CloseStation', data: { stationId, ...body }, metadata }),
      },
      context,
    );
  }
}
