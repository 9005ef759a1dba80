import { describe, expect, it } from 'vitest';
import { warnings } from '../../src/campaigns/evaluation-warnings.js';
import { verdict, type VerdictInput } from '../../src/campaigns/verdict.js';

/** Russian numbers group thousands with a no-break space; read as a plain one. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const EFFECT: VerdictInput = {
  incremental_revenue: { estimate: 12345.678, lower: 2000.5, upper: 22690.1 },
  revenue_p_value: 0.0123,
  conversion_difference: { estimate: 0.01, lower: 0, upper: 0.02 },
  conversion_p_value: 0.03,
  roi: { estimate: 1.5, lower: 0.2, upper: 2.8 },
  cost: 1000,
  sample_ratio_mismatch: false,
  window_complete: false,
};

describe('the campaign texts in English and Russian', () => {
  it('write one verdict in both languages, numbers as each language writes them', () => {
    expect(verdict(EFFECT)).toBe(
      'The campaign brought 12,345.68 of incremental revenue (95 % CI 2,000.50 to 22,690.10, p = 0.012). ' +
        'Against a cost of 1,000.00 the ROI is 150 % (95 % CI 20 % to 280 %): it paid for itself. ' +
        'The window is not complete yet, so this is an interim reading.',
    );
    expect(plain(verdict(EFFECT, 'ru'))).toBe(
      'Кампания принесла 12 345,68 дополнительной выручки (95 % ДИ от 2 000,50 до 22 690,10, p = 0,012). ' +
        'При затратах 1 000,00 ROI составляет 150 % (95 % ДИ от 20 % до 280 %): кампания окупилась. ' +
        'Окно ещё не завершилось, поэтому это промежуточный результат.',
    );
  });

  it('say when there is no measurable effect but conversion changed, and when the groups are off', () => {
    const none = {
      ...EFFECT,
      revenue_p_value: 0.4,
      roi: null,
      window_complete: true,
      sample_ratio_mismatch: true,
    };
    expect(verdict(none)).toMatch(
      /^The target and control groups .* No measurable effect .* Conversion did change \(\+1\.00 points, p = 0\.030\)/,
    );
    expect(plain(verdict(none, 'ru'))).toMatch(
      /^Целевая и контрольная группы .* Измеримого влияния на выручку нет: оценка 12 345,68 .* Конверсия изменилась \(\+1,00 п\. п\., p = 0,03\)/,
    );
  });

  it('write the warnings in both languages', () => {
    const window = {
      complete: false,
      sales_until: '2024-05-10',
      last_day: '2024-05-30',
      pre_period_observed: true,
      pre_start: '2024-03-01',
    };
    const sampleRatio = {
      mismatch: true,
      observed: [1200, 800],
      expected: [1000, 1000],
      chiSquare: 80,
      pValue: 3.4e-19,
    };
    expect(warnings(window, sampleRatio, { control_contacted: 1 })).toEqual([
      "Sales are loaded up to 2024-05-10, before the window's last day 2024-05-30: purchases after 2024-05-10 are not counted yet.",
      'Sample-ratio mismatch: 1200 / 800 members against the planned 1000 / 1000 (χ² = 80.00, p = 3.4e-19).',
      'The contact log shows 1 control-group member as contacted: the control group leaked, which biases the effect toward zero.',
    ]);
    expect(warnings(window, sampleRatio, { control_contacted: 1 }, 'ru').map(plain)).toEqual([
      'Продажи загружены по 2024-05-10, а последний день окна — 2024-05-30: покупки после 2024-05-10 ещё не учтены.',
      'Расхождение размеров групп: 1 200 / 800 участников против запланированных 1 000 / 1 000 (χ² = 80,00, p = 3,4E-19).',
      'В журнале контактов участники контрольной группы отмечены как получившие контакт (1): контрольная группа «протекла», и эффект смещён к нулю.',
    ]);
  });
});
