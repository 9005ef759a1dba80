import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import type { Workspace } from '../../src/db/workspace.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

// CDNOW: figures from ../shared/data/cdnow_full/README.md and ../shared/data/cdnow/README.md.
let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => ({ ws, cleanup } = await tempWorkspace()));
afterAll(() => cleanup());

describe('CDNOW master (whitespace-separated, yyyymmdd dates)', () => {
  it('loads all 69,659 lines of 23,570 customers', async () => {
    const r = await ingestFile(ws, `${DATA}cdnow_full/CDNOW_master.txt`);
    expect(r.detected.delimiter).toBe('whitespace');
    expect(r.detected.date_format).toBe('yyyymmdd');
    expect(r.mapping).toMatchObject({
      customer_id: 'customer_id',
      ts: 'date',
      quantity: 'number_of_cds',
      amount: 'dollar_value',
    });
    expect(r.rows_read).toBe(69_659);
    expect(r.rows_accepted).toBe(69_659);
    expect(r.customers).toBe(23_570);
    expect(r.date_min).toBe('1997-01-01');
    expect(r.date_max).toBe('1998-06-30');
    const t = await ws.one<{ total: number; cds: number; zero: number; ids: string }>(
      `SELECT sum(amount) AS total, sum(quantity) AS cds, count(*) FILTER (WHERE amount = 0) AS zero, min(customer_id) AS ids FROM sales`,
    );
    expect(t?.total).toBeCloseTo(2_500_315.63, 2); // README: total $2,500,315.63
    expect(t?.cds).toBe(167_881); // README: 167,881 CDs
    expect(t?.zero).toBe(80); // README: 80 rows with $0.00 (neutral lines, neither purchase nor return)
    expect(t?.ids).toBe('00001'); // zero-padded ids are kept as text
  });

  it('counts same-day purchases once in purchase_days', async () => {
    // README: 67,591 distinct (customer, day) pairs. Days whose only lines are $0 are not purchase days, so
    // the sum of purchase_days is those pairs minus the pairs with no positive line, computed here from the file.
    const lines = readFileSync(`${DATA}cdnow_full/CDNOW_master.txt`, 'utf8').split(/\r?\n/).slice(1);
    const all = new Set<string>();
    const positive = new Set<string>();
    for (const l of lines) {
      const f = l.trim().split(/\s+/);
      if (f.length < 4) continue;
      all.add(`${f[0]} ${f[1]}`);
      if (Number(f[3]) > 0) positive.add(`${f[0]} ${f[1]}`);
    }
    expect(all.size).toBe(67_591);
    const p = await ws.one<{ days: number; customers: number }>(
      `SELECT sum(purchase_days) AS days, count(*) AS customers FROM (${profileSql()})`,
      ['1998-06-30'],
    );
    expect(p?.days).toBe(positive.size);
  });
});

describe('CDNOW sample', () => {
  it('reads the BTYD CSV and the headerless text with an explicit mapping to the same figures', async () => {
    const { ws: a, cleanup: ca } = await tempWorkspace();
    const { ws: b, cleanup: cb } = await tempWorkspace();
    try {
      const elog = await ingestFile(a, `${DATA}cdnow/cdnowElog.csv`);
      expect(elog.rows_read).toBe(6_919);
      expect(elog.customers).toBe(2_357);
      const txt = await ingestFile(b, `${DATA}cdnow_full/CDNOW_sample.txt`, {
        map: { customer_id: 'column1', ts: 'column3', quantity: 'column4', amount: 'column5' },
      });
      expect(txt.detected.header_line).toBeNull();
      expect(txt.rows_read).toBe(6_919);
      expect(txt.customers).toBe(2_357);
      const sum = async (w: Workspace): Promise<unknown> => w.scalar(`SELECT sum(amount)::DOUBLE FROM sales`);
      expect(await sum(a)).toBeCloseTo(244_091.94, 2); // README: sample total $244,091.94
      expect(await sum(b)).toBeCloseTo(244_091.94, 2);
    } finally {
      ca();
      cb();
    }
  });
});
