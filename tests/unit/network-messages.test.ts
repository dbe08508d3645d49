/** The WhatsApp texts: a polite introduction saying they met through Melek, and the Promo Bersama message. */
import { describe, expect, it } from 'vitest';
import { introMessage, promoDetail, promoMessage, PROMO_DETAIL_MAX } from '../../src/lib/network/messages';
import { waChatLink, waShareLink } from '../../src/lib/whatsapp';

describe('introMessage', () => {
  it('introduces the sender politely and says they found the seller through Melek', () => {
    const text = introMessage({ fromName: 'Pak Hadi', fromBusiness: 'Bandeng Presto Hadi', toBusiness: 'Kerupuk Udang Bu Sari' });
    expect(text).toMatch(/^Halo, salam kenal\. Saya Pak Hadi dari Bandeng Presto Hadi\./);
    expect(text).toContain('Melek');
    expect(text).toContain('Kerupuk Udang Bu Sari');
    expect(text).toContain('Terima kasih');
  });

  it('works without a business name and keeps each name on one line', () => {
    const text = introMessage({ fromName: 'Bu\nSari', toBusiness: 'Toko\nA' });
    expect(text).toContain('Saya Bu Sari.');
    expect(text).toContain('usaha Toko A ');
  });

  it('travels through wa.me URL-encoded, nothing injected into the link', () => {
    const link = waChatLink('+6281100000011', introMessage({ fromName: 'A&B <x>', toBusiness: '"Toko" #1?' }));
    expect(link.startsWith('https://wa.me/6281100000011?text=')).toBe(true);
    const url = new URL(link);
    expect([...url.searchParams.keys()]).toEqual(['text']);
    expect(url.hash).toBe('');
    expect(url.searchParams.get('text')).toContain('"Toko" #1?');
  });
});

describe('promoMessage', () => {
  const sellers = [1, 2, 3, 4, 5].map((i) => ({
    businessName: `Usaha ${i}`,
    productLine: 'Makanan & minuman',
    detail: `Produk nomor ${i}\nbaris kedua`,
    catalogLink: i % 2 ? `https://wa.me/c/62811000000${i}` : null,
  }));

  it("lists every seller's name, product line and catalog link, numbered, in order", () => {
    const text = promoMessage(sellers);
    for (const [i, s] of sellers.entries()) {
      expect(text).toContain(`${i + 1}. *${s.businessName}* — Makanan & minuman`);
      expect(text).toContain(`   Produk nomor ${i + 1}`);
      if (s.catalogLink) expect(text).toContain(`Katalog: ${s.catalogLink}`);
    }
    expect(text).not.toContain('baris kedua');
    expect(text.indexOf('Usaha 1')).toBeLessThan(text.indexOf('Usaha 5'));
    expect(text.match(/Katalog:/g)).toHaveLength(3);
  });

  it('carries no phone numbers', () => {
    expect(promoMessage(sellers)).not.toMatch(/\b08\d{8,}/);
  });

  it('shortens a long first line at a word', () => {
    const d = promoDetail(`${'kata '.repeat(40)}akhir`);
    expect(d.length).toBeLessThanOrEqual(PROMO_DETAIL_MAX);
    expect(d.endsWith('…')).toBe(true);
    expect(promoDetail(null)).toBe('');
  });

  it('is shared with wa.me/?text=', () => {
    const link = waShareLink(promoMessage(sellers));
    expect(link.startsWith('https://wa.me/?text=')).toBe(true);
    expect(new URL(link).searchParams.get('text')).toBe(promoMessage(sellers));
  });
});
