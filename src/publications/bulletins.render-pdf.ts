import PDFDocument from 'pdfkit';
import { rank } from '../intel/tlp.rules.ts';
import { fontBytes, runsOf, type Script, type Weight } from './bulletins.fonts.ts';
import {
  type BulletinTexts,
  formatDate,
  formatNumber,
  stateName,
  TEXTS,
  TLP_COLOURS,
  tlpLabel,
} from './bulletins.texts.ts';
import type { Language, Overview, Snapshot } from './bulletins.types.ts';

/**
 * A bulletin as PDF, with pdfkit: no browser, fonts from npm. Every page carries the
 * bulletin's marking in a black band at its top and at its bottom, in the TLP 2.0 colour;
 * charts are vector graphics (bars per state and per month or year).
 */

/** The bars' colour (kept apart from every TLP colour, so a reader never confuses the two). */
export const CHART_COLOUR = '#1F6FB2';
const INK = '#1A1A1A';
const MUTED = '#555555';
const HEADING = '#0B3D6E';
const RULE = '#C8D0DA';
const MARGIN = { top: 72, bottom: 72, left: 50, right: 50 };
const BAND = 26;

/**
 * Chinese is set without OpenType features: it needs no ligatures or kerning, and laying out the
 * large Chinese font with them is many times slower.
 */
const featuresOf = (script: Script) =>
  script === 'cjk' ? { features: [] as PDFKit.Mixins.OpenTypeFeatures[] } : {};

interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

interface WriteOptions {
  x?: number;
  y?: number;
  width?: number;
  size?: number;
  weight?: Weight;
  colour?: string;
  align?: 'left' | 'right' | 'center';
  lineBreak?: boolean;
}

class Printer {
  readonly doc: PDFKit.PDFDocument;
  readonly t: BulletinTexts;
  private readonly registered = new Set<string>();

