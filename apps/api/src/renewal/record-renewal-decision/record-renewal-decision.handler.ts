import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordRenewalDecision, renewalReview, streams } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { StationCommitments } from '../../contracts/station-commitments';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { RenewalEligibility } from '../renewal-eligibility.service';
import { SuccessorContracts } from '../successor-contracts';
import { RecordRenewalDecisionCommand } from './record-renewal-decision.command';

/**
 * Records procurement's decision with the eligibility it saw: judged as of the review's date
 * with what had been recorded at the moment of the decision, so the same question asked later
 * with `knownAt` set to that moment gives the stored answer. A renewal then awards its successor.
 */
@CommandHandler(RecordRenewalDecisionCommand)
export class RecordRenewalDecisionHandler implements ICommandHandler<RecordRenewalDecisionCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly eligibility: RenewalEligibility,
    private readonly successors: SuccessorContracts,
    private readonly commitments: StationCommitments,
  ) {}

  execute({ reviewId, body, context }: RecordRenewalDecisionCommand): Promise<WriteResult> {
    // A renewal checks and then awards its successor's stations: it holds their lock throughout.
    const exclusively = body.decision === 'do_not_renew' ? <T>(work: () => Promise<T>) => work() : <T>(work: () => Promise<T>) => this.commitments.exclusively(work);
    return exclusively(async () => {
      const result = await this.executor.execute(
        {
          recordType: 'RenewalReview',
          id: reviewId,
          streamId: streams.renewalReview(reviewId),
          decider: renewalReview,
          mustExist: true,
          command: async (state, metadata): Promise<RecordRenewalDecision> => {
            if (state.status === 'unknown') throw new Error('unreachable: the review exists');
            mustActFor(context.principal, state.purchaserOrgId, `decide review ${reviewId}`);
            const successor = body.successor && { contractId: this.executor.newId(context, 'Contract'), ...body.successor };
            // An award the contract rules would refuse (its stations held on those days) stops the decision too.
            if (successor && state.status === 'open' && body.decision !== 'do_not_renew') await this.successors.check(state.contractId, successor, metadata);
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
        },
        context,
      );
      const decision = await this.successors.decisionOf(reviewId);
      if (decision !== null) await this.successors.award(decision);
      return result;
    });
  }
}
