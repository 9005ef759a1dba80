import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

/**
 * A Russian 1C-style sales export: Windows-1251, `;`, CR LF, a title and a padded empty row before the header,
 * dd.mm.yyyy H:MM:SS dates, decimal commas with no-break-space thousands, a blank line, a quoted field with the
 * delimiter, a quoted field spanning two lines, a return, and four bad lines whose line numbers are known.
 */
export const ONE_C_LINES = [
  'Отчет о продажах за период 01.01.2024 - 31.03.2024;;;;;;', // 1
  ';;;;;;', // 2
  'Дата;Номер чека;Код карты;Артикул;Количество;Цена;Сумма', // 3 header
  '05.01.2024 10:15:00;Ч-001;100234;А-17;2;1\u00a0250,50;2\u00a0501,00', // 4
  '05.01.2024 10:15:00;Ч-001;100234;Б-2;1;99,90;99,90', // 5
  '', // 6 blank
  '06.01.2024 9:05:00;Ч-002;;А-17;1;1 250,50;1 250,50', // 7 anonymous
  '07.01.2024;Ч-003;100235;"В;3";1;10,00;10,00', // 8
  '31.02.2024 12:00:00;Ч-004;100235;А-17;1;5,00;5,00', // 9 bad date
  '08.01.2024 12:00:00;Ч-005;100236;А-17;1;5,00', // 10 six fields
  '09.01.2024 12:00:00;Ч-006;100236;"Многострочное', // 11 …
  'название";1;7,00;7,00', // 12 … end of the record that began on line 11
  '10.01.2024 12:00:00;В-001;100234;А-17;-1;1 250,50;-1 250,50', // 13 return
  '11.01.2024 12:00:00;Ч-007;100237;А-17;1;abc;абв', // 14 bad amount
  'Итого;;;;;;3 862,30', // 15 footer
];

export const ONE_C_REJECTS = { bad_date: [9, 15], field_count: [10], bad_amount: [14] };

export function writeOneC(dir: string, name = '1c.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, iconv.encode(`${ONE_C_LINES.join('\r\n')}\r\n`, 'windows-1251'));
  return path;
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
