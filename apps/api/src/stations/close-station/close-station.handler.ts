import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CloseStation, station, StationClosed, streams } from '@sws/stations-contracts';
import { StationCommitments } from '../../contracts/station-commitments';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CloseStationCommand } from './close-station.command';

@CommandHandler(CloseStationCommand)
export class CloseStationHandler implements ICommandHandler<CloseStationCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly commitments: StationCommitments,
  ) {}

  /** The closure claims the station's key: an award checked against an open station either lands before it or is refused. */
  execute({ stationId, body, context }: CloseStationCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'Station',
        id: stationId,
        streamId: streams.station(stationId),
        decider: station,
        mustExist: true,
        command: (_state, metadata): CloseStation => ({ type: 'CloseStation', data: { stationId, ...body }, metadata }),
        reserve: (decided) => this.commitments.closureClaim(stationId, (decided as StationClosed[])[0].data.on),
      },
      context,
    );
  }
}
