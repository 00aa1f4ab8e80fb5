// Reproducible random draws for generated events. mulberry32, in 32-bit integer arithmetic: a period of
// 2^32, so a stream does not repeat itself. (An LCG computed in doubles lost precision and fell into a
// cycle of about 10,000 draws: 120,000 generated events were then about 400 distinct ones.)
export function randomSource(seed) {
  let state = seed;
  const rand = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    rand,
    pick: (list) => list[Math.floor(rand() * list.length)],
    /** `n` hexadecimal digits, upper-case unless `lower`. */
    hex: (n, lower = false) => Array.from({ length: n }, () => (lower ? '0123456789abcdef' : '0123456789ABCDEF')[Math.floor(rand() * 16)]).join(''),
  };
}
