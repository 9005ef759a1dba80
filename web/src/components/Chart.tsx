import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorMessage } from './Status.js';

interface Instance {
  setOption(option: EChartsCoreOption, notMerge?: boolean): void;
}

/**
 * An ECharts chart, loaded on first use (ECharts is a separate chunk). It follows its container's size and
 * is described for screen readers by `label`.
 */
export function Chart({
  option,
  label,
  height = 280,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(option);
  const chart = useRef<Instance | null>(null);
  const [error, setError] = useState<string>();
  latest.current = option;
  useEffect(() => {
    let disposed = false;
    let dispose = (): void => undefined;
    import('./echarts.js').then(
      ({ init }) => {
        const element = ref.current;
        if (disposed || !element) return;
        const instance = init(element);
        instance.setOption(latest.current, true);
        chart.current = instance;
        const observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        dispose = () => {
          observer.disconnect();
          instance.dispose();
        };
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      disposed = true;
      chart.current = null;
      dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  if (error) return <ErrorMessage message={error} />;
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} />;
}
