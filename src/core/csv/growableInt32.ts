/**
 * A list of 32-bit integers in one typed array, doubled as it fills: four bytes an entry where
 * a JavaScript array of numbers takes eight, for lists with an entry per tag of a census.
 */
export class GrowableInt32Array {
  private data: Int32Array;
  private size = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The entries so far, sharing memory with the list (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.size);
  }
}