  constructor(
    readonly snapshot: Snapshot,
    readonly language: Language,
  ) {
    this.t = TEXTS[language];
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      info: {
        Title: snapshot.title,
        Author: 'SCO RATS Information Center',
        Subject: tlpLabel(snapshot.marking.tlp),
        Keywords: tlpLabel(snapshot.marking.tlp),
      },
    });
  }

  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private font(script: Script, weight: Weight) {
    const name = `${script}-${weight}`;
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, fontBytes(script, weight));
      this.registered.add(name);
    }
    this.doc.font(name);
  }

  /** Writes text in as many runs as it has scripts; returns the y below it. */
  write(text: string, o: WriteOptions = {}): number {
    const { doc } = this;
    const runs = runsOf(text.length ? text : ' ');
    doc.fontSize(o.size ?? 10).fillColor(o.colour ?? INK);
    const options = {
      width: o.width ?? this.width,
      align: o.align ?? 'left',
      lineBreak: o.lineBreak ?? true,
    };
    runs.forEach((run, i) => {
      this.font(run.script, o.weight ?? 'regular');
      const continued = i < runs.length - 1;
      const set = { ...options, ...featuresOf(run.script), continued };
      if (i === 0) doc.text(run.text, o.x ?? MARGIN.left, o.y ?? doc.y, set);
      else doc.text(run.text, set);
    });
    return doc.y;
  }

  /**
   * One line of text, never wrapped: each run placed at its measured position (pdfkit's own
   * alignment does not carry across font changes), shortened with an ellipsis to fit `width`.
   */
  line(text: string, o: WriteOptions & { x: number; y: number; width: number }) {
    const { doc } = this;
    const size = o.size ?? 10;
    const weight = o.weight ?? 'regular';
    const widthOf = (t: string) =>
      runsOf(t).reduce((sum, run) => {
        this.font(run.script, weight);
        return sum + doc.fontSize(size).widthOfString(run.text, featuresOf(run.script));
      }, 0);
    let shown = text;
    if (widthOf(shown) > o.width) {
      const room = o.width - widthOf('…');
      let used = 0;
      let kept = '';
      for (const char of text) {
        used += widthOf(char);
        if (used > room) break;
        kept += char;
      }
      shown = `${kept}…`;
    }
    const total = widthOf(shown);
    let x =
      o.align === 'right' ? o.x + o.width - total : o.align === 'center' ? o.x + (o.width - total) / 2 : o.x;
    doc.fillColor(o.colour ?? INK);
    for (const run of runsOf(shown)) {
      this.font(run.script, weight);
      doc.fontSize(size).text(run.text, x, o.y, { lineBreak: false, ...featuresOf(run.script) });
      x += doc.widthOfString(run.text, featuresOf(run.script));
    }
  }

  /**
   * The height text would take at a width: the most it takes in any of the fonts it is set in,
   * since runs of several fonts wrap as the widest of them would.
   */
  measure(text: string, width: number, size = 9, weight: Weight = 'regular'): number {
    const scripts = new Set(runsOf(text.length ? text : ' ').map((r) => r.script));
    let height = 0;
    for (const script of scripts) {
      this.font(script, weight);
      height = Math.max(
        height,
        this.doc.fontSize(size).heightOfString(text, { width, ...featuresOf(script) }),
      );
    }
    return height;
  }

  /** Starts a new page unless `height` more fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGIN.bottom) {
      this.doc.addPage();
      this.doc.y = MARGIN.top;
    }
  }

  heading(text: string) {
    this.ensure(60);
    this.doc.moveDown(0.8);
    this.write(text, { size: 15, weight: 'bold', colour: HEADING });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + this.width, y)
      .lineWidth(0.8)
      .stroke(RULE);
    this.doc.y = y + 8;
  }

  paragraph(text: string, colour = INK) {
    this.ensure(30);
    this.write(text, { size: 10, colour });
    this.doc.moveDown(0.4);
  }

  /** A table whose header row is repeated on every page it runs over. */
  table(columns: Column[], rows: string[][]) {
    const pad = 4;
    const header = () => {
      const h =
        Math.max(...columns.map((c) => this.measure(c.label, c.width - 2 * pad, 8.5, 'bold'))) + 2 * pad;
      this.ensure(h + 20);
      const y = this.doc.y;
      this.doc.rect(MARGIN.left, y, this.width, h).fill('#E6ECF3');
      let x = MARGIN.left;
      for (const c of columns) {
        this.write(c.label, {
          x: x + pad,
          y: y + pad,
          width: c.width - 2 * pad,
          size: 8.5,
          weight: 'bold',
          align: c.align ?? 'left',
        });
        x += c.width;
      }
      this.doc.y = y + h;
    };
    header();
    for (const row of rows) {
      const h = Math.max(...columns.map((c, i) => this.measure(row[i] ?? '', c.width - 2 * pad))) + 2 * pad;
      if (this.doc.y + h > this.doc.page.height - MARGIN.bottom) {
        this.doc.addPage();
        this.doc.y = MARGIN.top;
        header();
      }
      const y = this.doc.y;
      let x = MARGIN.left;
      columns.forEach((c, i) => {
        this.write(row[i] ?? '', {
          x: x + pad,
          y: y + pad,
          width: c.width - 2 * pad,
          size: 9,
          align: c.align ?? 'left',
        });
        x += c.width;
      });
      this.doc
        .moveTo(MARGIN.left, y + h)
        .lineTo(MARGIN.left + this.width, y + h)
        .lineWidth(0.4)
        .stroke(RULE);
      this.doc.y = y + h;
    }
    this.doc.moveDown(0.6);
  }

  /** Horizontal bars, one per label, with the value after each bar. */
  hbars(title: string, items: { label: string; value: number }[]) {
    const row = 16;
    const labelWidth = 140;
    const area = this.width - labelWidth - 50;
    const max = Math.max(1, ...items.map((i) => i.value));
    this.ensure(30 + Math.min(items.length, 6) * row);
    this.write(title, { size: 10.5, weight: 'bold' });
    this.doc.moveDown(0.3);
    for (const item of items) {
      this.ensure(row);
      const y = this.doc.y;
      this.line(item.label, {
        x: MARGIN.left,
        y: y + 2,
        width: labelWidth - 6,
        size: 8.5,
      });
      const w = Math.max(1, (item.value / max) * area);
      this.doc.rect(MARGIN.left + labelWidth, y + 2, w, row - 5).fill(CHART_COLOUR);
      this.line(String(item.value), { x: MARGIN.left + labelWidth + w + 4, y: y + 2, width: 46, size: 8.5 });
      this.doc.y = y + row;
    }
    this.doc.moveDown(0.8);
  }

  /** Vertical bars over time, with a baseline and the labels under it. */
  vbars(title: string, items: { label: string; value: number }[]) {
    const height = 140;
    this.ensure(height + 60);
    this.write(title, { size: 10.5, weight: 'bold' });
    this.doc.moveDown(0.5);
    const top = this.doc.y + 12;
    const base = top + height;
    const max = Math.max(1, ...items.map((i) => i.value));
    const slot = this.width / Math.max(1, items.length);
    const bar = Math.max(2, slot * 0.7);
    this.doc
      .moveTo(MARGIN.left, base)
      .lineTo(MARGIN.left + this.width, base)
      .lineWidth(0.8)
      .stroke(MUTED);
    items.forEach((item, i) => {
      const x = MARGIN.left + i * slot + (slot - bar) / 2;
      const h = (item.value / max) * height;
      if (h > 0) this.doc.rect(x, base - h, bar, h).fill(CHART_COLOUR);
      if (item.value > 0)
        this.line(String(item.value), {
          x: MARGIN.left + i * slot,
          y: base - h - 10,
          width: slot,
          size: 7,
          align: 'center',
        });
      item.label.split('\n').forEach((text, n) => {
        this.line(text, {
          x: MARGIN.left + i * slot,
          y: base + 3 + n * 9,
          width: slot,
          size: items.length > 14 ? 6 : 7.5,
          align: 'center',
          colour: MUTED,
        });
      });
    });
    this.doc.y = base + 24;
  }

  /** The marking band at the top and bottom of every page, with the page's number. */
  bands() {
    const { doc, snapshot } = this;
    const label = tlpLabel(snapshot.marking.tlp);
    const colour = TLP_COLOURS[snapshot.marking.tlp] ?? '#FFFFFF';
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const keep = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      for (const y of [22, doc.page.height - 22 - BAND]) {
        doc.rect(MARGIN.left, y, this.width, BAND).fill('#000000');
        this.line(label, {
          x: MARGIN.left + 10,
          y: y + 6,
          width: 200,
          size: 12,
          weight: 'bold',
          colour,
        });
      }
      const footer = doc.page.height - 22 - BAND;
      this.line(this.t.page(i - range.start + 1, range.count), {
        x: MARGIN.left + 200,
        y: footer + 8,
        width: this.width - 210,
        size: 9,
        colour: '#FFFFFF',
        align: 'right',
      });
      this.line(snapshot.title, {
        x: MARGIN.left + 200,
        y: 22 + 8,
        width: this.width - 210,
        size: 8,
        colour: '#FFFFFF',
        align: 'right',
      });
      doc.page.margins.bottom = keep;
    }
  }
}

