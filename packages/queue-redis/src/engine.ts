/**
 * The Redis side of a `RedisQueue`: sending the outbox and acknowledgements in batches, renewing
 * the entries this process holds, and listening to the queue's events (reading is in reader.ts). Everything here runs outside the loop's
 * steps (in promise callbacks and host timers) and touches the loop only by waking futures; every
 * Redis wait a coroutine depends on holds `loop.trackExternal`, so a virtual clock does not jump
 * over it and a stuck program lists it.
 */
import { type Coroutine, QueueShutDown, RuntimeError } from "@corio/interfaces";
import type { CommandClient, Connections } from "./connection.js";
import { RedisUnavailable } from "./options.js";
import { Reader } from "./reader.js";
import type { Outgoing, RedisQueue } from "./redis-queue.js";
import { wakeAll } from "./waiters.js";

/** @internal Turns an ioredis failure into the error the caller sees. */
export function redisError(e: unknown, what: string): Error {
  const message = e instanceof Error ? e.message : String(e);
  if (/connection|closed|retries|ECONN|ETIMEDOUT|EPIPE/i.test(message)) {
    return new RedisUnavailable(`${what}: Redis is not answering: ${message}`, { cause: e });
  }
  return e instanceof Error ? e : new Error(message);
}

/** @internal */
export class Engine {
  readonly q: RedisQueue<unknown>;
  readonly cmd: CommandClient;
  readonly reader: Connections["reader"];
  readonly sub: Connections["sub"];
  readonly meta: string;
  readonly channel: string;
  readonly claimIdleMs: number;
  /** Counts `empty` events, so join() can tell one arrived while it asked. */
  emptyEpoch = 0;
  /** @internal */ private _acks: string[] = [];
  /** @internal */ private _flushQueued = false;
  /** @internal */ private _flushing: Promise<void> | null = null;
  /** @internal */ private readonly _reader: Reader;
  /** @internal */ private _shutdown: "0" | "1" | null = null;
  /** @internal */ private _timer: ReturnType<typeof setInterval> | null = null;
  /** @internal */ private _immediate: ReturnType<typeof setImmediate> | null = null;
  /** @internal */ private _forget: (() => void) | null = null;
  /** @internal */ private _closing: Promise<void> | null = null;
  /** @internal */ private _watchdog: { cancel(): void } | null = null;
  /** @internal Counts `space` events, so a put refused as full can tell one arrived while it was sent. */
  private _spaceSeen = 0;
  /** @internal A `space` event came while nobody here needed space: the counts we hold may be stale. */
  private _stale = false;

  constructor(q: RedisQueue<unknown>, conns: Connections, claimIdleMs: number) {
    this.q = q;
    this.cmd = conns.cmd;
    this.reader = conns.reader;
    this.sub = conns.sub;
    this.meta = `${q.key}:meta`;
    this.channel = `${q.key}:events`;
    this.claimIdleMs = claimIdleMs;
    this._reader = new Reader(this);
  }

  // --- awaiting Redis from a coroutine ----------------------------------------------------------

  /** Waits for `promise` in a coroutine, holding the loop open meanwhile. */
  *wait<R>(promise: Promise<R>, label: string): Coroutine<R> {
    const loop = this.q._loop;
    const fut = loop.createFuture<R>(label);
    const release = loop.trackExternal(label);
    promise.then(
      (v) => {
        if (!fut.done() && !loop.isClosed()) fut.setResult(v);
        release();
      },
      (e) => {
        if (!fut.done() && !loop.isClosed()) fut.setException(redisError(e, label));
        release();
      },
    );
    try {
      return yield* fut;
    } finally {
      release();
    }
  }

  /** @internal Runs `work` outside any coroutine: held open while it runs, failures reported. */
  private _background(label: string, work: () => Promise<void>): Promise<void> {
    const loop = this.q._loop;
    const release = loop.trackExternal(label);
    return work().then(
      () => release(),
      (e) => {
        release();
        if (!loop.isClosed()) {
          loop.callExceptionHandler({ message: label, exception: redisError(e, label) });
        }
      },
    );
  }

  /** @internal Wakes the loop after state changed outside a step. */
  _poke(): void {
    const loop = this.q._loop;
    if (!loop.isClosed()) loop.trackExternal("RedisQueue wake-up")();
  }

