/**
 * Pieces the civil-status declarations gained with Thông tư 04/2024/TT-BTP: the requester's place
 * of residence (next to their ID number). New exports only, so the older versions keep theirs.
 * source: Thông tư 04/2024/TT-BTP (sửa đổi Thông tư 04/2020/TT-BTP); verifiedOn: 2026-12-01.
 */
import type { Field } from '../../domain/form-schema';
import { ADDRESS_HINT } from './common';

export const REQUESTER_RESIDENCE: Field = {
  id: 'requesterResidence',
  kind: 'address',
  required: true,
  label: { vi: 'Nơi cư trú của người yêu cầu', en: 'Place of residence of the person filing' },
  hint: ADDRESS_HINT,
};
