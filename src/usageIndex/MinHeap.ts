/**
 * A binary min-heap over items ordered by `before` (negative when `a` comes first), for merging
 * sorted runs: `peek` the first item, `fixTop` after its key grew, `pop` to drop it. O(log n) each.
 */
export class MinHeap<T> {
  private readonly items: T[];

  constructor(
    items: readonly T[],
    private readonly before: (a: T, b: T) => number,
  ) {
    this.items = [...items];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  /** The first item. Throws RangeError when the heap is empty (a programmer error). */
  peek(): T {
    if (this.items.length === 0) throw new RangeError('MinHeap.peek on an empty heap');
    return this.items[0]!;
  }

  /** Restores the order after the first item's key changed. */
  fixTop(): void {
    this.down(0);
  }

  /** Removes the first item. */
  pop(): void {
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      this.down(0);
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.before(this.items[l]!, this.items[m]!) < 0) m = l;
      if (r < n && this.before(this.items[r]!, this.items[m]!) < 0) m = r;
      if (m === i) return;
      [this.items[i], this.items[m]] = [this.items[m]!, this.items[i]!];
      i = m;
    }
  }
}
