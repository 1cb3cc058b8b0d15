/**
 * The manager report as text: CSV rows (section, key, value) and one self-contained HTML page with
 * inline CSS and SVG bar charts, every string escaped. Pure: a ReportResult in, a string out.
 */
import type { ReportResult } from '../org/index.js';

type Pairs = Array<[string, number]>;

function sections(r: ReportResult): Array<[string, Pairs]> {
  return [
    [
      'summary',
      [
        ['open escalations', r.openEscalations],
        ['unacknowledged', r.unacknowledged],
        ['unacknowledged over a day', r.unacknowledgedOverADay],
        ['raised in the period', r.raisedSince],
      ],
    ],
    ['open by category', Object.entries(r.openByCategory)],
    ['open by severity', Object.entries(r.openBySeverity)],
    ['open by age', Object.entries(r.openByAge)],
    ['open by account', r.openByAccount.map((a) => [a.account, a.count])],
    ['raised by', r.raisedBy.map((a) => [a.user, a.count])],
    [
      'time to acknowledge (hours)',
      [
        ['acknowledged', r.timeToAcknowledge.count],
        ['median', r.timeToAcknowledge.medianHours ?? NaN],
        ['average', r.timeToAcknowledge.averageHours ?? NaN],
        ['90th percentile', r.timeToAcknowledge.p90Hours ?? NaN],
      ],
    ],
    [
      'role clarity',
      [
        ['cases assessed in the period', r.roleClarity.assessedSince],
        ['routine suggestions', r.roleClarity.routineSuggested],
        ['routine cases owned by AEs', r.roleClarity.routineOnAe],
        ['routine cases routed away from AEs', r.roleClarity.routedAway],
      ],
    ],
  ];
}

const num = (n: number): string => (Number.isNaN(n) ? '' : String(n));

/** Rows for a table, one per figure. */
export function reportRows(r: ReportResult): Array<{ section: string; item: string; value: string }> {
  return sections(r).flatMap(([section, pairs]) =>
    pairs.map(([item, value]) => ({ section, item, value: num(value) })),
  );
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function reportCsv(r: ReportResult): string {
  const lines = [
    'section,item,value',
    ...reportRows(r).map((x) => [x.section, x.item, x.value].map(csvField).join(',')),
  ];
  return lines.join('\n') + '\n';
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function barChart(title: string, pairs: Pairs): string {
  const shown = pairs.filter(([, v]) => !Number.isNaN(v));
  const max = Math.max(1, ...shown.map(([, v]) => v));
  const row = 26;
  const height = shown.length * row + 8;
  const bars = shown
    .map(([label, v], i) => {
      const w = Math.round((v / max) * 300);
      const y = i * row + 4;
      return (
        `<text x="0" y="${y + 15}" class="l">${escapeHtml(label)}</text>` +
        `<rect x="210" y="${y}" width="${w}" height="18" rx="3"></rect>` +
        `<text x="${216 + w}" y="${y + 15}" class="v">${escapeHtml(num(v))}</text>`
      );
    })
    .join('');
  return (
    `<section><h2>${escapeHtml(title)}</h2>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 560 ${height}" width="560" height="${height}">${bars}</svg></section>`
  );
}

export function reportHtml(r: ReportResult): string {
  const charts = sections(r)
    .map(([title, pairs]) => barChart(title, pairs))
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Who Owns This: manager report</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#181818;max-width:960px}
h1{font-size:1.5rem;margin:0 0 .25rem}
.meta{color:#5c5c5c;margin:0 0 1.5rem}
.kpis{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1.5rem}
.kpi{border:1px solid #e5e5e5;border-radius:8px;padding:.75rem 1rem;min-width:10rem}
.kpi b{display:block;font-size:1.75rem}
section{margin:1.25rem 0}
h2{font-size:1rem;margin:0 0 .5rem}
svg rect{fill:#0176d3}
svg text{font-size:12px;fill:#181818}
svg .v{fill:#5c5c5c}
</style>
</head>
<body>
<h1>Who Owns This: manager report</h1>
<p class="meta">Period from ${escapeHtml(r.since)} to ${escapeHtml(r.generatedAt)}</p>
<div class="kpis">
<div class="kpi"><b>${r.openEscalations}</b>open escalations</div>
<div class="kpi"><b>${r.unacknowledged}</b>unacknowledged</div>
<div class="kpi"><b>${escapeHtml(num(r.timeToAcknowledge.medianHours ?? NaN) || '–')}</b>median hours to acknowledge</div>
<div class="kpi"><b>${r.roleClarity.routineOnAe}</b>routine cases on AEs</div>
</div>
${charts}
</body>
</html>
`;
}
