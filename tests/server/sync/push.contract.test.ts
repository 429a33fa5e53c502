/** POST /api/v1/sync/push on every adapter: stored, duplicate, conflict and invalid answers, and what is on disk. */
import { describe, expect, it } from 'vitest';
import type { PushResponse, PushResult } from '../../../src/domain/protocol';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, CONSENT_RECORD, NOW, makeSubmission, push as pushAs, pushRequest, registerDevice } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

const CODE = /^15865-250714-[2-9A-HJ-NP-Z]{6}$/;

describe.each(STORE_BACKENDS)('push with $kind', (backend) => {
  const server = useTestServer(backend);

  async function push(items: Parameters<typeof pushRequest>[0]): Promise<PushResult[]> {
    const res = await pushAs(server.app, await server.device(), pushRequest(items));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushResponse;
    expect(body.protocol).toBe(2);
    return body.results;
  }

  /** Reads the database directly, as an operator would, to prove what really is stored. */
  function rowsOnDisk(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
    return server.db.rows(sql, ...params);
  }

  describe('POST /api/v1/sync/push', () => {
    it('stores a valid dossier with a readable code, a row on disk and a "submitted" status change (waiting for an officer to receive it)', async () => {
      const item = makeSubmission();
      const [result] = await push([item]);
      expect(result).toMatchObject({ id: item.id, outcome: 'stored', receivedAt: NOW });
      const code = (result as { dossierCode: string }).dossierCode;
      expect(code).toMatch(CODE);

      const { deviceId } = await server.device();
      const [row] = await rowsOnDisk('SELECT * FROM dossiers WHERE id = ?', item.id);
      expect(row).toMatchObject({
        dossier_code: code,
        commune_code: COMMUNE_CODE,
        device_id: deviceId,
        device_kind: 'resident',
        staff_id: null,
        village_id: null,
        form_id: 'tam-tru-ct01',
        form_version: 1,
        submitted_at: item.submittedAt,
        received_at: NOW,
        status: 'submitted',
      });
      expect(JSON.parse(row?.answers_json as string)).toEqual(item.answers);
      expect(row?.content_hash).toMatch(/^[0-9a-f]{64}$/);
      const changes = await rowsOnDisk('SELECT * FROM status_changes WHERE dossier_id = ?', item.id);
      expect(changes).toEqual([
        expect.objectContaining({ status: 'submitted', commune_code: COMMUNE_CODE, device_id: deviceId, changed_at: NOW }),
      ]);
      expect(await server.stores.dossiers.countDossiers()).toBe(1);
    });

    it('answers a retry of the same dossier as "duplicate" with the first answer, storing it once', async () => {
      const item = makeSubmission();
      const [first] = await push([item]);
      server.setNow(NOW + 86_400_000);
      const [second] = await push([item]);
      expect(first?.outcome).toBe('stored');
      expect(second).toEqual({ ...first, outcome: 'duplicate' });
      expect(await server.stores.dossiers.countDossiers()).toBe(1);
      expect(await rowsOnDisk('SELECT seq FROM status_changes')).toHaveLength(1);
    });

    it('treats a retry typed in NFD, or with a corrected phone clock, as the same dossier', async () => {
      const item = makeSubmission();
      const [first] = await push([item]);
      const nfd = {
        ...item,
        submittedAt: item.submittedAt + 5000,
        answers: { ...item.answers, fullName: ' Nguyễn  Thị Hoa '.normalize('NFD') },
      };
      const [second] = await push([nfd]);
      expect(second).toEqual({ ...first, outcome: 'duplicate' });
    });

    it('answers "conflict" for the same id with different content and keeps the original', async () => {
      const item = makeSubmission();
      const [first] = await push([item]);
      const changed = { ...item, answers: { ...item.answers, reason: 'Đi học' } };
      const [second] = await push([changed]);
      expect(second).toEqual({ id: item.id, outcome: 'conflict', dossierCode: (first as { dossierCode: string }).dossierCode });
      const stored = await server.stores.dossiers.getDossier(item.id);
      expect(stored?.answers.reason).toBe('Đi làm');
      expect(await server.stores.dossiers.countDossiers()).toBe(1);
    });

    it("never reveals another device's dossier code in a conflict", async () => {
      const item = makeSubmission();
      await push([item]);
      const changed = { ...item, answers: { ...item.answers, reason: 'Đi học' } };
      const res = await pushAs(server.app, await server.device('stranger'), pushRequest([changed]));
      const body = (await res.json()) as PushResponse;
      expect(body.results).toEqual([{ id: item.id, outcome: 'conflict' }]);
      expect(JSON.stringify(body)).not.toMatch(/15865-/);
    });

    it('ignores a deviceId in the body: the dossier belongs to the device of the credential', async () => {
      const mine = await server.device();
      const other = await server.device('other');
      const item = makeSubmission();
      const res = await pushAs(server.app, mine, { ...pushRequest([item]), deviceId: other.deviceId });
      expect(res.status).toBe(200);
      const [row] = await rowsOnDisk('SELECT device_id FROM dossiers WHERE id = ?', item.id);
      expect(row?.device_id).toBe(mine.deviceId);
      expect(await rowsOnDisk('SELECT device_id FROM dossier_devices WHERE dossier_id = ?', item.id)).toEqual([
        { device_id: mine.deviceId },
      ]);
    });

    it('answers the second copy of an id inside one batch as a duplicate', async () => {
      const item = makeSubmission();
      const [a, b] = await push([item, item]);
      expect(a?.outcome).toBe('stored');
      expect(b).toEqual({ ...a, outcome: 'duplicate' });
      expect(await server.stores.dossiers.countDossiers()).toBe(1);
    });

    it.each([
      ['CCCD sex digit against the sex chosen', { sex: 'male' }, { field: 'cccd', code: 'cccd-sex' }],
      ['a phone number that is not a mobile', { phone: '0123' }, { field: 'phone', code: 'phone-format' }],
      ['a missing required answer', { fullName: undefined }, { field: 'fullName', code: 'required' }],
      ['a date of birth in the future', { birthDate: '2025-07-15' }, { field: 'birthDate', code: 'date-future' }],
      ['an answer the form does not ask', { favouriteColour: 'blue' }, { field: 'favouriteColour', code: 'unknown-field' }],
    ])('refuses %s with a field error and stores nothing', async (_name, answers, error) => {
      const item = makeSubmission({}, answers);
      const [result] = await push([item]);
      expect(result).toMatchObject({ id: item.id, outcome: 'invalid' });
      expect((result as { errors: unknown[] }).errors).toContainEqual(error);
      expect(await server.stores.dossiers.countDossiers()).toBe(0);
      expect(await rowsOnDisk('SELECT seq FROM status_changes')).toHaveLength(0);
    });

    it('judges "future" by the calendar date in Vietnam, not in UTC', async () => {
      // 20:00 UTC on 14/07 is already 03:00 on 15/07 in Vietnam.
      server.setNow(Date.UTC(2025, 6, 14, 20, 0));
      const [result] = await push([makeSubmission({}, { birthDate: '2025-07-15' })]);
      expect((result as { errors: { field: string; code: string }[] }).errors).not.toContainEqual({
        field: 'birthDate',
        code: 'date-future',
      });
    });

    it.each([
      ['an unknown form', { formId: 'khai-sinh-x' }, { field: 'formId', code: 'unknown-form' }],
      ['an unknown form version', { formVersion: 99 }, { field: 'formVersion', code: 'unknown-form' }],
      ['another commune', { communeCode: '00001' }, { field: 'communeCode', code: 'wrong-commune' }],
      ['no consent', { consent: undefined }, { field: 'consent', code: 'required' }],
      ['an id that is not a UUID', { id: 'not-a-uuid' }, { field: 'id', code: 'wrong-type' }],
      [
        'a submittedAt that is not a number',
        { submittedAt: 'yesterday' as unknown as number },
        { field: 'submittedAt', code: 'wrong-type' },
      ],
      ['a submittedAt with a fraction of a millisecond', { submittedAt: NOW - 0.5 }, { field: 'submittedAt', code: 'wrong-type' }],
      ['a submittedAt past 2^53', { submittedAt: 2 ** 60 }, { field: 'submittedAt', code: 'wrong-type' }],
      ['a submittedAt more than a day ahead', { submittedAt: NOW + 86_400_001 }, { field: 'submittedAt', code: 'time-future' }],
      ['a submittedAt before 2025 (a reset clock)', { submittedAt: 86_400_000 }, { field: 'submittedAt', code: 'time-past' }],
      [
        'consent given after the submission',
        { consent: { ...CONSENT_RECORD, agreedAt: NOW - 3600_000 + 1 } },
        { field: 'consent', code: 'time-order' },
      ],
      [
        'a name with a right-to-left override',
        makeSubmission({}, { fullName: 'Nguyễn \u202eaoH' }),
        { field: 'fullName', code: 'bidi-control' },
      ],
      ['a name with no letter', makeSubmission({}, { fullName: '12345' }), { field: 'fullName', code: 'name-no-letter' }],
      ['a name with a NUL', makeSubmission({}, { fullName: 'Hoa\u0000' }), { field: 'fullName', code: 'control-character' }],
    ])('answers %s as invalid with a machine-readable field error', async (_name, overrides, error) => {
      const item = makeSubmission(overrides);
      const [result] = await push([item]);
      expect(result).toEqual({ id: item.id, outcome: 'invalid', errors: [error] });
      expect(await server.stores.dossiers.countDossiers()).toBe(0);
    });

    it('stores the valid items of a mixed batch and answers each item in order', async () => {
      const good1 = makeSubmission();
      const bad = makeSubmission({}, { phone: '12345' });
      const good2 = makeSubmission({}, { fullName: 'Lê Văn Nam', sex: 'male', cccd: '001085001234', birthDate: '1985-01-02' });
      const wrongForm = makeSubmission({ formId: 'unknown' });
      const results = await push([good1, bad, good2, wrongForm]);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [good1.id, 'stored'],
        [bad.id, 'invalid'],
        [good2.id, 'stored'],
        [wrongForm.id, 'invalid'],
      ]);
      expect(await server.stores.dossiers.countDossiers()).toBe(2);
      expect(await server.stores.dossiers.getDossier(bad.id)).toBeNull();
      const codes = results.flatMap((r) => ('dossierCode' in r ? [r.dossierCode] : []));
      expect(new Set(codes).size).toBe(2);
    });

    it('stores NFD input as NFC with whitespace tidied and the phone compacted', async () => {
      const item = makeSubmission(
        {},
        {
          fullName: '  Nguyễn   Thị Hoa '.normalize('NFD'),
          currentAddress: 'Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa'.normalize('NFD'),
          phone: '0912 345 678',
        },
      );
      expect(item.answers.fullName).not.toBe((item.answers.fullName as string).normalize('NFC'));
      const [result] = await push([item]);
      expect(result?.outcome).toBe('stored');
      const [row] = await rowsOnDisk('SELECT answers_json FROM dossiers WHERE id = ?', item.id);
      const answers = JSON.parse(row?.answers_json as string) as Record<string, string>;
      expect(answers.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
      expect(answers.fullName).toBe(answers.fullName?.normalize('NFC'));
      expect(answers.currentAddress).toBe('Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa'.normalize('NFC'));
      expect(answers.phone).toBe('0912345678');
    });

    it('answers an empty batch with no results', async () => {
      expect(await push([])).toEqual([]);
    });

    it('accepts a protocol header naming the version it speaks', async () => {
      const res = await pushAs(server.app, await server.device(), pushRequest([makeSubmission()]), { 'x-mcld-protocol': '2' });
      expect(res.status).toBe(200);
    });

    it('answers a store failure with a JSON 500 the phone will retry, not a crash', async () => {
      const broken = { ...server.stores, sync: { ...server.stores.sync, pushBatch: () => Promise.reject(new Error('SQLITE_BUSY')) } };
      const app = createApp({ stores: broken, communeCode: COMMUNE_CODE, now: () => NOW });
      const phone = await registerDevice(app);
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const res = await pushAs(app, phone, pushRequest([makeSubmission()]));
        expect(res.status).toBe(500);
        expect(await res.json()).toMatchObject({ error: 'internal' });
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      } finally {
        console.error = original;
      }
      expect(errors).toHaveLength(1);
    });
  });
});
