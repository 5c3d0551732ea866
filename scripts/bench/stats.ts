/** Summary statistics the bench prints. */

/** The middle value (the mean of the two middle values for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/**
 * The p-th percentile, interpolating linearly between the two nearest ranks (numpy's default):
 * over 65 pages the 90th percentile lies between the 58th and 59th smallest values.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Rounds to two decimals. */
export const round = (x: number): number => Math.round(x * 100) / 100;
