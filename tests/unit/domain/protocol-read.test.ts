/** The phone's readers for the server's push and pull answers: good answers pass whole, hostile ones are refused. */
import { describe, expect, it } from 'vitest';
import { readPullResponse, readPushResponse } from '../../../src/domain/protocol-read';
import type { PullResponse, PushResponse } from '../../../src/domain/protocol';

const ID = '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const CODE = '15865-250714-K7Q2MX';
const HASH = 'a'.repeat(64);

/** One result of every outcome, with every optional field. */
function goodPush(): PushResponse {
  return {
    protocol: 1,
    results: [
      { id: ID, outcome: 'stored', dossierCode: CODE, receivedAt: 1_752_462_000_000, status: 'received', statusSeq: 7 },
      {
        id: 'id-2',
        outcome: 'duplicate',
        dossierCode: CODE,
        receivedAt: 0,
        status: 'supplement-requested',
        statusSeq: 9,
        statusNote: 'Bổ sung CCCD',
      },
      { id: 'id-3', outcome: 'duplicate', dossierCode: CODE, receivedAt: 5 },
      { id: 'id-4', outcome: 'conflict', dossierCode: CODE },
      {
        id: 'id-5',
        outcome: 'invalid',
        errors: [
          { field: 'phone', code: 'phone-format' },
          { field: '', code: 'unknown-form' },
        ],
      },
      { id: 'id-6', outcome: 'missing-blobs', missing: [HASH, 'b'.repeat(64)] },
      // Protocol 2: a conflict with a dossier this device does not follow names no code.
      { id: 'id-7', outcome: 'conflict' },
    ],
  };
}

function goodPull(): PullResponse {
  return {
    protocol: 1,
    changes: [
      { id: ID, dossierCode: CODE, status: 'received', changedAt: 1000, seq: 1 },
      { id: ID, dossierCode: CODE, status: 'refused', note: 'Sai địa chỉ', changedAt: 2000, seq: 2 },
    ],
    cursor: 2,
  };
}

