import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { versionsOf } from './decisions.repository.ts';

/**
 * Tells live boards when a decision changed. Every change raises the decision's version in the
 * database (its number of events), so the feed watches versions there: it works the same on
 * SQLite and PostgreSQL, and across several app servers sharing one database, with nothing held
 * in one process that another would need. One poll per interval serves every watcher of this
 * process; each watcher is told when the version differs from the one it last saw.
 */
interface Watcher {
  seen: number;
  onChange: (version: number) => void;
}

export class DecisionFeed {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly intervalMs = 500,
  ) {}

  /**
   * Calls `onChange` whenever decision `id` moves past version `seen` (the version of what the
   * watcher already has, so no change after it is missed); returns the unsubscribe.
   */
  watch(id: string, seen: number, onChange: (version: number) => void): () => void {
    let set = this.watchers.get(id);
    if (!set) {
      set = new Set();
      this.watchers.set(id, set);
    }
    const watcher: Watcher = { seen, onChange };
    set.add(watcher);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(id);
      if (this.watchers.size === 0) this.stop();
    };
  }

  /** Reads the versions of the watched decisions once and notifies the watchers behind them. */
  async poll(): Promise<void> {
    const ids = [...this.watchers.keys()];
    if (ids.length === 0) return;
    const rows = await versionsOf(this.db, ids).catch(() => []);
    for (const row of rows) {
      const version = Number(row.version);
      for (const watcher of this.watchers.get(row.id) ?? []) {
        if (watcher.seen === version) continue;
        watcher.seen = version;
        watcher.onChange(version);
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