function cover(p: Printer) {
  const { snapshot: s, t, language } = p;
  p.doc.y = MARGIN.top + 8;
  p.write(t.publisher, { size: 9.5, colour: MUTED });
  p.doc.moveDown(0.6);
  p.write(s.title, { size: 22, weight: 'bold', colour: HEADING });
  p.doc.moveDown(0.5);
  p.write(`${t.period}: ${formatDate(s.from, language)} – ${formatDate(s.to, language)}`, { size: 10.5 });
  p.write(`${t.states}: ${s.states.map((c) => stateName(c, language)).join(', ')}`, { size: 10.5 });
  p.write(`${t.builtOn}: ${formatDate(s.builtAt, language)}`, { size: 10.5 });
  p.doc.moveDown(0.6);
  p.write(`${tlpLabel(s.marking.tlp)} — ${t.markingNote}`, { size: 9.5, colour: MUTED });
  if (rank(s.marking.tlp) >= rank('amber') && s.marking.organizations)
    p.write(`${t.recipientsOrgs}: ${s.marking.organizations.join(', ') || '—'}`, {
      size: 9.5,
      colour: MUTED,
    });
  if (s.marking.tlp === 'red' && s.marking.users)
    p.write(`${t.recipientsUsers}: ${s.marking.users.join(', ') || '—'}`, { size: 9.5, colour: MUTED });
  if (s.note) {
    p.heading(t.editorsNote);
    p.paragraph(s.note);
  }
}

function overview(p: Printer, o: Overview) {
  const { t, language } = p;
  p.heading(t.sections.overview);
  p.paragraph(
    `${t.incidents}: ${formatNumber(o.totals.incidents, language)} · ${t.killed}: ${formatNumber(o.totals.killed, language)} · ${t.wounded}: ${formatNumber(o.totals.wounded, language)}`,
  );
  if (o.totals.incidents === 0) {
    p.paragraph(t.none, MUTED);
    return;
  }
  p.hbars(
    t.byState,
    o.byState.map((s) => ({ label: stateName(s.state, language), value: s.incidents })),
  );
  const monthly = o.byTime.unit === 'month';
  p.vbars(
    monthly ? t.byMonth : t.byYear,
    o.byTime.buckets.map((b) => ({
      label: monthly ? shortMonth(b.key, language) : b.key,
      value: b.incidents,
    })),
  );
}

