import { cumulativeOf, type Random } from './random.js';

interface Region {
  name: string;
  code: string;
  share: number;
  stores: number;
}

/** Where customers live (share of the base) and how many stores the chain has there. */
const REGIONS: readonly Region[] = [
  { name: 'Москва', code: 'MSK', share: 0.22, stores: 8 },
  { name: 'Московская область', code: 'MSO', share: 0.1, stores: 3 },
  { name: 'Санкт-Петербург', code: 'SPB', share: 0.1, stores: 4 },
  { name: 'Екатеринбург', code: 'EKB', share: 0.05, stores: 2 },
  { name: 'Краснодар', code: 'KRD', share: 0.045, stores: 2 },
  { name: 'Новосибирск', code: 'NSK', share: 0.04, stores: 2 },
  { name: 'Казань', code: 'KZN', share: 0.04, stores: 2 },
  { name: 'Нижний Новгород', code: 'NNV', share: 0.035, stores: 1 },
  { name: 'Ростов-на-Дону', code: 'ROV', share: 0.035, stores: 1 },
  { name: 'Самара', code: 'SMR', share: 0.03, stores: 1 },
  { name: 'Уфа', code: 'UFA', share: 0.025, stores: 1 },
  { name: 'Красноярск', code: 'KRS', share: 0.025, stores: 1 },
  { name: 'Воронеж', code: 'VRN', share: 0.025, stores: 1 },
  { name: 'Челябинск', code: 'CHL', share: 0.025, stores: 1 },
  { name: 'Пермь', code: 'PRM', share: 0.02, stores: 1 },
  { name: 'Волгоград', code: 'VLG', share: 0.02, stores: 1 },
  { name: 'Омск', code: 'OMS', share: 0.02, stores: 1 },
  { name: 'Тюмень', code: 'TMN', share: 0.02, stores: 1 },
  { name: 'Калининград', code: 'KGD', share: 0.015, stores: 1 },
  { name: 'Владивосток', code: 'VVO', share: 0.015, stores: 1 },
  { name: 'Ярославль', code: 'YAR', share: 0.015, stores: 1 },
  { name: 'Иркутск', code: 'IRK', share: 0.015, stores: 1 },
];

export const ONLINE_STORE = 'WEB';

/** The chain's regions and stores; store codes are the region code and a number, e.g. `MSK03`. */
export class Stores {
  private readonly regionCumulative = cumulativeOf(REGIONS.map((r) => r.share));
  private readonly codes: readonly (readonly string[])[] = REGIONS.map((r) =>
    Array.from({ length: r.stores }, (_, i) => `${r.code}${String(i + 1).padStart(2, '0')}`),
  );
  private readonly all: readonly string[] = this.codes.flat();
  private readonly storeCumulative = cumulativeOf(
    REGIONS.flatMap((r) => Array.from({ length: r.stores }, () => r.share / r.stores)),
  );

  /** A region index drawn by its share of customers. */
  region(random: Random): number {
    return random.draw(this.regionCumulative);
  }

  regionName(region: number): string {
    return REGIONS[region]?.name ?? '';
  }

  /** One of the region's stores. */
  storeIn(random: Random, region: number): string {
    const codes = this.codes[region] ?? this.all;
    return random.pick(codes);
  }

  /** Any store of the chain, weighted by its region's traffic. */
  anyStore(random: Random): string {
    return this.all[random.draw(this.storeCumulative)] ?? ONLINE_STORE;
  }
}