  /** @internal */ _view(size: number, unfinished: number): void {
    this.q._remoteSize = Math.max(0, Number(size));
    this.q._remoteUnfinished = Math.max(0, Number(unfinished));
  }

  // --- open and close -------------------------------------------------------------------------

  *open(maxsize: number | undefined): Coroutine<void> {
    const q = this.q;
    const [stored, size, unfinished, flag] = (yield* this.wait(
      this.cmd.corioOpen(q.key, this.meta, q.group, maxsize ?? ""),
      `openRedisQueue(): opening ${q.key}`,
    )) as [string, number, number, string];
    this._view(size, unfinished);
    if (maxsize !== undefined && Number(stored) !== maxsize) {
      throw new RangeError(
        `openRedisQueue(options): options.maxsize is ${maxsize} but ${q.key} was opened with maxsize ${stored}; every process must use the same bound`,
      );
    }
    q._maxsize = Number(stored);
    if (flag === "1") q._isShutdown = true;
    yield* this._reader.open();
    this.sub.on("message", (_channel: string, message: string) => this._onEvent(message));
    yield* this.wait(this.sub.subscribe(this.channel), `SUBSCRIBE ${this.channel}`);
    // Wall-clock maintenance: Redis measures idle time in real milliseconds, whatever the loop's
    // clock, so renewing and re-checking run on a host timer (unref'd, cleared at close).
    this._timer = setInterval(() => this._maintain(), Math.max(10, this.claimIdleMs / 3));
    this._timer.unref?.();
    this._forget = q._loop.addCloseCallback(() => this._dispose());
  }

  /** @internal Drops every host resource at once (the loop is closing). */
  private _dispose(): void {
    this.q._closed = true;
    if (this._timer !== null) clearInterval(this._timer);
    if (this._immediate !== null) clearImmediate(this._immediate);
    this._timer = this._immediate = null;
    this._watchdog?.cancel();
    this._watchdog = null;
    this.cmd.disconnect();
    this.reader.disconnect();
    this.sub.disconnect();
    this._forget?.();
  }

  close(): Coroutine<void> {
    this._closing ??= this._close();
    return this.wait(this._closing, `RedisQueue(${this.q.key}).close()`);
  }

  /** @internal */ private async _close(): Promise<void> {
    const q = this.q;
    q._closed = true; // from now on operations throw; what is buffered is still sent below
    try {
      await this._flushAll();
      const ids = q._inbox.splice(0).map(([id]) => id);
      if (ids.length !== 0)
        await this.cmd.corioHandBack(q.key, this.meta, this.channel, q.group, ...ids);
      await this.cmd.corioLeave(q.key, q.group, q.consumer);
      await Promise.all([this.cmd.quit(), this.sub.quit()]);
    } finally {
      const error = new RuntimeError(`RedisQueue(${q.key}) was closed`);
      for (const f of [...q._getters, ...q._putters, ...q._joiners])
        if (!f.done()) f.setException(error);
      this._dispose();
    }
  }

  // --- sending ------------------------------------------------------------------------------------

  /** Sends the outbox and the acknowledgements once the loop's current batch ends. */
  flushSoon(): void {
    if (this._flushQueued || this.q._closed) return;
    this._flushQueued = true;
    const release = this.q._loop.trackExternal(`RedisQueue(${this.q.key}): sending`);
    this._immediate = setImmediate(() => {
      this._immediate = null;
      this._flushQueued = false;
      this._flushAll().then(release, release);
    });
  }

  /** @internal */ private _flushAll(): Promise<void> {
    if (this._flushing !== null) {
      // One batch at a time keeps puts in order; come back when this one is done.
      return this._flushing.then(() => this._flushAll());
    }
    const run = this._background(`RedisQueue(${this.q.key}): sending`, () => this._flushOnce());
    this._flushing = run;
    return run.then(() => {
      this._flushing = null;
    });
  }

