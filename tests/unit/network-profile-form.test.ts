/** The seller profile form: catalog links (http(s) only), the 500-character description, HTML kept as typed (escaped on output), checklists. */
import { describe, expect, it } from 'vitest';
import { id as dictionary } from '../../src/i18n/id';
import { catalogLink, oneLine, paragraphs, profileFormValues, profileSchema, safeHref } from '../../src/lib/network/profile-form';
import { parseForm } from '../../src/lib/validation';

const valid = {
  businessName: 'Kerupuk Udang Bu Sari',
  category: 'makanan_minuman',
  kecamatan: 'Sidoarjo',
  description: 'Kerupuk udang asli.',
  catalogLink: 'https://wa.me/c/6281100000011',
  offers: ['joint_promotion', 'shared_delivery'],
  seeks: ['supplier'],
  visibility: 'cohort',
  showPhone: 'on',
};

describe('catalogLink', () => {
  it.each([
    ['https://wa.me/c/6281234567890', 'https://wa.me/c/6281234567890'],
    ['http://toko-sari.id/katalog', 'http://toko-sari.id/katalog'],
    ['HTTPS://Wa.Me/c/62812', 'https://wa.me/c/62812'],
    ['wa.me/c/6281234567890', 'https://wa.me/c/6281234567890'],
    ['  https://shopee.co.id/tokosari  ', 'https://shopee.co.id/tokosari'],
  ])('accepts %s', (input, url) => {
    expect(catalogLink(input)).toEqual({ ok: true, url });
  });

  it('an empty link is no link', () => {
    expect(catalogLink('')).toEqual({ ok: true, url: null });
    expect(catalogLink(undefined)).toEqual({ ok: true, url: null });
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(document.cookie)'],
    [' javascript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['javascript://wa.me/%0aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['whatsapp://send?phone=62812'],
    ['file:///etc/passwd'],
    ['ftp://example.com/x'],
    ['//evil.example/x'],
    ['https://user:pass@evil.example/'],
    ['https://wa.me@evil.example/'],
    ['https://localhost/x'],
    ['https://wa.me/"onmouseover="alert(1)'],
    ['https://wa.me/<script>'],
    ['halo saya jualan kerupuk'],
    ['\u0000https://wa.me/'],
  ])('refuses %j', (input) => {
    const result = catalogLink(input);
    expect(result.ok).toBe(false);
  });

  it('refuses a link over 300 characters', () => {
    expect(catalogLink(`https://wa.me/${'a'.repeat(300)}`)).toEqual({ ok: false, error: 'netLinkLong' });
  });

  it('safeHref lets only stored http(s) links through (defence on output)', () => {
    expect(safeHref('https://wa.me/c/62812')).toBe('https://wa.me/c/62812');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('wa.me/c/62812')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('profileSchema', () => {
  it('parses a valid profile, offers in list order, the phone tick as a boolean', () => {
    const r = parseForm(profileSchema, valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({
      businessName: 'Kerupuk Udang Bu Sari',
      offers: ['shared_delivery', 'joint_promotion'],
      seeks: ['supplier'],
      showPhone: true,
      visibility: 'cohort',
    });
    const hiddenPhone = parseForm(profileSchema, { ...valid, showPhone: undefined });
    expect(hiddenPhone.ok && hiddenPhone.data.showPhone).toBe(false);
  });

  it('a 10,000-character description is refused; 500 is the limit', () => {
    const long = parseForm(profileSchema, { ...valid, description: 'a'.repeat(10_000) });
    expect(long).toEqual({ ok: false, errors: { description: 'netDescriptionLong' } });
    expect(parseForm(profileSchema, { ...valid, description: 'a'.repeat(500) }).ok).toBe(true);
    expect(parseForm(profileSchema, { ...valid, description: 'a'.repeat(501) }).ok).toBe(false);
  });

  it('refuses javascript: catalog links, unknown categories, kecamatan, offers and visibility', () => {
    const r = parseForm(profileSchema, {
      ...valid,
      catalogLink: 'javascript:alert(1)',
      category: 'senjata',
      kecamatan: 'Surabaya',
      offers: ['hack'],
      visibility: 'public',
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        catalogLink: 'netLinkInvalid',
        category: 'netCategoryInvalid',
        kecamatan: 'netKecamatanInvalid',
        offers: 'netOfferInvalid',
        visibility: 'netVisibilityInvalid',
      },
    });
  });

  it('HTML is kept as typed (it is escaped where shown, never stripped into something else)', () => {
    const r = parseForm(profileSchema, { ...valid, businessName: '<b>Toko</b><script>alert(1)</script>', description: '<img src=x onerror=alert(1)>' });
    expect(r.ok && r.data.businessName).toBe('<b>Toko</b><script>alert(1)</script>');
    expect(r.ok && r.data.description).toBe('<img src=x onerror=alert(1)>');
  });

  it('an empty business name and one over 80 characters are refused', () => {
    expect(parseForm(profileSchema, { ...valid, businessName: '   ' })).toEqual({ ok: false, errors: { businessName: 'netBusinessEmpty' } });
    expect(parseForm(profileSchema, { ...valid, businessName: 'x'.repeat(81) })).toEqual({ ok: false, errors: { businessName: 'netBusinessLong' } });
  });

  it('every message key it can produce exists in both dictionaries', async () => {
    const { en } = await import('../../src/i18n/en');
    for (const key of [
      'netBusinessEmpty',
      'netBusinessLong',
      'netCategoryInvalid',
      'netKecamatanInvalid',
      'netDescriptionLong',
      'netLinkInvalid',
      'netLinkLong',
      'netOfferInvalid',
      'netVisibilityInvalid',
    ]) {
      expect(typeof (dictionary as Record<string, unknown>)[key]).toBe('string');
      expect(typeof (en as Record<string, unknown>)[key]).toBe('string');
    }
  });
});

describe('text cleaning and form values', () => {
  it('oneLine folds newlines and control characters; paragraphs keeps short paragraphs', () => {
    expect(oneLine(' Toko\n\tSari\u0000 ')).toBe('Toko Sari');
    expect(paragraphs('a\r\n\r\n\r\n\r\nb  \nc')).toBe('a\n\nb\nc');
  });

  it('profileFormValues keeps every ticked checkbox and the first value of other fields', () => {
    const form = new FormData();
    form.append('offers', 'supplier');
    form.append('offers', 'reseller');
    form.append('businessName', 'A');
    form.append('businessName', 'B');
    expect(profileFormValues(form)).toEqual({ offers: ['supplier', 'reseller'], businessName: 'A' });
  });
});
