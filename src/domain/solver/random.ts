// A small seeded pseudo-random generator (sfc32), so that the solver is
// deterministic: the same seed always gives the same sequence. Never
// Math.random in the domain.

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    // Spread the seed over the state with splitmix32, then warm up, so that
    // neighbouring seeds (1, 2, 3...) give unrelated sequences.
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next() | 1
    for (let i = 0; i < 16; i++) this.nextUint32()
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** A uniform integer in [0, n); n must be at least 1. */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
}
