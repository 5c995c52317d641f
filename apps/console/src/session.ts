import { reactive } from 'vue';

/** Who is signed in: the one piece of state every page shares. The token lives in this tab's sessionStorage only. */
export interface Me {
  readonly userId: string;
  readonly role: 'admin' | 'procurement' | 'operator' | 'evaluator' | 'supervisor' | 'social_worker';
  readonly orgId: string;
  readonly organizationName: string | null;
  readonly name: string | null;
  readonly socialWorkerId?: string;
  readonly supervisorId?: string;
  readonly today: string;
}

const TOKEN_KEY = 'sws.token';

export const session = reactive<{ token: string | null; me: Me | null }>({ token: sessionStorage.getItem(TOKEN_KEY), me: null });

export function signedIn(token: string, me: Me): void {
  session.token = token;
  session.me = me;
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut(): void {
  session.token = null;
  session.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The signed-in person's role; pages are reached only once someone is signed in. */
export function me(): Me {
  if (!session.me) throw new Error('no one is signed in');
  return session.me;
}
