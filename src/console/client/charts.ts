/** Inline SVG bar charts for the manager report, each with a text equivalent for screen readers. */
import { html, svg } from 'lit';

export interface Bar {
  label: string;
  /** Stacked parts: [severity, count]. */
  parts: Array<[string, number]>;
}

const COLOURS: Record<string, string> = { sev1: '#ba0517', sev2: '#fe9339', sev3: '#0176d3' };

export function barChart(title: string, bars: Bar[]) {
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, [, n]) => s + n, 0)));
  const rowH = 28;
  const labelW = 130;
  const width = 420;
  const scale = (width - labelW - 40) / max;
  const summary = bars.map((b) => `${b.label}: ${b.parts.map(([s, n]) => `${n} ${s}`).join(', ') || 0}`).join('; ');
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg role="img" aria-label="${title}. ${summary}" viewBox="0 0 ${width} ${bars.length * rowH + 8}" width="100%">
      ${bars.map((b, i) => {
        let x = labelW;
        const y = i * rowH + 4;
        const total = b.parts.reduce((s, [, n]) => s + n, 0);
        return svg`<g>
          <text x="0" y=${y + 17} font-size="12" fill="#181818">${b.label}</text>
          ${b.parts.map(([sev, n]) => {
            const w = n * scale;
            const rect = svg`<rect x=${x} y=${y} width=${w} height="20" rx="2" fill=${COLOURS[sev] ?? '#747474'}><title>${b.label}, ${sev}: ${n}</title></rect>`;
            x += w;
            return rect;
          })}
          <text x=${x + 6} y=${y + 15} font-size="12" fill="#444">${total}</text>
        </g>`;
      })}
    </svg>
    <p class="legend" aria-hidden="true">
      ${Object.entries(COLOURS).map(([s, c]) => html`<span><i style="background:${c}"></i>${s}</span>`)}
    </p>
  </figure>`;
}
