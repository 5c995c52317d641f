import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventMetadata } from '@sws/kernel';
import { RecordRenewalDecision, RenewalDecisionRecorded, renewalReview, streams } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RenewalEligibility } from '../renewal-eligibility.service';
import { SuccessorContracts } from '../successor-contracts';
import { RecordRenewalDecisionCommand } from './record-renewal-decision.command';

/**
 * Records procurement's decision with the eligibility it saw: judged as of the review's date
 * with what had been recorded at the moment of the decision, so the same question asked later
 * with `knownAt` set to that moment gives the stored answer. A renewal claims the stations for
 * its successor and awards it with the decision, as one reserved write.
 */
@CommandHandler(RecordRenewalDecisionCommand)
export class RecordRenewalDecisionHandler implements ICommandHandler<RecordRenewalDecisionCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly eligibility: RenewalEligibility,
    private readonly successors: SuccessorContracts,
  ) {}

  execute({ reviewId, body, context }: RecordRenewalDecisionCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'RenewalReview',
        id: reviewId,
        streamId: streams.renewalReview(reviewId),
        decider: renewalReview,
        mustExist: true,
        command: async (state, metadata, _history, keys): Promise<RecordRenewalDecision> => {
          if (state.status === 'unknown') throw new Error('unreachable: the review exists');
          mustActFor(context.principal, state.purchaserOrgId, `decide review ${reviewId}`);
          const successor = body.successor && { contractId: this.executor.newId(context, 'Contract'), ...body.successor };
          // An award the contract rules would refuse (its stations held on those days) stops the decision too.
          if (successor && state.status === 'open' && body.decision !== 'do_not_renew') await this.successors.check(state.contractId, successor, metadata, keys);
          const { judgement } = await this.eligibility.judge(state.contractId, { asOf: state.asOf, knownAt: metadata.now, replay: true });
          const { conditions, ...rest } = body;
          return {
            type: 'RecordRenewalDecision',
            data: {
              reviewId,
              ...rest,
              successor,
              conditions: conditions && { rectificationId: this.executor.newId(context, 'Rectification'), ...conditions },
            },
            metadata,
            facts: { eligibility: judgement },
          };
        },
        reserve: async (_decided, recorded, keys) => {
          const decision = recorded[0] as { data: RenewalDecisionRecorded['data']; metadata: EventMetadata };
          const award = await this.successors.awardOf(decision, keys, decision.metadata.recordedAt);
          return award && { ...award.reservation, followUps: [{ streamId: award.streamId, events: award.events }] };
        },
      },
      context,
    );
  }
}
