/**
 * Finalization says nothing but that it happens: after the operator's response, or once the
 * response window has passed. Any field sent is refused.
 */
export class FinalizeAssessmentDto {}