  /** @internal */ private async _flushOnce(): Promise<void> {
    const q = this.q;
    const jobs: Promise<void>[] = [];
    if (this._acks.length !== 0) jobs.push(this._sendAcks(this._acks.splice(0)));
    // The first items are left for getters of this process that were woken for them.
    const keep = Math.max(0, q._reserved.size - q._inbox.length);
    if (this._shutdown !== null) {
      const batch = q._outbox.splice(0);
      const immediate = this._shutdown;
      this._shutdown = null;
      jobs.push(this._sendShutdown(batch, immediate));
    } else if (q._outbox.length > keep && !q._isShutdown) {
      jobs.push(this._sendItems(q._outbox.splice(keep)));
    } else if (q._outbox.length > keep && q._isShutdown) {
      this._refuse(q._outbox.splice(keep));
    }
    if (q._inbox.length > 0 && q._getters.length === 0 && q._reserved.size === 0) {
      // Entries delivered after their getter left: back to the stream for anyone to take.
      const ids = q._inbox.splice(0).map(([id]) => id);
      jobs.push(
        this.cmd.corioHandBack(q.key, this.meta, this.channel, q.group, ...ids).then(() => {}),
      );
    }
    // Whatever failed, the waiters must look again; then the first failure is reported.
    const outcomes = await Promise.allSettled(jobs);
    q._localChanged();
    this._poke();
    for (const o of outcomes) if (o.status === "rejected") throw o.reason;
  }

  /**
   * @internal Sends `batch` with `send`, its items counted in `qsize()` until Redis answers (a
   * reader between the send and the reply would see them nowhere otherwise). If Redis fails,
   * their `put()`s fail with the error, named after `what`, those given to `putNowait()` are
   * reported lost, and the error is thrown.
   */
  private async _sendBatch(
    batch: Outgoing[],
    what: string,
    send: (data: string[]) => Promise<unknown[]>,
  ): Promise<number[]> {
    const q = this.q;
    q._sending += batch.length;
    let reply: unknown[];
    try {
      reply = await send(batch.map((o) => o.data));
    } catch (e) {
      q._sending -= batch.length;
      const error = redisError(e, what);
      for (const o of batch) o.done?.setException(error);
      this._reportLost(batch.filter((o) => o.done === null).length, error.message);
      throw error;
    }
    q._sending -= batch.length;
    return reply.map(Number);
  }

  /** @internal */ private async _sendItems(batch: Outgoing[]): Promise<void> {
    const q = this.q;
    const seen = this._spaceSeen;
    let reply: number[];
    try {
      reply = await this._sendBatch(batch, "put()", (data) =>
        this.cmd.corioPut(q.key, this.meta, q.group, q._maxsize, ...data),
      );
    } catch {
      return; // the batch's put()s failed with the error, and lost items were reported
    }
    const [added, size, unfinished] = reply as [number, number, number];
    this._view(size, unfinished);
    if (added < 0) {
      q._shutDownLocally(false);
      this._refuse(batch);
      return;
    }
    for (const o of batch.slice(0, added))
      if (o.done !== null && !o.done.done()) o.done.setResult(undefined);
    // The rest did not fit (other processes filled the queue): they wait here for space.
    if (added < batch.length) {
      q._outbox.unshift(...batch.slice(added));
      if (this._spaceSeen !== seen) this.flushSoon(); // space was freed meanwhile: try again
    }
  }

  /** @internal */ private _refuse(batch: Outgoing[]): void {
    for (const o of batch)
      o.done?.setException(new QueueShutDown("put(): the queue was shut down"));
    this._reportLost(batch.filter((o) => o.done === null).length, "the queue was shut down");
  }

  /** @internal */ private _reportLost(n: number, why: string): void {
    if (n === 0 || this.q._loop.isClosed()) return;
    this.q._loop.callExceptionHandler({
      message: `RedisQueue(${this.q.key}): ${n} item(s) given to putNowait() were not stored: ${why}`,
    });
  }

  /** @internal */ private async _sendShutdown(
    batch: Outgoing[],
    immediate: "0" | "1",
  ): Promise<void> {
    const q = this.q;
    const reply = await this._sendBatch(batch, "shutdown()", (data) =>
      this.cmd.corioShutdown(q.key, this.meta, this.channel, q.group, immediate, ...data),
    );
    const [, size, unfinished, stored] = reply as [number, number, number, number];
    this._view(size, unfinished);
    if (stored === 0) this._refuse(batch);
    else for (const o of batch) if (o.done !== null && !o.done.done()) o.done.setResult(undefined);
  }

  ack(id: string): void {
    this._acks.push(id);
    this.q._acking++;
    this.flushSoon();
  }

  /** @internal */ private async _sendAcks(ids: string[]): Promise<void> {
    const q = this.q;
    try {
      const reply = await this.cmd.corioAck(
        q.key,
        this.meta,
        this.channel,
        q.group,
        q._maxsize,
        ...ids,
      );
      const [, size, unfinished] = reply.map(Number) as [number, number, number];
      this._view(size, unfinished);
    } finally {
      // If this failed the entries stay pending: another consumer gets them again after
      // claimIdleMs (a duplicate, reported through the exception handler, never a loss).
      q._acking -= ids.length;
    }
  }

