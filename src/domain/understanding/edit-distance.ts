// Typos: the optimal-string-alignment distance (a letter missing, extra, wrong, or two
// swapped), computed only as far as a budget, since almost every pair is far apart.

/** The distance of a and b when it is at most `max`, otherwise undefined. */
export function withinEdits(a: string, b: string, max: number): number | undefined {
  // A length difference is a lower bound of the distance (and a negative budget is spent).
  // Stryker disable next-line all: an early exit; the table below gives the same answer
  if (Math.abs(a.length - b.length) > max) return undefined;
  // Stryker disable next-line all: an early exit; the table below gives the same answer
  if (a === b) return 0;
  const n = b.length;
  // Stryker disable next-line all: read only from the second row on, after it was replaced
  let prevPrev: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      // Stryker disable next-line all: the row's best only serves the early exit below
      if (d < best) best = d;
    }
    // Stryker disable next-line all: an early exit; the last row gives the same answer
    if (best > max) return undefined;
    prevPrev = prev;
    prev = row;
  }
  const distance = prev[n]!;
  return distance <= max ? distance : undefined;
}
