/** A small seeded PRNG (mulberry32), so the demo data is the same on every machine. */
export class Random {
  private state: number;

  public constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  public int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  public pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  public chance(p: number): boolean {
    return this.next() < p;
  }

  /** Fills `{slot}` placeholders from `slots`; a slot may be a list (one is picked) or a function. */
  public fill(template: string, slots: Record<string, readonly string[] | (() => string)>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const slot = slots[name];
      if (slot === undefined) return whole;
      return typeof slot === 'function' ? slot() : this.pick(slot);
    });
  }
}
