/** Small helpers for benchmark figures. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    await fn(item);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 0);
}
