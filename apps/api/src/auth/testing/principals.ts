import { Principal } from '../principal';

/** The county guidance centre's administrator, who registers reference data. */
export const ADMIN: Principal = { userId: 'admin-liu', role: 'admin', orgId: 'centre-370112' };

export const operatorOf = (orgId: string, userId = `operator@${orgId}`): Principal => ({ userId, role: 'operator', orgId });
export const procurementOf = (orgId: string, userId = `procurement@${orgId}`): Principal => ({ userId, role: 'procurement', orgId });
export const evaluatorOf = (orgId: string, userId = `evaluator@${orgId}`): Principal => ({ userId, role: 'evaluator', orgId });
export const supervisorOf = (orgId: string, supervisorId: string, userId = `supervisor@${supervisorId}`): Principal => ({
  userId,
  role: 'supervisor',
  orgId,
  supervisorId,
});
export const socialWorkerOf = (orgId: string, socialWorkerId: string, userId = `worker@${socialWorkerId}`): Principal => ({
  userId,
  role: 'social_worker',
  orgId,
  socialWorkerId,
});
