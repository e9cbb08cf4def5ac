/** One benchmark: `npm run bench -- NAME` runs those whose name starts with NAME. */
export interface Benchmark {
  name: string;
  description: string;
  /** Runs the benchmark and returns the rows to print; each row is one measured configuration. */
  run(): Promise<BenchTable>;
}

export interface BenchTable {
  title: string;
  rows: Record<string, string | number | boolean>[];
  /** Free-text lines printed under the table: baseline, target, verdict. */
  notes?: string[];
}