/** The good push with result `index` replaced by `patch` applied to it (undefined values delete). */
function pushWith(index: number, patch: Record<string, unknown>): unknown {
  const body = goodPush() as unknown as { results: Record<string, unknown>[] };
  const result = { ...body.results[index]!, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete result[key];
  body.results[index] = result;
  return body;
}

function pullWith(index: number, patch: Record<string, unknown>): unknown {
  const body = goodPull() as unknown as { changes: Record<string, unknown>[] };
  const change = { ...body.changes[index]!, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete change[key];
  body.changes[index] = change;
  return body;
}

describe('readPushResponse', () => {
  it('gives back a good answer of every outcome unchanged, also through JSON', () => {
    expect(readPushResponse(goodPush())).toEqual(goodPush());
    expect(readPushResponse(JSON.parse(JSON.stringify(goodPush())))).toEqual(goodPush());
    expect(readPushResponse({ protocol: 1, results: [] })).toEqual({ protocol: 1, results: [] });
  });

  it('ignores fields it does not know, at every level, and does not carry them along', () => {
    const body = { ...goodPush(), server: 'v9', results: goodPush().results.map((r) => ({ ...r, extra: { deep: true } })) };
    const read = readPushResponse(body);
    expect(read).toEqual(goodPush());
    expect(read).not.toHaveProperty('server');
    expect(read?.results[0]).not.toHaveProperty('extra');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'ok'],
    ['no results', { protocol: 1 }],
    ['results that are an object', { protocol: 1, results: {} }],
    ['no protocol', { results: [] }],
    ['a protocol given as text', { protocol: '1', results: [] }],
    ['a protocol of 0', { protocol: 0, results: [] }],
    ['more results than a push may carry', { protocol: 1, results: Array.from({ length: 51 }, () => goodPush().results[3]) }],
  ])('refuses %s', (_name, body) => {
    expect(readPushResponse(body)).toBeUndefined();
  });

  it.each([
    ['a result that is not an object', 0, null],
    ['a missing id', 0, { id: undefined }],
    ['an id that is a number', 0, { id: 42 }],
    ['an empty id', 0, { id: '' }],
    ['an unknown outcome', 0, { outcome: 'accepted' }],
    ['an outcome in capitals', 0, { outcome: 'STORED' }],
    ['a stored answer without a dossier code', 0, { dossierCode: undefined }],
    ['a dossier code that is not one', 0, { dossierCode: '15865-250714-K7Q2M0' }],
    ['a dossier code with spaces around it', 0, { dossierCode: ` ${CODE}` }],
    ['a dossier code that is a number', 3, { dossierCode: 1586525 }],
    ['a conflict whose dossier code is null', 3, { dossierCode: null }],
    ['a conflict whose dossier code is empty', 3, { dossierCode: '' }],
    ['a receivedAt that is text', 0, { receivedAt: '1752462000000' }],
    ['a receivedAt with a fraction', 0, { receivedAt: 1.5 }],
    ['a negative receivedAt', 0, { receivedAt: -1 }],
    ['a receivedAt past 2^53', 0, { receivedAt: 2 ** 60 }],
    ['a duplicate without receivedAt', 1, { receivedAt: undefined }],
    ['a status outside the lifecycle', 1, { status: 'lost' }],
    ['a status of null', 1, { status: null }],
    ['a statusSeq that is text', 1, { statusSeq: '9' }],
    ['a statusSeq of 0', 1, { statusSeq: 0 }],
    ['a statusNote that is a number', 1, { statusNote: 5 }],
    ['an invalid answer without errors', 4, { errors: undefined }],
    ['errors that are not an array', 4, { errors: { field: 'phone', code: 'phone-format' } }],
    ['an error without a field', 4, { errors: [{ code: 'required' }] }],
    ['an error with an unknown code', 4, { errors: [{ field: 'phone', code: 'too-ugly' }] }],
    ['an error that is a string', 4, { errors: ['phone-format'] }],
    ['missing hashes that are not an array', 5, { missing: HASH }],
    ['an empty list of missing hashes', 5, { missing: [] }],
    ['a missing hash in capitals', 5, { missing: [HASH.toUpperCase()] }],
    ['a missing hash too short', 5, { missing: ['a'.repeat(63)] }],
  ])('refuses the whole answer for %s', (_name, index, patch) => {
    const body = patch === null ? { protocol: 1, results: [null] } : pushWith(index, patch);
    expect(readPushResponse(body)).toBeUndefined();
  });

  it('never takes a field from the prototype: __proto__ keys, from JSON or a literal, are not read', () => {
    const fromJson = JSON.parse(`{"protocol":1,"results":[{"id":"${ID}","__proto__":{"outcome":"conflict","dossierCode":"${CODE}"}}]}`);
    expect(readPushResponse(fromJson)).toBeUndefined();
    const inherited = { protocol: 1, results: [Object.assign(Object.create({ outcome: 'conflict', dossierCode: CODE }), { id: ID })] };
    expect(readPushResponse(inherited)).toBeUndefined();
    const withProtoKey = JSON.parse(
      `{"protocol":1,"__proto__":{"polluted":true},"results":[{"id":"${ID}","outcome":"conflict","dossierCode":"${CODE}","__proto__":{"x":1}}]}`,
    );
    const read = readPushResponse(withProtoKey);
    expect(read).toEqual({ protocol: 1, results: [{ id: ID, outcome: 'conflict', dossierCode: CODE }] });
    expect(Object.getPrototypeOf(read!.results[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read a constructor or toString as a field', () => {
    expect(readPushResponse({ protocol: 1, results: [{ id: ID, outcome: 'constructor' }] })).toBeUndefined();
    expect(readPushResponse({ protocol: 1, results: [{ id: ID, outcome: 'toString', dossierCode: CODE }] })).toBeUndefined();
  });
});

describe('readPullResponse', () => {
  it('gives back a good answer unchanged, and an empty page', () => {
    expect(readPullResponse(goodPull())).toEqual(goodPull());
    expect(readPullResponse(JSON.parse(JSON.stringify(goodPull())))).toEqual(goodPull());
    expect(readPullResponse({ protocol: 1, changes: [], cursor: 0 })).toEqual({ protocol: 1, changes: [], cursor: 0 });
  });

  it('ignores fields it does not know', () => {
    const body = { ...goodPull(), more: true, changes: goodPull().changes.map((c) => ({ ...c, officer: 'Lan' })) };
    const read = readPullResponse(body);
    expect(read).toEqual(goodPull());
    expect(read?.changes[0]).not.toHaveProperty('officer');
  });

  it.each([
    ['null', null],
    ['an array', [goodPull()]],
    ['no cursor', { protocol: 1, changes: [] }],
    ['a cursor that is text', { protocol: 1, changes: [], cursor: '0' }],
    ['a negative cursor', { protocol: 1, changes: [], cursor: -1 }],
    ['changes that are not an array', { protocol: 1, changes: 'none', cursor: 0 }],
    ['no protocol', { changes: [], cursor: 0 }],
    ['a change that is not an object', { protocol: 1, changes: [7], cursor: 0 }],
  ])('refuses %s', (_name, body) => {
    expect(readPullResponse(body)).toBeUndefined();
  });

  it.each([
    ['a missing id', { id: undefined }],
    ['an id that is a number', { id: 1 }],
    ['a missing dossier code', { dossierCode: undefined }],
    ['a dossier code in lower case', { dossierCode: CODE.toLowerCase() }],
    ['an unknown status', { status: 'archived' }],
    ['a missing status', { status: undefined }],
    ['a note that is a number', { note: 3 }],
    ['a note of null', { note: null }],
    ['a changedAt that is text', { changedAt: 'now' }],
    ['a missing seq', { seq: undefined }],
    ['a seq with a fraction', { seq: 1.5 }],
    ['a seq of 0', { seq: 0 }],
  ])('refuses the whole answer for a change with %s', (_name, patch) => {
    expect(readPullResponse(pullWith(1, patch))).toBeUndefined();
  });

  it('never takes a change field from the prototype', () => {
    const change = Object.assign(Object.create({ status: 'received' }), { id: ID, dossierCode: CODE, changedAt: 1, seq: 1 });
    expect(readPullResponse({ protocol: 1, changes: [change], cursor: 1 })).toBeUndefined();
    const fromJson = JSON.parse(
      `{"protocol":1,"cursor":1,"changes":[{"id":"${ID}","dossierCode":"${CODE}","changedAt":1,"seq":1,"__proto__":{"status":"received"}}]}`,
    );
    expect(readPullResponse(fromJson)).toBeUndefined();
  });
});
