import { Principal } from '../../../api/src/auth/principal';

/** The administrator the benchmarks read as: every read model is open to them. */
export const ADMIN_PRINCIPAL: Principal = { userId: 'bench-admin', role: 'admin', orgId: 'centre' };
