/**
 * Work outside the loop, where I/O packages plug in: `trackExternal` tokens (something outside may
 * still schedule work, so a virtual clock must not jump and the loop is not deadlocked) and close
 * callbacks (host resources to release when the loop closes).
 */
export class Outside {
  private readonly external = new Set<{ label: string }>();
  private readonly closers = new Set<() => void>();

  /** How many tracked operations are not released yet. */
  get pending(): number {
    return this.external.size;
  }

  /** The labels of the tracked operations, for listings. */
  labels(): string[] {
    return [...this.external].map((e) => e.label);
  }

  /** Tracks one operation; the returned function releases it (once) and calls `onRelease`. */
  track(label: string, onRelease: () => void): () => void {
    const token = { label };
    this.external.add(token);
    return () => {
      if (this.external.delete(token)) onRelease();
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
