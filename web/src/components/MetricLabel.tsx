import { useCatalogue } from '../catalogue.js';
import { Help } from './Help.js';

/** A profile column's name in the current language with its catalogue method behind the (?). */
export function MetricLabel({ id }: { id: string }) {
  const metric = useCatalogue().metric(id);
  return (
    <>
      {metric?.name ?? id}
      {metric && <Help text={metric.method} />}
    </>
  );
}
