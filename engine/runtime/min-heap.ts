/** A binary min-heap ordered by `due`. */
export interface DueEntry {
  due: number;
  key: number;
  kind: 'timer' | 'message';
}

export class MinHeap {
  private readonly items: DueEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): DueEntry | undefined {
    return this.items[0];
  }

  push(entry: DueEntry): void {
    const items = this.items;
    items.push(entry);
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if (items[parent].due <= items[index].due) break;
      [items[parent], items[index]] = [items[index], items[parent]];
      index = parent;
    }
  }

  pop(): DueEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    items[0] = last;
    for (let index = 0; ; ) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && items[left].due < items[smallest].due) smallest = left;
      if (right < items.length && items[right].due < items[smallest].due) smallest = right;
      if (smallest === index) break;
      [items[smallest], items[index]] = [items[index], items[smallest]];
      index = smallest;
    }
    return top;
  }
}
