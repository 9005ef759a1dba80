import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';
import { ONE_C_REJECTS, writeOneC } from '../helpers/fixtures.js';
import { DATA, tempDir } from '../helpers/workspace.js';
import {
  AUTH,
  expectError,
  form,
  ingest,
  json,
  startServer,
  waitForJob,
  type TestServer,
} from './helpers.js';

type Row = Record<string, unknown>;

const CDNOW = join(DATA, 'cdnow/cdnowElog.csv');
let s: TestServer;
let fixtures: { dir: string; cleanup: () => void };
beforeAll(async () => {
  s = await startServer();
  fixtures = tempDir();
});
afterAll(async () => {
  await s.cleanup();
  fixtures.cleanup();
});

const post = (url: string, payload: FormData | object | string, headers: Record<string, string> = {}) =>
  s.app.inject({ method: 'POST', url, headers: { ...AUTH, ...headers }, payload });

describe('POST /api/ingest/preview', () => {
  let uploadId: string;

  it('streams the file to disk and shows the detected layout, mapping and first rows', async () => {
    const r = await post('/api/ingest/preview', form({}, CDNOW));
    expect(r.statusCode, r.body).toBe(200);
    const p = json<Row & { upload_id: string; sample: string[][]; required_groups: string[][] }>(r);
    expect(p).toMatchObject({
      file: 'cdnowElog.csv',
      bytes: 186936,
      kind: 'sales',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      header_line: 1,
      columns: ['masterid', 'sampleid', 'date', 'cds', 'sales'],
      mapping: { customer_id: 'masterid', ts: 'date', amount: 'sales', quantity: 'cds' },
      unmapped: ['sampleid'],
      date_format: 'yyyymmdd',
      decimal: '.',
    });
    expect(p.sample[0]).toEqual(['4', '1', '19970101', '2', '29.33']);
    expect(p.required_groups).toEqual([['customer_id'], ['ts'], ['amount', 'price']]);
    uploadId = p.upload_id;
  });

  it('previews the same upload again with another mapping, without the file', async () => {
    const r = await post(
      '/api/ingest/preview',
      form({ upload_id: uploadId, map: JSON.stringify({ quantity: 'sampleid', order_id: '' }) }),
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)['mapping']).toMatchObject({ quantity: 'sampleid', customer_id: 'masterid' });
    expect(json(r)['upload_id']).toBe(uploadId);
  });

  it('loads that upload in the background, then forgets it', async () => {
    const job = await ingest(s.app, form({ upload_id: uploadId }));
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.result).toMatchObject({
      file: 'cdnowElog.csv',
      already_loaded: false,
      rows_read: 6919,
      rows_accepted: 6919,
      rows_rejected: 0,
      customers: 2357,
    });
    const loads = json<{ loads: Row[] }>(await s.app.inject({ url: '/api/loads', headers: AUTH })).loads;
    expect(loads[0]).toMatchObject({ file: 'cdnowElog.csv', rows_read: 6919 });
    expectError(await post('/api/ingest/preview', form({ upload_id: uploadId })), 404, /no upload/);
  });
});

describe('POST /api/ingest', () => {
  it('is idempotent: the same content again adds nothing', async () => {
    const job = await ingest(s.app, form({}, CDNOW));
    expect(job.result).toMatchObject({ already_loaded: true, load_id: 1, rows_read: 6919 });
    const status = json<{ tables: Record<string, number> }>(
      await s.app.inject({ url: '/api/status', headers: AUTH }),
    );
    expect(status.tables['sales']).toBe(6919);
  });

  it('loads a broken Russian 1C export with the same checks as the CLI; the rejects are downloadable', async () => {
    const file = writeOneC(fixtures.dir, 'продажи.csv');
    const job = await ingest(s.app, form({}, file));
    expect(job.state, job.error ?? '').toBe('done');
    const report = job.result ?? {};
    expect(report).toMatchObject({ file: 'продажи.csv', rows_read: 10, rows_anonymous: 1, rows_returns: 1 });
    const rejects = report['rejects'] as Record<string, { first_lines: number[] }>;
    expect(Object.fromEntries(Object.entries(rejects).map(([k, v]) => [k, v.first_lines]))).toEqual(
      ONE_C_REJECTS,
    );
    const id = Number(report['load_id']);
    const list = json<{ total: number; rows: Row[] }>(
      await s.app.inject({ url: `/api/loads/${id}/rejects`, headers: AUTH }),
    );
    expect(list.total).toBe(4);
    const csv = await s.app.inject({ url: `/api/loads/${id}/rejects?format=csv`, headers: AUTH });
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
    const lines = parseCsv(csv.body)
      .slice(1)
      .filter((row) => row.length > 1)
      .map((row) => Number(row[0]));
    expect(lines).toEqual([9, 10, 14, 15]);
  });

  it('takes the reading options as form fields', async () => {
    const text = 'client|day|sum\nA|05.01.2024|1,5\nB|06.01.2024|2,25\n';
    const job = await ingest(
      s.app,
      form(
        {
          kind: 'sales',
          delimiter: 'pipe',
          decimal: ',',
          date_format: 'dd.mm.yyyy',
          map: JSON.stringify({ customer_id: 'client', ts: 'day', amount: 'sum' }),
        },
        { name: 'piped.txt', content: text },
      ),
    );
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.result).toMatchObject({ rows_accepted: 2, date_min: '2024-01-05' });
  });

  it('lets reads go on while a load runs', async () => {
    const started = await post('/api/ingest', form({}, join(DATA, 'cdnow_full/CDNOW_master.txt')));
    const { job_id: id } = json<{ job_id: string }>(started);
    const status = await s.app.inject({ url: '/api/status', headers: AUTH });
    expect(status.statusCode).toBe(200);
    const meanwhile = json<{ state: string }>(await s.app.inject({ url: `/api/jobs/${id}`, headers: AUTH }));
    expect(meanwhile.state).not.toBe('done');
    expect((await s.app.inject({ url: '/api/profile?limit=1', headers: AUTH })).statusCode).toBe(200);
    const job = await waitForJob(s.app, id);
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.result).toMatchObject({ rows_read: 69659, rows_rejected: 0 });
    const jobs = json<{ jobs: Row[] }>(await s.app.inject({ url: '/api/jobs', headers: AUTH })).jobs;
    expect(jobs[0]?.['id']).toBe(id);
  });

  it('reports a file the engine cannot load as a failed job, naming the file as the user knows it', async () => {
    const job = await ingest(
      s.app,
      form({ kind: 'sales' }, { name: 'no-dates.csv', content: 'customer,amount\nA,1\n' }),
    );
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/^no-dates\.csv: no column for required sales field ts/);
    expect(job.error).not.toContain('.clientele-uploads');
  });
});

