import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CloseStation, station, streams } from '@sws/stations-contracts';
import { StationCommitments } from '../../contracts/station-commitments';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CloseStationCommand } from './close-station.command';

@CommandHandler(CloseStationCommand)
export class CloseStationHandler implements ICommandHandler<CloseStationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly commitments: StationCommitments,
  ) {}

  /** Under the stations' lock: an award checked against an open station must not find it closed as it lands. */
  execute({ stationId, body, context }: CloseStationCommand): Promise<WriteResult> {
    return this.commitments.exclusively(() => this.executor.execute(
      {
        recordType: 'Station',
        id: stationId,
        streamId: streams.station(stationId),
        decider: station,
        mustExist: true,
        command: (_state, metadata): CloseStation => ({ type: 'CloseStation', data: { stationId, ...body }, metadata }),
      },
      context,
    ));
  }
}
