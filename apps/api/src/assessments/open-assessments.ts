import { Injectable, OnModuleInit } from '@nestjs/common';
import { AssessmentRef, StationAssessment, stationAssessmentsLedger, StationOpenAssessments, streams } from '@sws/assessment';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/**
 * One assessment per station, period and assessor kind: none while another is open, none once
 * one is finalized (until it is annulled). The rule of the `StationAssessments-<stationId>`
 * reservation streams, which starting an assessment claims; a withdrawal or an annulment frees
 * the period in the assessment's own stream, where a later start finds it.
 */
@Injectable()
export class OpenAssessments implements OnModuleInit {
  constructor(private readonly legacy: LegacyRecords) {}

  onModuleInit(): void {
    // A station assessed before its key existed: its open and counting assessments, as their read model has them.
    this.legacy.register(stationAssessmentsLedger, async (stationId, document) => {
      const open = await document<StationOpenAssessments>('open-assessments', stationId);
      return (open?.assessments ?? []).map(({ assessmentId, period, assessorKind, status }) => ({
        recordStreamId: streams.assessment(assessmentId),
        value: { assessmentId, period, assessorKind, status },
      }));
    });
  }

  /** The station's open and counting assessments, from its key. */
  async of(stationId: string, keys: KeyReads): Promise<StationAssessment[]> {
    return (await keys.entries(stationAssessmentsLedger, stationId)).map((entry) => entry.value);
  }

  /** A new assessment's claim on its period. */
  claim({ assessmentId, stationId, period, assessorKind }: AssessmentRef): Reservation {
    return { claims: [{ ledger: stationAssessmentsLedger, id: stationId, value: { assessmentId, period, assessorKind, status: 'draft' } }] };
  }
}
