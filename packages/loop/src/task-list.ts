/**
 * The loop's registry of live tasks: a doubly linked list threaded through the tasks themselves.
 *
 * It replaces a `Set`: adding and removing a task is a few field writes, with no hashing (a Set
 * has to give every task an identity hash) and no table to grow, rehash or shrink. That matters
 * when a program creates and finishes hundreds of thousands of tasks. Iteration is in creation
 * order, like a Set's; callers that add or remove tasks while iterating copy the list first.
 *
 * @internal
 */
export interface Linked {
  _prevLive?: Linked | null;
  _nextLive?: Linked | null;
}

/** @internal A Set-like list of live tasks (see {@link Linked}). */
export class TaskList<T extends object> implements Iterable<T> {
  private _head: Linked | null = null;
  private _tail: Linked | null = null;
  /** Number of tasks in the list. */
  size = 0;

  add(task: T): void {
    const node = task as Linked;
    if (this.has(task)) return;
    node._prevLive = this._tail;
    node._nextLive = null;
    if (this._tail === null) this._head = node;
    else this._tail._nextLive = node;
    this._tail = node;
    this.size++;
  }

  /** Removes `task`; returns false if it was not in the list. */
  delete(task: T): boolean {
    const node = task as Linked;
    if (!this.has(task)) return false;
    const prev = node._prevLive ?? null;
    const next = node._nextLive ?? null;
    if (prev === null) this._head = next;
    else prev._nextLive = next;
    if (next === null) this._tail = prev;
    else next._prevLive = prev;
    node._prevLive = null;
    node._nextLive = null;
    this.size--;
    return true;
  }

  has(task: T): boolean {
    const node = task as Linked;
    return this._head === node || (node._prevLive !== undefined && node._prevLive !== null);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let node = this._head; node !== null; ) {
      const next = node._nextLive ?? null;
      yield node as T;
      node = next;
    }
  }
}
