import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type GenerateGtdOptions, generateGtd } from './gtd.generate.ts';

/**
 * Writes a synthetic GTD export: `npx tsx src/intel/gtd/gtd.generate.main.ts --rows 200000
 * --seed 1 --out file.csv [--delimiter ';'] [--latin1] [--columns 134] [--awkward] [--crlf]
 * [--bad 10,20]`. `--out -` (or none) writes to standard output.
 */
export function parseGenerateArgs(args: string[]): GenerateGtdOptions & { out: string } {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: '-' },
      delimiter: { type: 'string', default: ',' },
      latin1: { type: 'boolean', default: false },
      columns: { type: 'string', default: '135' },
      awkward: { type: 'boolean', default: false },
      crlf: { type: 'boolean', default: false },
      bad: { type: 'string', default: '' },
    },
    strict: true,
  });
  const rows = wholeNumber('--rows', values.rows);
  const seed = wholeNumber('--seed', values.seed);
  if (values.delimiter !== ',' && values.delimiter !== ';') throw new Error('--delimiter must be , or ;');
  if (values.columns !== '134' && values.columns !== '135') throw new Error('--columns must be 134 or 135');
  const badRows = values.bad === '' ? [] : values.bad.split(',').map((n) => wholeNumber('--bad', n));
  return {
    rows,
    seed,
    out: values.out,
    delimiter: values.delimiter,
    encoding: values.latin1 ? 'latin1' : 'utf8',
    columns: values.columns === '134' ? 134 : 135,
    awkward: values.awkward,
    crlf: values.crlf,
    badRows,
  };
}

function wholeNumber(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(n) || n < 0) {
    throw new Error(`${flag} needs a whole number, got ${text ?? 'nothing'}`);
  }
  return n;
}

export async function main(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseGenerateArgs>;
  try {
    options = parseGenerateArgs(args);
  } catch (error) {
    console.error(`gtd-generate: ${(error as Error).message}`);
    return 2;
  }
  const out = options.out === '-' ? process.stdout : createWriteStream(options.out);
  await pipeline(generateGtd(options), out);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
