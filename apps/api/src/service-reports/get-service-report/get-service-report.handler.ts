import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { serviceOutputId, ServiceOutputMonth } from '@sws/stations-contracts';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetServiceReportQuery } from './get-service-report.query';

/** A station's month as it stands: the latest output and survey, and every report that came before. */
@QueryHandler(GetServiceReportQuery)
export class GetServiceReportHandler implements IQueryHandler<GetServiceReportQuery, ReadResponse<ServiceOutputMonth>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ stationId, month, minPosition, caller }: GetServiceReportQuery): Promise<ReadResponse<ServiceOutputMonth>> {
    const id = serviceOutputId(stationId, month);
    const { document, position } = await this.readModels.read<ServiceOutputMonth>('service-output', id, minPosition);
    const report = found('ServiceReport', id, document);
    assertMayRead(caller, 'serviceReport', report);
    return { data: report, position };
  }
}
