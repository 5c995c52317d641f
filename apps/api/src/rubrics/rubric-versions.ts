import { Injectable, OnModuleInit } from '@nestjs/common';
import { latestVersionIn, RubricVersions as RubricVersionsDocument, rubricVersionsLedger, streams } from '@sws/assessment';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/** The versions of a rubric follow each other: the rule of the `RubricVersions-<code>` reservation streams, which publishing claims. */
@Injectable()
export class RubricVersions implements OnModuleInit {
  constructor(private readonly legacy: LegacyRecords) {}

  onModuleInit(): void {
    // A code published before its key existed: its versions, from the rubric versions read model.
    this.legacy.register(rubricVersionsLedger, async (code, document) => {
      const versions = await document<RubricVersionsDocument>('rubric-versions', code);
      return (versions?.versions ?? []).map(({ version }) => ({ recordStreamId: streams.rubric(code, version), value: { version } }));
    });
  }

  /** The code's highest published version (retired or not), from its key. */
  async latestOf(code: string, keys: KeyReads): Promise<number | null> {
    return latestVersionIn(await keys.entries(rubricVersionsLedger, code));
  }

  claim(code: string, version: number): Reservation {
    return { claims: [{ ledger: rubricVersionsLedger, id: code, value: { version } }] };
  }
}
