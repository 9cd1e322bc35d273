/** LanceDB fails concurrent deletes and merges with "Commit conflict": every write goes through here, one at a time. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
