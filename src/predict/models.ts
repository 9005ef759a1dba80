import { field, InputError } from '../errors.js';
import {
  bgNbd,
  mbgNbd,
  paretoNbd,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  type CustomerSummary,
  type PurchaseFit,
  type PurchaseModel,
} from '../models/index.js';

/** The purchase-count models by their CLI names. */
export const PURCHASE_MODELS = ['bgnbd', 'pnbd', 'mbgnbd'] as const;
export type PurchaseModelName = (typeof PURCHASE_MODELS)[number];
export const ALL_MODELS = [...PURCHASE_MODELS, 'gg'] as const;
export type ModelName = (typeof ALL_MODELS)[number];

export type AnyParams = Record<string, number>;

export interface PurchaseModelEntry {
  label: string;
  model: PurchaseModel<AnyParams>;
  fit: (summary: CustomerSummary) => PurchaseFit<AnyParams>;
}

export const PURCHASE_MODEL_ENTRIES: Record<PurchaseModelName, PurchaseModelEntry> = {
  bgnbd: {
    label: 'BG/NBD (Fader, Hardie & Lee 2005)',
    model: bgNbd as unknown as PurchaseModel<AnyParams>,
    fit: (s) => fitBgNbd(s) as unknown as PurchaseFit<AnyParams>,
  },
  pnbd: {
    label: 'Pareto/NBD (Schmittlein, Morrison & Colombo 1987)',
    model: paretoNbd as unknown as PurchaseModel<AnyParams>,
    fit: (s) => fitParetoNbd(s) as unknown as PurchaseFit<AnyParams>,
  },
  mbgnbd: {
    label: 'MBG/NBD (Batislam, Denizel & Filiztekin 2007)',
    model: mbgNbd as unknown as PurchaseModel<AnyParams>,
    fit: (s) => fitMbgNbd(s) as unknown as PurchaseFit<AnyParams>,
  },
};

export function parseModel(text: string | undefined, fallback: ModelName = 'bgnbd'): ModelName {
  const m = (text ?? fallback).toLowerCase().replaceAll('/', '').replaceAll('-', '');
  const aliases: Record<string, ModelName> = { paretonbd: 'pnbd', gammagamma: 'gg' };
  const name = (aliases[m] ?? m) as ModelName;
  if (!(ALL_MODELS as readonly string[]).includes(name)) {
    throw new InputError(`${field('model')} must be one of ${ALL_MODELS.join(', ')}; got "${text}".`);
  }
  return name;
}
