/**
 * Tag → id for a census: an open-addressing hash table in two typed arrays. A `Map` of two
 * million number keys takes about 2 s to fill and some 80 bytes a key; this takes tens of
 * milliseconds and at most 16 bytes a key (the table stays at most half full).
 */
export class TagIdTable {
  /** The table has 2^bits slots. */
  private bits = 10;
  private keys = new Int32Array(1 << this.bits);
  /** The id stored for the key in the same slot; -1 marks an empty slot. */
  private ids = new Int32Array(1 << this.bits).fill(-1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of `key` (a tag as a 32-bit integer), or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = slotOf(key, this.bits); ; slot = (slot + 1) & mask) {
      const id = this.ids[slot];
      if (id === -1 || this.keys[slot] === key) return id;
    }
  }

  /** Stores `id` (0 or more) for a key not in the table yet. */
  add(key: number, id: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    this.place(key, id);
    this.count++;
  }

  private place(key: number, id: number): void {
    const mask = this.keys.length - 1;
    let slot = slotOf(key, this.bits);
    while (this.ids[slot] !== -1) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.ids = new Int32Array(1 << this.bits).fill(-1);
    for (let slot = 0; slot < keys.length; slot++) if (ids[slot] !== -1) this.place(keys[slot], ids[slot]);
  }
}

/**
 * Fibonacci hashing (the top `bits` bits of the key times 2^32/φ): tags of one private block
 * differ only in their low bits, which this spreads over the whole table.
 */
function slotOf(key: number, bits: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bits);
}