/** `2024-03` as a short label: the month's number, with the year under January. */
export function shortMonth(key: string, _language: Language): string {
  const month = key.slice(5, 7);
  return month === '01' ? `${month}\n${key.slice(0, 4)}` : month;
}

function sections(p: Printer) {
  const { snapshot: s, t, language } = p;
  const w = p.width;
  for (const section of s.sections) {
    if (section === 'overview' && s.overview) overview(p, s.overview);
    if (section === 'incidents' && s.incidents) {
      p.heading(t.sections.incidents);
      if (s.incidents.length === 0) p.paragraph(t.none, MUTED);
      else
        p.table(
          [
            { label: t.date, width: 80 },
            { label: t.place, width: 105 },
            { label: t.attackType, width: 120 },
            { label: t.perpetrators, width: w - 80 - 105 - 120 - 100 },
            { label: t.killed, width: 50, align: 'right' },
            { label: t.wounded, width: 50, align: 'right' },
          ],
          s.incidents.map((i) => [
            i.date ? formatDate(i.date, language) : t.unknown,
            [i.city, i.countryCode ? stateName(i.countryCode, language) : null].filter(Boolean).join(', ') ||
              t.unknown,
            i.attackTypes.join(', ') || t.unknown,
            i.perpetrators.join(', ') || t.unknown,
            i.killed === null ? '—' : formatNumber(i.killed, language),
            i.wounded === null ? '—' : formatNumber(i.wounded, language),
          ]),
        );
    }
    if (section === 'organizations' && s.organizations) {
      p.heading(t.sections.organizations);
      if (s.organizations.length === 0) p.paragraph(t.none, MUTED);
      else
        p.table(
          [
            { label: t.organization, width: w - 70 - 70 - 150 },
            { label: t.incidents, width: 70, align: 'right' },
            { label: t.killed, width: 70, align: 'right' },
            { label: t.commonList, width: 150 },
          ],
          s.organizations.map((o) => [
            o.name,
            formatNumber(o.incidents, language),
            formatNumber(o.killed, language),
            o.listed
              ? `${t.listed}${o.listedOn ? ` (${formatDate(o.listedOn.slice(0, 10), language)})` : ''}`
              : t.notListed,
          ]),
        );
    }
    if (section === 'events' && s.events) {
      p.heading(t.sections.events);
      if (!s.events.wired) p.paragraph(t.notWired, MUTED);
      else if (s.events.items.length === 0) p.paragraph(t.none, MUTED);
      else
        p.table(
          [
            { label: t.date, width: 120 },
            { label: t.title, width: w - 120 - 120 - 80 },
            { label: t.place, width: 120 },
            { label: t.audience, width: 80 },
          ],
          s.events.items.map((e) => [
            `${formatDate(e.start.slice(0, 10), language)}`,
            e.title,
            e.place ?? '—',
            e.audience === 'public' ? t.public : t.community,
          ]),
        );
    }
    if (section === 'measures' && s.measures) {
      p.heading(t.sections.measures);
      if (!s.measures.wired) p.paragraph(t.notWired, MUTED);
      else if (s.measures.items.length === 0) p.paragraph(t.none, MUTED);
      else
        p.table(
          [
            { label: t.date, width: 110 },
            { label: t.title, width: w - 110 - 110 - 120 },
            { label: t.participants, width: 110 },
            { label: t.outcome, width: 120 },
          ],
          s.measures.items.map((m) => [
            formatDate(m.start.slice(0, 10), language),
            m.name,
            m.participants.join(', ') || '—',
            m.outcome ?? '—',
          ]),
        );
    }
  }
}

/** The bulletin's PDF, whole, in memory (bulletins are a few pages). */
export function renderPdf(snapshot: Snapshot): Promise<Buffer> {
  const printer = new Printer(snapshot, snapshot.language);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    printer.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    printer.doc.on('end', () => resolve(Buffer.concat(chunks)));
    printer.doc.on('error', reject);
  });
  cover(printer);
  sections(printer);
  printer.bands();
  printer.doc.end();
  return done;
}
