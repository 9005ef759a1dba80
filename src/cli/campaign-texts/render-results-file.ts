import { fmtInt, table } from '../terminal-text.js';
import { type ResultsFileReport, formatP as p } from '../../campaigns/index.js';

const num = (x: number | null, digits: number): string => (x === null ? '—' : x.toFixed(digits));

/** The text `campaign evaluate --file` prints: per outcome, each arm against the control. */
export function renderResultsFile(r: ResultsFileReport): string {
  const lines = [
    `${r.file}: ${fmtInt(r.rows)} customers, groups by ${r.group_column}, control "${r.control}"`,
    table([['group', 'customers'], ...r.groups.map((g) => [g.group, fmtInt(g.customers)])], ['l', 'r']),
    `Sample-ratio check against the planned split: ${r.sample_ratio.mismatch ? 'MISMATCH' : 'ok'} (χ²(${r.sample_ratio.df}) = ${r.sample_ratio.chiSquare.toFixed(2)}, p = ${p(r.sample_ratio.pValue)})`,
  ];
  for (const o of r.outcomes) {
    const digits = o.kind === 'binary' ? 6 : 4;
    lines.push(
      '',
      `${o.column} (${o.kind === 'binary' ? '0/1: rate' : 'mean'}; primary test ${o.primary_test})`,
      table(
        [
          [
            'group',
            'customers',
            o.kind === 'binary' ? 'rate' : 'mean',
            'difference',
            'lift',
            'Student t',
            'p',
            'Welch 95 % CI',
            'p (primary)',
            'Holm',
          ],
          ...o.arms.map((a) => {
            const c = o.comparisons.find((x) => x.arm === a.group);
            if (c === undefined)
              return [a.group, fmtInt(a.customers), num(a.mean, digits), 'control', '', '', '', '', '', ''];
            return [
              a.group,
              fmtInt(a.customers),
              num(a.mean, digits),
              `${c.difference >= 0 ? '+' : ''}${num(c.difference, digits)}`,
              c.relative_lift.estimate === null ? '—' : `${(100 * c.relative_lift.estimate).toFixed(2)} %`,
              num(c.student.statistic, 3),
              p(c.student.pValue),
              `[${num(c.welch.confidenceInterval.lower, digits)}, ${num(c.welch.confidenceInterval.upper, digits)}]`,
              p(c.p_value),
              p(c.p_value_holm),
            ];
          }),
        ],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
