/** The progress of background jobs (JobProgress), in English and Russian. */
export const PROGRESS_EN = {
  'progress.count': '{done} of {total} {unit}',
  'progress.bytes': '{done} of {total}',
  'progress.unit.rows': 'rows',
  'progress.unit.customers': 'customers',
  'progress.unit.partitions': 'parts of the base',
  'progress.unit.snapshots': 'month ends',
  'progress.unit.months': 'months',
  'progress.elapsed': '{time} elapsed',
  'progress.left': 'about {time} left',
} as const;

export const PROGRESS_RU: Record<keyof typeof PROGRESS_EN, string> = {
  'progress.count': '{unit}: {done} из {total}',
  'progress.bytes': '{done} из {total}',
  'progress.unit.rows': 'строки',
  'progress.unit.customers': 'клиенты',
  'progress.unit.partitions': 'части базы',
  'progress.unit.snapshots': 'срезы',
  'progress.unit.months': 'месяцы',
  'progress.elapsed': 'прошло {time}',
  'progress.left': 'осталось около {time}',
};
