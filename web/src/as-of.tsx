import { createContext, useContext, useState, type ReactNode } from 'react';

interface AsOf {
  /** YYYY-MM-DD, or '' for the date of the latest sale. */
  asOf: string;
  setAsOf(date: string): void;
}

const AsOfContext = createContext<AsOf | undefined>(undefined);

/** The as-of date every page computes at, chosen once in the header. */
export function AsOfProvider({ children }: { children: ReactNode }) {
  const [asOf, setAsOf] = useState('');
  return <AsOfContext.Provider value={{ asOf, setAsOf }}>{children}</AsOfContext.Provider>;
}

export function useAsOf(): AsOf {
  const value = useContext(AsOfContext);
  if (!value) throw new Error('useAsOf outside AsOfProvider');
  return value;
}
