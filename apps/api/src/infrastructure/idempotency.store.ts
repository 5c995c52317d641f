import Database from 'better-sqlite3';

/**
 * The answers given to POSTs that carried an Idempotency-Key, so that a retry gets the first
 * answer. The events themselves are protected separately: their ids derive from the key.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS answers (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, body TEXT NOT NULL, recorded_at TEXT NOT NULL,
      PRIMARY KEY (scope, key)) WITHOUT ROWID`);
    this.statements = {
      get: this.db.prepare('SELECT fingerprint, body FROM answers WHERE scope = ? AND key = ?'),
      put: this.db.prepare('INSERT OR IGNORE INTO answers (scope, key, fingerprint, body, recorded_at) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  find(scope: string, key: string): { fingerprint: string; body: unknown } | null {
    const row = this.statements.get.get(scope, key) as { fingerprint: string; body: string } | undefined;
    return row ? { fingerprint: row.fingerprint, body: JSON.parse(row.body) } : null;
  }

  /** `body` is the answer as it was sent: JSON text. */
  remember(scope: string, key: string, fingerprint: string, body: string, recordedAt: string): void {
    this.statements.put.run(scope, key, fingerprint, body, recordedAt);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
