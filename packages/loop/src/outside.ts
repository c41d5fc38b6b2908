/**
 * Work outside the loop, where I/O packages plug in: `trackExternal` tokens (something outside may
 * still schedule work, so a virtual clock must not jump and the loop is not deadlocked) and close
 * callbacks (host resources to release when the loop closes).
 */
/** One tracked operation, linked into the list of those not released yet. */
interface Token {
  readonly label: string;
  prev: Token | null;
  next: Token | null;
}

export class Outside {
  // A list linked through the tokens, oldest first: tracking and releasing touch two neighbours,
  // where a Set hashed every token (a read per message on a socket takes one).
  private head: Token | null = null;
  private tail: Token | null = null;
  private count = 0;
  private readonly closers = new Set<() => void>();

  /** How many tracked operations are not released yet. */
  get pending(): number {
    return this.count;
  }

  /** The labels of the tracked operations, oldest first, for listings. */
  labels(): string[] {
    const labels: string[] = [];
    for (let t = this.head; t !== null; t = t.next) labels.push(t.label);
    return labels;
  }

  /** Tracks one operation; the returned function releases it (once) and calls `onRelease`. */
  track(label: string, onRelease: () => void): () => void {
    const token: Token = { label, prev: this.tail, next: null };
    if (this.tail === null) this.head = token;
    else this.tail.next = token;
    this.tail = token;
    this.count++;
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      if (token.prev === null) this.head = token.next;
      else token.prev.next = token.next;
      if (token.next === null) this.tail = token.prev;
      else token.next.prev = token.prev;
      // A release function kept by its caller must not keep its old neighbours alive.
      token.prev = token.next = null;
      this.count--;
      onRelease();
    };
  }

  /** Registers a close callback; the returned function unregisters it. */
  addCloser(callback: () => void): () => void {
    // A wrapper per registration, so the same function registered twice runs twice.
    const entry = () => callback();
    this.closers.add(entry);
    return () => {
      this.closers.delete(entry);
    };
  }

  /** Runs every close callback once, newest first; `report` gets what one throws. */
  runClosers(report: (error: unknown) => void): void {
    const closers = [...this.closers].reverse();
    this.closers.clear();
    for (const closer of closers) {
      try {
        closer();
      } catch (error) {
        report(error);
      }
    }
  }
}
