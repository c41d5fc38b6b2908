// The jobs of W10, loaded by corio's and Piscina's worker threads alike (plain ESM, no build).

/** A small job: almost no work, so the pool's own cost per job is what gets measured. */
export function small(i) {
  return i * 2;
}

/** A CPU-heavy job: `rounds` rounds of integer mixing (a few ms at the full size). */
export function heavy(rounds) {
  let h = 0x811c9dc5;
  for (let i = 0; i < rounds; i++) {
    h ^= i & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Piscina calls the default export with one argument; `{ fn, arg }` picks the job. */
export default function dispatch({ fn, arg }) {
  return fn === "small" ? small(arg) : heavy(arg);
}
