import { describe, expect, it } from 'vitest';
import { VietQrInputError, buildVietQr, crc16CcittFalse, hasValidCrc } from '../../../src/domain/vietqr';

/** A payload published with an open-source VietQR generator (VietinBank BIN 970415, 120.000 đ). */
const PUBLISHED =
  '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

describe('VietQR', () => {
  it('computes CRC-16/CCITT-FALSE: the standard check value and a published payload', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse(PUBLISHED.slice(0, -4))).toBe('C15C');
    expect(hasValidCrc(PUBLISHED)).toBe(true);
    expect(hasValidCrc(PUBLISHED.replace('120000', '130000'))).toBe(false);
  });

  it('builds the published payload field for field', () => {
    expect(buildVietQr({ bin: '970415', account: '0011001932418', amountVnd: 120_000, purpose: 'ung ho lu lut' })).toBe(PUBLISHED);
  });

  it('a code without an amount is static (01=11) and has no tag 54; the purpose is the dossier code', () => {
    const payload = buildVietQr({ bin: '970418', account: '1234567890', purpose: '15865-261201-K7Q2MX' });
    expect(payload.startsWith('000201010211')).toBe(true);
    expect(payload).not.toContain('5406');
    expect(payload).toContain('62230819' + '15865-261201-K7Q2MX');
    expect(hasValidCrc(payload)).toBe(true);
  });

  it('refuses what a bank app could not read, naming the field', () => {
    const bad = (input: Parameters<typeof buildVietQr>[0]) => {
      try {
        buildVietQr(input);
        return null;
      } catch (error) {
        return error instanceof VietQrInputError ? error.field : 'other';
      }
    };
    expect(bad({ bin: '97041', account: '1' })).toBe('bin');
    expect(bad({ bin: '970415', account: '12 34' })).toBe('account');
    expect(bad({ bin: '970415', account: '1', amountVnd: 0 })).toBe('amount');
    expect(bad({ bin: '970415', account: '1', amountVnd: 1.5 })).toBe('amount');
    expect(bad({ bin: '970415', account: '1', purpose: 'lệ phí' })).toBe('purpose');
    expect(bad({ bin: '970415', account: '1', purpose: 'x'.repeat(26) })).toBe('purpose');
  });
});
