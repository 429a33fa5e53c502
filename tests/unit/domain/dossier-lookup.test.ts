import { describe, expect, it } from 'vitest';
import {
  LOOKUP_FIRST_WAIT_MS,
  LOOKUP_FREE_TRIES,
  LOOKUP_MAX_WAIT_MS,
  identifierTails,
  lookupInputProblems,
  lookupMatches,
  lookupWaitMs,
  readLookupAnswer,
  readLookupRequest,
} from '../../../src/domain/dossier-lookup';

const CODE = '15865-250714-K7Q2MX';

describe('lookup input', () => {
  it('accepts a code typed in lower case with spaces and digits with spaces', () => {
    expect(readLookupRequest({ dossierCode: ' 15865-250714-k7q2mx ', digits: '23 45' })).toEqual({ dossierCode: CODE, digits: '2345' });
    expect(lookupInputProblems('15865-250714-k7q2mx', '2345')).toEqual([]);
  });

  it('names what is wrong, field by field', () => {
    expect(lookupInputProblems('15865-250714', '2345')).toEqual(['code-format']);
    expect(lookupInputProblems(CODE, '234')).toEqual(['digits-format']);
    expect(lookupInputProblems('', 'abcd')).toEqual(['code-format', 'digits-format']);
    expect(readLookupRequest({ dossierCode: CODE })).toBeUndefined();
    expect(readLookupRequest({ dossierCode: CODE, digits: 2345 })).toBeUndefined();
    expect(readLookupRequest([CODE, '2345'])).toBeUndefined();
  });
});

describe('matching the applicant', () => {
  const answers = {
    fullName: 'Nguyễn Văn An',
    cccd: '038190012345',
    phone: '0912 345 678',
    members: [{ cccd: '001204009876', name: 'Con' }],
    note: 'sống tại số 12345',
    address: { province: '38', detail: 'Thôn 2' },
  };

  it('takes the tails of identity and phone numbers anywhere in the answers, nothing else', () => {
    expect([...identifierTails(answers)].sort()).toEqual(['2345', '5678', '9876']);
    expect(lookupMatches(answers, '2345')).toBe(true);
    expect(lookupMatches(answers, '56 78')).toBe(true);
    expect(lookupMatches(answers, '9876')).toBe(true);
    expect(lookupMatches(answers, '0000')).toBe(false);
    expect(lookupMatches({ fullName: 'An' }, '2345')).toBe(false);
  });
});

describe('waiting after misses', () => {
  it('is free for the first tries, then doubles up to the cap', () => {
    for (let n = 0; n < LOOKUP_FREE_TRIES; n++) expect(lookupWaitMs(n)).toBe(0);
    expect(lookupWaitMs(LOOKUP_FREE_TRIES)).toBe(LOOKUP_FIRST_WAIT_MS);
    expect(lookupWaitMs(LOOKUP_FREE_TRIES + 1)).toBe(2 * LOOKUP_FIRST_WAIT_MS);
    expect(lookupWaitMs(LOOKUP_FREE_TRIES + 40)).toBe(LOOKUP_MAX_WAIT_MS);
  });
});

describe('reading the answer on the phone', () => {
  const change = { id: '0b7c6f8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', dossierCode: CODE, status: 'received', changedAt: 1, seq: 3 };

  it('keeps a well-formed answer and refuses any wrong part', () => {
    expect(readLookupAnswer({ protocol: 2, formId: 'tam-tru-ct01', change })).toEqual({ protocol: 2, formId: 'tam-tru-ct01', change });
    expect(readLookupAnswer({ protocol: 2, formId: 'tam-tru-ct01', change: { ...change, status: 'lost' } })).toBeUndefined();
    expect(readLookupAnswer({ protocol: 2, formId: 'tam-tru-ct01', change: { ...change, dossierCode: 'x' } })).toBeUndefined();
    expect(readLookupAnswer({ protocol: 2, change })).toBeUndefined();
  });
});
