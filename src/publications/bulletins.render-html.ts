import { rank } from '../intel/tlp.rules.ts';
import { CHART_COLOUR, shortMonth } from './bulletins.render-pdf.ts';
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
 * A bulletin as one self-contained HTML page, rendered on the server: every value escaped, the
 * charts inline SVG, a printable stylesheet, and the marking at the top and the bottom (and on
 * every printed page).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
const e = escapeHtml;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","Noto Sans SC","Noto Sans CJK SC",system-ui,sans-serif;color:#1a1a1a;background:#fff;line-height:1.45}
main{max-width:50rem;margin:0 auto;padding:1rem}
.marking{background:#000;padding:.35rem .75rem;font-weight:700;letter-spacing:.03em;display:flex;justify-content:space-between;gap:1rem}
.marking span+span{color:#fff;font-weight:400;font-size:.85em}
.publisher{color:#555;font-size:.9rem;margin:1rem 0 .25rem}
h1{color:#0b3d6e;font-size:1.7rem;margin:.25rem 0 .75rem}
h2{color:#0b3d6e;font-size:1.25rem;border-bottom:1px solid #c8d0da;padding-bottom:.2rem;margin:1.75rem 0 .75rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
.meta{margin:0}.meta div{margin:.1rem 0}.muted{color:#555}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #c8d0da;vertical-align:top}
th{background:#e6ecf3}td.n,th.n{text-align:right}
.table{overflow-x:auto}
svg{max-width:100%;height:auto;display:block}
@media print{
  main{max-width:none;padding:0}
  .marking{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .marking.top{position:fixed;top:0;left:0;right:0}
  .marking.bottom{position:fixed;bottom:0;left:0;right:0}
  main{margin:2.5rem 0}
  h2{break-after:avoid}tr{break-inside:avoid}
  @page{margin:1.2cm}
}`;

function hbars(items: { label: string; value: number }[], title: string): string {
  const row = 22;
  const label = 190;
  const area = 520 - label - 50;
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = items.length * row + 4;
  const bars = items
    .map((item, i) => {
      const y = i * row + 2;
      const w = Math.max(1, (item.value / max) * area);
      return `<text x="${label - 8}" y="${y + 14}" text-anchor="end" font-size="12">${e(item.label)}</text><rect x="${label}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${CHART_COLOUR}"/><text x="${(label + w + 5).toFixed(1)}" y="${y + 14}" font-size="12">${e(item.value)}</text>`;
    })
    .join('');
  return `<figure><figcaption><h3>${e(title)}</h3></figcaption><svg viewBox="0 0 520 ${height}" role="img" aria-label="${e(title)}">${bars}</svg></figure>`;
}

function vbars(items: { label: string; value: number }[], title: string): string {
  const width = 520;
  const height = 200;
  const base = 160;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = width / Math.max(1, items.length);
  const bar = Math.max(2, slot * 0.7);
  const bars = items
    .map((item, i) => {
      const h = (item.value / max) * (base - 20);
      const x = i * slot + (slot - bar) / 2;
      const cx = (i * slot + slot / 2).toFixed(1);
      const lines = item.label.split('\n');
      return `${h > 0 ? `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${CHART_COLOUR}"><title>${e(item.label.replace('\n', ' '))}: ${e(item.value)}</title></rect><text x="${cx}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" font-size="10">${e(item.value)}</text>` : ''}${lines
        .map(
          (l, n) =>
            `<text x="${cx}" y="${base + 14 + n * 12}" text-anchor="middle" font-size="10" fill="#555">${e(l)}</text>`,
        )
        .join('')}`;
    })
    .join('');
  return `<figure><figcaption><h3>${e(title)}</h3></figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(title)}"><line x1="0" y1="${base}" x2="${width}" y2="${base}" stroke="#555"/>${bars}</svg></figure>`;
}

const table = (head: { label: string; numeric?: boolean }[], rows: string[][]) =>
  `<div class="table"><table><thead><tr>${head.map((h) => `<th scope="col"${h.numeric ? ' class="n"' : ''}>${e(h.label)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td${head[i]?.numeric ? ' class="n"' : ''}>${e(cell)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;

function overview(o: Overview, t: BulletinTexts, language: Language): string {
  const totals = `<p>${e(t.incidents)}: <strong>${e(formatNumber(o.totals.incidents, language))}</strong> · ${e(t.killed)}: <strong>${e(formatNumber(o.totals.killed, language))}</strong> · ${e(t.wounded)}: <strong>${e(formatNumber(o.totals.wounded, language))}</strong></p>`;
  if (o.totals.incidents === 0) return `${totals}<p class="muted">${e(t.none)}</p>`;
  const monthly = o.byTime.unit === 'month';
  return (
    totals +
    hbars(
      o.byState.map((s) => ({ label: stateName(s.state, language), value: s.incidents })),
      t.byState,
    ) +
    vbars(
      o.byTime.buckets.map((b) => ({
        label: monthly ? shortMonth(b.key, language) : b.key,
        value: b.incidents,
      })),
      monthly ? t.byMonth : t.byYear,
    )
  );
}

function section(s: Snapshot, name: Snapshot['sections'][number], t: BulletinTexts): string {
  const language = s.language;
  const none = `<p class="muted">${e(t.none)}</p>`;
  const notWired = `<p class="muted">${e(t.notWired)}</p>`;
  let body = '';
  if (name === 'overview' && s.overview) body = overview(s.overview, t, language);
  if (name === 'incidents' && s.incidents)
    body = s.incidents.length
      ? table(
          [
            { label: t.date },
            { label: t.place },
            { label: t.attackType },
            { label: t.perpetrators },
            { label: t.killed, numeric: true },
            { label: t.wounded, numeric: true },
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
        )
      : none;
  if (name === 'organizations' && s.organizations)
    body = s.organizations.length
      ? table(
          [
            { label: t.organization },
            { label: t.incidents, numeric: true },
            { label: t.killed, numeric: true },
            { label: t.commonList },
          ],
          s.organizations.map((o) => [
            o.name,
            formatNumber(o.incidents, language),
            formatNumber(o.killed, language),
            o.listed
              ? `${t.listed}${o.listedOn ? ` (${formatDate(o.listedOn.slice(0, 10), language)})` : ''}`
              : t.notListed,
          ]),
        )
      : none;
  if (name === 'events' && s.events)
    body = !s.events.wired
      ? notWired
      : s.events.items.length
        ? table(
            [{ label: t.date }, { label: t.title }, { label: t.place }, { label: t.audience }],
            s.events.items.map((ev) => [
              formatDate(ev.start.slice(0, 10), language),
              ev.title,
              ev.place ?? '—',
              ev.audience === 'public' ? t.public : t.community,
            ]),
          )
        : none;
  if (name === 'measures' && s.measures)
    body = !s.measures.wired
      ? notWired
      : s.measures.items.length
        ? table(
            [{ label: t.date }, { label: t.title }, { label: t.participants }, { label: t.outcome }],
            s.measures.items.map((m) => [
              formatDate(m.start.slice(0, 10), language),
              m.name,
              m.participants.join(', ') || '—',
              m.outcome ?? '—',
            ]),
          )
        : none;
  return `<section><h2>${e(t.sections[name])}</h2>${body}</section>`;
}

/** The bulletin as a complete HTML document in its language. */
export function renderHtml(s: Snapshot): string {
  const t = TEXTS[s.language];
  const label = tlpLabel(s.marking.tlp);
  const colour = TLP_COLOURS[s.marking.tlp] ?? '#FFFFFF';
  const band = (where: 'top' | 'bottom') =>
    `<div class="marking ${where}" style="color:${colour}" data-tlp="${e(s.marking.tlp)}"><span>${e(label)}</span><span>${e(s.title)}</span></div>`;
  const recipients = [
    rank(s.marking.tlp) >= rank('amber') && s.marking.organizations
      ? `<div>${e(t.recipientsOrgs)}: ${e(s.marking.organizations.join(', ') || '—')}</div>`
      : '',
    s.marking.tlp === 'red' && s.marking.users
      ? `<div>${e(t.recipientsUsers)}: ${e(s.marking.users.join(', ') || '—')}</div>`
      : '',
  ].join('');
  return `<!doctype html>
<html lang="${e(s.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(label)} ${e(s.title)}</title><style>${STYLE}</style></head>
<body>${band('top')}<main>
<p class="publisher">${e(t.publisher)}</p>
<h1>${e(s.title)}</h1>
<div class="meta">
<div>${e(t.period)}: ${e(formatDate(s.from, s.language))} – ${e(formatDate(s.to, s.language))}</div>
<div>${e(t.states)}: ${e(s.states.map((c) => stateName(c, s.language)).join(', '))}</div>
<div>${e(t.builtOn)}: ${e(formatDate(s.builtAt, s.language))}</div>
<div class="muted">${e(label)} — ${e(t.markingNote)}</div>${recipients}
</div>
${s.note ? `<section><h2>${e(t.editorsNote)}</h2><p>${e(s.note).replace(/\n/g, '<br>')}</p></section>` : ''}
${s.sections.map((name) => section(s, name, t)).join('\n')}
</main>${band('bottom')}</body></html>`;
}
