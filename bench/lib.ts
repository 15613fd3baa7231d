import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured figure beside the reference measured in the same run on the same machine. */
export interface Figure {
  name: string;
  metric: string;
  unit: string;
  value: number;
  reference: { name: string; value: number };
  ratio: number;
}

export function figure(
  name: string,
  metric: string,
  unit: string,
  value: number,
  reference: Figure['reference'],
): Figure {
  return { name, metric, unit, value, reference, ratio: value / reference.value };
}

/** Writes bench/results/NAME.json and prints one line per figure with the same numbers. */
export function report(bench: string, figures: Figure[]): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${bench}.json`),
    `${JSON.stringify(figures.length === 1 ? figures[0] : figures, null, 2)}\n`,
  );
  for (const f of figures) {
    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(
      `${bench}: ${f.name}: ${round(f.value)} ${f.unit} (${f.metric}); reference ${f.reference.name}: ${round(f.reference.value)} ${f.unit}; ratio ${f.ratio.toFixed(3)}`,
    );
  }
}