describe('bad uploads get a 4xx with a message, and the server keeps answering', () => {
  it('refuses requests without a file', async () => {
    expectError(await post('/api/ingest', form({ kind: 'sales' })), 400, /field "file"/);
    expectError(await post('/api/ingest/preview', form({})), 400, /field "file"/);
  });

  it('refuses other content types', async () => {
    expectError(await post('/api/ingest', { file: 'x' }), 415, /multipart\/form-data/);
    expectError(await post('/api/ingest/preview', 'a,b', { 'content-type': 'text/csv' }), 415);
    expectError(await post('/api/ingest', 'a,b', { 'content-type': 'application/octet-stream' }), 415);
  });

  it('refuses bad fields', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ kind: 'orders' }, /kind must be one of sales, customers, products/],
      [{ encoding: 'koi8' }, /encoding must be one of/],
      [{ delimiter: '::' }, /delimiter must be/],
      [{ decimal: ';' }, /decimal/i],
      [{ date_format: 'someday' }, /date-format|date format/i],
      [{ map: '{not json' }, /map must be a JSON object/],
      [{ map: '["a"]' }, /map must be a JSON object/],
      [{ map: '{"customer_id": 5}' }, /must be text/],
      [{ colour: 'red' }, /Unknown form field "colour"/],
    ];
    for (const [fields, message] of cases) {
      expectError(await post('/api/ingest', form(fields, CDNOW)), 400, message);
      expectError(await post('/api/ingest/preview', form(fields, CDNOW)), 400, message);
    }
  });

  it('refuses a mapping onto unknown fields or columns, naming the file', async () => {
    expectError(
      await post('/api/ingest/preview', form({ map: JSON.stringify({ colour: 'sales' }) }, CDNOW)),
      400,
      /not a sales field/,
    );
    expectError(
      await post('/api/ingest/preview', form({ map: JSON.stringify({ amount: 'price' }) }, CDNOW)),
      400,
      /no column "price"/,
    );
    const r = await post(
      '/api/ingest/preview',
      form({ kind: 'sales' }, { name: 'no-dates.csv', content: 'customer,amount\nA,1\n' }),
    );
    expectError(r, 400, /^no-dates\.csv: no column for required sales field ts/);
  });

  it('refuses empty, binary and unknown uploads', async () => {
    expectError(await post('/api/ingest', form({}, { name: 'empty.csv', content: '' })), 400, /empty/);
    expectError(
      await post('/api/ingest/preview', form({}, { name: 'empty.csv', content: '' })),
      400,
      /empty/,
    );
    const binary = Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0]);
    expectError(
      await post('/api/ingest/preview', form({}, { name: 'x.bin', content: binary })),
      400,
      /binary/,
    );
    expectError(
      await post('/api/ingest', form({}, { name: 'x.xlsx', content: 'not a workbook' })).then(async (r) => {
        expect(r.statusCode).toBe(202);
        const job = await waitForJob(s.app, json<{ job_id: string }>(r).job_id);
        expect(job.error).toMatch(/x\.xlsx has an \.xlsx name but is not an Excel workbook/);
        return s.app.inject({ url: '/api/jobs/nope', headers: AUTH });
      }),
      404,
      /no job/,
    );
    expectError(await post('/api/ingest', form({ upload_id: 'f00' })), 404, /no upload f00/);
  });

  it('refuses two files, or a file in another field', async () => {
    const two = form({}, CDNOW);
    two.append('file', new Blob(['a,b\n1,2\n']), 'second.csv');
    expectError(await post('/api/ingest/preview', two), 400, /one file/);
    const other = new FormData();
    other.set('upload', new Blob(['a,b\n']), 'a.csv');
    expectError(await post('/api/ingest/preview', other), 400, /field "file"/);
  });

  it('refuses files over the upload limit with 413', async () => {
    const small = await startServer({ uploadLimitBytes: 1000 });
    try {
      const r = await small.app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: AUTH,
        payload: form({}, CDNOW),
      });
      expectError(r, 413, /larger than the upload limit of 1 KB/);
      const ok = await small.app.inject({
        method: 'POST',
        url: '/api/ingest/preview',
        headers: AUTH,
        payload: form({}, { name: 'tiny.csv', content: 'customer,date,amount\nA,2024-01-01,1\n' }),
      });
      expect(ok.statusCode, ok.body).toBe(200);
    } finally {
      await small.cleanup();
    }
  });

  it('still answers after all of that', async () => {
    expect((await s.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const status = await s.app.inject({ url: '/api/status', headers: AUTH });
    expect(status.statusCode).toBe(200);
  });
});
