/**
 * Reading for a `RedisQueue`: while getters wait, one loop hands them entries, first by taking over
 * entries that a dead consumer left idle (`XAUTOCLAIM`, every `claimIdleMs / 2`), then without
 * blocking (the READ script, which also reports the counts and the shutdown flag), then blocking
 * in `XREADGROUP` on a connection of its own, for at most `claimIdleMs / 2` (and at most a
 * second) at a time. The wait is registered with `loop.trackExternal`: a waiting `get()` is
 * outside work, as any I/O is.
 */
import type { Coroutine } from "@corio/interfaces";
import { type Engine, redisError } from "./engine.js";
import { wakeAll } from "./waiters.js";

type Entry = [string, string[] | null];

/** The longest a blocking read waits before it looks again (ms). */
const MAX_BLOCK_MS = 1000;

/** @internal */
export class Reader {
  /** True once a read found nothing left after the shutdown flag was set in Redis. */
  drained = false;
  /** @internal Wake-ups asked for so far (see `unblock`). */ private _wakes = 0;
  /** @internal */ private readonly _e: Engine;
  /** @internal */ private _reading = false;
  /** @internal */ private _readerId: number | null = null;
  /** @internal */ private _lastClaim = 0;

  constructor(engine: Engine) {
    this._e = engine;
  }

  /** Learns the blocking connection's id (for `CLIENT UNBLOCK`), again after each reconnection. */
  *open(): Coroutine<void> {
    const conn = this._e.reader;
    this._readerId = Number(yield* this._e.wait(conn.client("ID"), "CLIENT ID"));
    conn.on("ready", () => {
      conn.client("ID").then(
        (id) => {
          this._readerId = Number(id);
        },
        () => {},
      );
    });
  }

  /** A getter waits: make sure the loop runs. */
  start(): void {
    if (this._reading || this._e.q._closed) return;
    this._reading = true;
    void this._loop().finally(() => {
      this._reading = false;
    });
  }

  /**
   * Wakes the blocking read (a shutdown, or no getter left to read for). A wake-up that comes
   * between the non-blocking read and the blocking one is counted, so the loop reads again instead
   * of blocking on a state it has not seen.
   */
  unblock(): void {
    this._wakes++;
    if (this._readerId === null || !this._reading || this._e.q._closed) return;
    this._e.cmd.client("UNBLOCK", this._readerId).catch(() => {});
  }

  /** @internal */ private async _loop(): Promise<void> {
    const e = this._e;
    const q = e.q;
    const label = `RedisQueue(${q.key}).get(): reading`;
    for (;;) {
      const wakes = this._wakes;
      const need = q._getters.filter((f) => !f.done()).length;
      if (need === 0 || q._closed) return;
      const release = q._loop.trackExternal(label);
      let entries: Entry[] = [];
      let failure: Error | null = null;
      try {
        entries = await this._claim(need);
        if (entries.length === 0) {
          const [got, size, unfinished, flag] = await e.cmd.corioRead(
            q.key,
            e.meta,
            e.channel,
            q.group,
            q.consumer,
            need,
            q._maxsize,
          );
          e._view(size, unfinished);
          entries = got as Entry[];
          if (flag === "1" && !q._isShutdown) q._shutDownLocally(false);
          if (flag === "1" && entries.length === 0 && q._outbox.length === 0) this.drained = true;
        }
        if (entries.length === 0 && !this.drained && !q._immediate && this._wakes === wakes) {
          const reply = (await e.reader.xreadgroup(
            "GROUP",
            q.group,
            q.consumer,
            "COUNT",
            need,
            "BLOCK",
            // A wake-up sent on the other connection can still reach Redis just before this read
            // starts blocking; a short block bounds what such a miss costs.
            Math.min(Math.ceil(e.claimIdleMs / 2), MAX_BLOCK_MS),
            "STREAMS",
            q.key,
            ">",
          )) as [string, Entry[]][] | null;
          entries = reply?.[0]?.[1] ?? [];
          // Tell putters elsewhere that this may have made room (the READ script does it itself).
          if (entries.length !== 0 && q._maxsize > 0) {
            e.cmd.publish(e.channel, "space").catch(() => {});
          }
        }
      } catch (err) {
        failure = redisError(err, "get()");
      }
      if (!q._loop.isClosed()) {
        if (failure !== null) {
          for (const f of q._getters.splice(0)) if (!f.done()) f.setException(failure);
        }
        this._deliver(entries);
        if (this.drained || q._immediate) wakeAll(q._getters);
      }
      release();
      if (failure !== null) return;
    }
  }

  /** @internal Takes over entries that a consumer left idle for `claimIdleMs` (it died, most likely). */
  private async _claim(need: number): Promise<Entry[]> {
    // Redis measures idle time on the wall clock, whatever the loop's clock is.
    const now = Date.now();
    const e = this._e;
    if (now - this._lastClaim < e.claimIdleMs / 2) return [];
    this._lastClaim = now;
    const q = e.q;
    const reply = (await e.cmd.xautoclaim(
      q.key,
      q.group,
      q.consumer,
      Math.ceil(e.claimIdleMs),
      "0-0",
      "COUNT",
      need,
    )) as [string, Entry[]];
    return reply[1].filter((entry) => entry[1] !== null);
  }

  /** @internal */ private _deliver(entries: Entry[]): void {
    const q = this._e.q;
    for (const [id, fields] of entries) {
      q._inbox.push([id, fields![1]!]);
      q._wakeGetter();
    }
    if (q._inbox.length > q._reserved.size) this._e.flushSoon(); // hands the surplus back
  }
}
