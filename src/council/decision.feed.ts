import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { versionsOf } from './decisions.repository.ts';

/**
 * Tells live boards when a decision changed. Every change raises the decision's version in the
 * database, so the feed watches versions there: it works the same on SQLite and PostgreSQL, and
 * across several app servers sharing one database, with nothing held in one process that another
 * would need. One poll per interval serves every watcher of this process.
 */
export class DecisionFeed {
  private readonly watchers = new Map<string, Set<(version: number) => void>>();
  private readonly known = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly intervalMs = 500,
  ) {}

  /** Calls `onChange` with the new version whenever decision `id` changes; returns the unsubscribe. */
  watch(id: string, onChange: (version: number) => void): () => void {
    let set = this.watchers.get(id);
    if (!set) {
      set = new Set();
      this.watchers.set(id, set);
    }
    set.add(onChange);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      set.delete(onChange);
      if (set.size === 0) {
        this.watchers.delete(id);
        this.known.delete(id);
      }
      if (this.watchers.size === 0) this.stop();
    };
  }

  /** Reads the versions of the watched decisions once and notifies the changed ones. */
  async poll(): Promise<void> {
    const ids = [...this.watchers.keys()];
    if (ids.length === 0) return;
    const rows = await versionsOf(this.db, ids).catch(() => []);
    for (const row of rows) {
      const version = Number(row.version);
      const before = this.known.get(row.id);
      this.known.set(row.id, version);
      if (before !== undefined && before !== version)
        for (const notify of this.watchers.get(row.id) ?? []) notify(version);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
