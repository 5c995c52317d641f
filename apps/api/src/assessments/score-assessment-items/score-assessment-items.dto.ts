import { ItemScoreDto, ScoresProperty } from '../item-score.dto';

/** Scores some or all items of a draft; an item scored again takes its new points. */
export class ScoreAssessmentItemsDto {
  @ScoresProperty()
  scores!: ItemScoreDto[];
}
