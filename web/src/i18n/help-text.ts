/**
 * How the figures that are not catalogue metrics are computed (summaries, monthly series, load reports, table
 * columns), in both languages. `metric` appends that catalogue metric's own method text.
 */
export interface HelpText {
  en: string;
  ru: string;
  metric?: string;
}
