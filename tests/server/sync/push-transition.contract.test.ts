/**
 * The transition to the 2025–2026 form versions, through the real push route on both stores: a
 * phone that queued dossiers before updating (CT01 v1 and v2, kết hôn v1, the 80+ group of the
 * social allowance, the consent text of 28/11/2026) and an updated phone (CT01 v3, the social
 * pension) send in the same request; every dossier is stored with the version it was filled on.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src/domain/protocol';
import type { Answers } from '../../../src/domain/form-schema';
import { CONSENT, CONSENT_2026_11_28 } from '../../../src/content/consent';
import { FORM_VERSIONS, findForm } from '../../../src/content/forms';
import { VALID } from '../../unit/forms/fixtures';
import { makeSubmission, push, pushRequest } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

/** 10:00 on 01/12/2026 in Vietnam. */
const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);

/** A fixture without its photos, so the dossier is stored at once (blobs are another test's matter). */
function withoutAttachments(key: string): Answers {
  const answers = VALID[key];
  if (!answers) throw new Error(`no fixture ${key}`);
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => !(Array.isArray(v) && v.some((x) => typeof x === 'object' && x && 'sha256' in x))),
  ) as Answers;
}

describe.each(STORE_BACKENDS)('form versions during the transition, with $kind', (backend) => {
  const server = useTestServer(backend, { now: () => NOW });

  it('keeps every older version of every form registered for the server', () => {
    for (const [id, versions] of [
      ['tam-tru-ct01', [1, 2, 3]],
      ['thuong-tru-ct01', [1, 2]],
      ['khai-sinh', [1, 2]],
      ['khai-tu', [1, 2]],
      ['ket-hon', [1, 2]],
      ['tro-cap-xa-hoi', [1, 2]],
    ] as const) {
      expect(FORM_VERSIONS.filter((f) => f.id === id).map((f) => f.version)).toEqual(versions);
    }
  });

  it('stores old-version dossiers queued before the update next to new-version ones, each on its version', async () => {
    const old = {
      submittedAt: NOW - 3600_000,
      consent: { version: CONSENT_2026_11_28.version, lang: 'vi' as const, agreedAt: NOW - 7 * 86_400_000 },
    };
    const fresh = { submittedAt: NOW - 3600_000, consent: { version: CONSENT.version, lang: 'vi' as const, agreedAt: NOW - 2 * 3600_000 } };
    const ct01v3 = { ...withoutAttachments('tam-tru-ct01@3'), homeNotOwned: false };
    const items = [
      makeSubmission({ formId: 'tam-tru-ct01', formVersion: 1, answers: VALID['tam-tru-ct01@1'] as Answers, ...old }),
      makeSubmission({ formId: 'tam-tru-ct01', formVersion: 2, answers: withoutAttachments('tam-tru-ct01@2'), ...old }),
      makeSubmission({ formId: 'tam-tru-ct01', formVersion: 3, answers: ct01v3, ...fresh }),
      makeSubmission({ formId: 'ket-hon', formVersion: 1, answers: { ...withoutAttachments('ket-hon@1'), livesElsewhere: false }, ...old }),
      makeSubmission({ formId: 'ket-hon', formVersion: 2, answers: VALID['ket-hon@2'] as Answers, ...fresh }),
      makeSubmission({ formId: 'tro-cap-xa-hoi', formVersion: 1, answers: VALID['tro-cap-xa-hoi@1'] as Answers, ...old }),
      makeSubmission({ formId: 'tro-cap-huu-tri-xa-hoi', formVersion: 1, answers: VALID['tro-cap-huu-tri-xa-hoi@1'] as Answers, ...fresh }),
    ];
    const res = await push(server.app, await server.device(), pushRequest(items));
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    expect(results.map((r) => [r.id, r.outcome])).toEqual(items.map((item) => [item.id, 'stored']));
    const rows = await server.db.rows('SELECT id, form_id, form_version, consent_version FROM dossiers');
    expect(rows).toHaveLength(items.length);
    for (const item of items) {
      expect(rows.find((r) => r.id === item.id)).toMatchObject({
        form_id: item.formId,
        form_version: item.formVersion,
        consent_version: item.consent?.version,
      });
    }
  });

  it('checks each dossier against its own version: v3 asks the head’s consent, v2 does not', async () => {
    const v2 = withoutAttachments('tam-tru-ct01@2');
    const asV3 = { ...v2 };
    delete asV3.currentAddress;
    const [onV2, onV3] = [
      makeSubmission({ formId: 'tam-tru-ct01', formVersion: 2, answers: v2 }),
      makeSubmission({ formId: 'tam-tru-ct01', formVersion: 3, answers: asV3 }),
    ];
    const res = await push(server.app, await server.device(), pushRequest([onV2!, onV3!]));
    const { results } = (await res.json()) as PushResponse;
    expect(results[0]?.outcome).toBe('stored');
    expect(results[1]).toMatchObject({ outcome: 'invalid', errors: [{ field: 'headConsent', code: 'required' }] });
    // The v2 "Nơi ở hiện tại" is not a field of v3: sending it there is refused by field.
    const stray = makeSubmission({
      formId: 'tam-tru-ct01',
      formVersion: 3,
      answers: { ...asV3, headConsent: 'on-form', currentAddress: v2.currentAddress! },
    });
    const again = (await (await push(server.app, await server.device(), pushRequest([stray]))).json()) as PushResponse;
    expect(again.results[0]).toMatchObject({ outcome: 'invalid', errors: [{ field: 'currentAddress', code: 'unknown-field' }] });
    expect(findForm('tam-tru-ct01')?.version).toBe(3);
  });
});
