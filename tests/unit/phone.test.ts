import { describe, expect, it } from 'vitest';
import { displayPhone, normalizePhone } from '../../src/lib/phone';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['62812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    ['081100000011', '+6281100000011'],
  ])('accepts %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'phoneEmpty'],
    ['   ', 'phoneEmpty'],
    ['abc', 'phoneInvalid'],
    ['0812', 'phoneInvalid'],
    ['0212345678', 'phoneInvalid'],
    ['08123456789012345', 'phoneInvalid'],
    ['+1 415 555 0100', 'phoneForeign'],
    ['+44 7700 900123', 'phoneForeign'],
    ['0812<script>', 'phoneInvalid'],
    ['1'.repeat(1000), 'phoneInvalid'],
  ])('refuses %s', (input, error) => {
    expect(normalizePhone(input)).toEqual({ ok: false, error });
  });

  it('shows numbers the Indonesian way', () => {
    expect(displayPhone('+6281234567890')).toBe('0812-3456-7890');
  });
});
