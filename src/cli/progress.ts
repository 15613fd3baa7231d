/**
 * A progress line on standard error for long imports: a bar when the size is known, the count
 * and the rate. On a terminal it redraws in place; otherwise it writes a line every few seconds.
 */
export function progressLine(total: number | null, unit: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return {
    update(records: number, bytes: number) {
      const now = Date.now();
      if (!tty && now - lastLine < 5000) return;
      lastLine = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const rate = Math.round(records / seconds).toLocaleString('en');
      const share = total ? Math.min(bytes / total, 1) : null;
      const bar =
        share === null
          ? ''
          : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
      const line = `${bar}${records.toLocaleString('en')} ${unit}, ${rate} ${unit}/s`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
