/**
 * Every registered form, through the real push route on both stores: an empty or mistaken
 * declaration is refused with exactly the shared validator's field errors and nothing is
 * stored; a complete one is accepted.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse, PushResult } from '../../../src/domain/protocol';
import { validate } from '../../../src/domain/validate';
import { FORM_VERSIONS } from '../../../src/content/forms';
import { ADMIN_UNITS } from '../../../src/content/admin-units/bundled';
import { VALID } from '../../unit/forms/fixtures';
import { makeSubmission, push as pushAs, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

/** 10:00 on 28/11/2026 in Vietnam: the day the form fixtures are written for. */
const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);
const TODAY = { year: 2026, month: 11, day: 28 };

describe.each(STORE_BACKENDS)('every form through push with $kind', (backend) => {
  const server = useTestServer(backend, { now: () => NOW });

  async function push(formId: string, formVersion: number, answers: Record<string, unknown>): Promise<PushResult> {
    const item = makeSubmission({ formId, formVersion, answers: answers as never, submittedAt: NOW - 60_000 });
    const res = await pushAs(server.app, await server.device(), pushRequest([item]));
    expect(res.status).toBe(200);
    const [result] = ((await res.json()) as PushResponse).results;
    return result as PushResult;
  }

  for (const form of FORM_VERSIONS) {
    const key = `${form.id}@${form.version}`;

    it(`${key}: an empty declaration gets the validator's errors and is not stored`, async () => {
      const result = await push(form.id, form.version, {});
      expect(result.outcome).toBe('invalid');
      const expected = validate(form, {}, { today: TODAY, units: ADMIN_UNITS });
      expect(expected.length).toBeGreaterThan(0);
      expect(result.outcome === 'invalid' && result.errors).toEqual(expected);
      expect(await server.stores.dossiers.countDossiers()).toBe(0);
    });

    it(`${key}: an answer the form does not ask for is refused by field; a complete one is accepted`, async () => {
      const valid = VALID[key];
      expect(valid, `no fixture for ${key}`).toBeDefined();
      const mistaken = await push(form.id, form.version, { ...valid, notAField: 'x' });
      expect(mistaken).toMatchObject({ outcome: 'invalid', errors: [{ field: 'notAField', code: 'unknown-field' }] });
      expect(await server.stores.dossiers.countDossiers()).toBe(0);

      const accepted = await push(form.id, form.version, valid!);
      // Forms whose fixture carries photos wait for their blobs: nothing is stored until then.
      expect(['stored', 'missing-blobs']).toContain(accepted.outcome);
      expect(await server.stores.dossiers.countDossiers()).toBe(accepted.outcome === 'stored' ? 1 : 0);
    });
  }
});