  deadLetter(id: string, e: unknown): void {
    const q = this.q;
    const reason = e instanceof Error ? e.message : String(e);
    void this._background(`RedisQueue(${q.key}): moving ${id} to ${q.key}:dead`, async () => {
      await this.cmd.corioDeadLetter(
        q.key,
        this.meta,
        this.channel,
        `${q.key}:dead`,
        q.group,
        id,
        reason,
      );
    });
  }

  shutdown(immediate: boolean): void {
    if (this._shutdown !== "1") this._shutdown = immediate ? "1" : "0";
    this.flushSoon();
  }

  // --- reading (reader.ts) ------------------------------------------------------------------------

  /** True once a read found nothing left after the shutdown flag was set in Redis. */
  get drained(): boolean {
    return this._reader.drained;
  }

  /** A getter waits: make sure somebody reads for it. */
  wantItems(): void {
    this._reader.start();
  }

  /** Wakes the blocking read (a shutdown, or no getter left to read for). */
  unblock(): void {
    this._reader.unblock();
  }

  // --- waking putters and joiners -----------------------------------------------------------------

  /**
   * A putter waits for space. Space usually comes from another process (its `space` event wakes
   * us), so the wait does not hold the loop as outside work: a virtual clock may jump while it
   * waits, as it would for a local queue. Instead a loop timer re-reads the counts every
   * `claimIdleMs / 3` while putters wait: it tells the loop it is not deadlocked, and it covers an
   * event lost while reconnecting.
   */
  wantSpace(): void {
    if (this._stale) {
      this._stale = false;
      this._refresh();
    }
    if (this._watchdog !== null || this.q._closed) return;
    this._watchdog = this.q._loop.callLater(this.claimIdleMs / 3, () => {
      this._watchdog = null;
      if (this.q._putters.length === 0 || this.q._closed) return;
      this._refresh();
      this.wantSpace();
    });
  }

  /** Redis's count of unfinished items (the stream's length), read now. */
  *unfinished(): Coroutine<number> {
    const q = this.q;
    const [size, unfinished] = yield* this.wait(
      this.cmd.corioState(q.key, this.meta, q.group),
      `RedisQueue(${q.key}).join(): counting`,
    );
    this._view(size, unfinished);
    return Number(unfinished);
  }

  /** @internal */ private _onEvent(message: string): void {
    const q = this.q;
    if (q._closed || q._loop.isClosed()) return;
    if (message === "empty") {
      this.emptyEpoch++;
      wakeAll(q._joiners);
    } else if (message === "space") {
      this._spaceSeen++;
      this._refresh();
    } else if (message === "shutdown" || message === "shutdown-immediate") {
      q._shutDownLocally(message === "shutdown-immediate");
      this.unblock();
    }
    this._poke();
  }

  /** @internal Re-reads the counts, then lets putters (and the outbox) try again. */
  private _refresh(): void {
    const q = this.q;
    if (q._putters.length === 0 && q._outbox.length === 0 && q._sending === 0) {
      this._stale = true;
      return;
    }
    void this._background(`RedisQueue(${q.key}): counting`, async () => {
      const [size, unfinished, flag] = await this.cmd.corioState(q.key, this.meta, q.group);
      this._view(size, unfinished);
      if (flag === "1") q._shutDownLocally(false);
      if (q._outbox.length !== 0) this.flushSoon();
      if (!q.full()) wakeAll(q._putters);
      this._poke();
    });
  }

  /** @internal */ private _maintain(): void {
    const q = this.q;
    if (q._closed) return;
    // Renew what this consumer holds, so no other consumer takes it over while it is worked on.
    const ids = [
      ...q._held.flatMap((h) => (h.id === null ? [] : [h.id])),
      ...q._inbox.map(([id]) => id),
    ];
    if (ids.length !== 0) {
      this.cmd.xclaim(q.key, q.group, q.consumer, 0, ...ids, "JUSTID").catch(() => {});
    }
    // A lost wake-up only delays: look again.
    this._refresh();
    if (q._joiners.length !== 0) {
      wakeAll(q._joiners);
      this._poke();
    }
  }
}
