/**
 * The words of the WhatsApp messages Melek writes for a learner to send to other sellers
 * (src/lib/network/messages.ts puts them together). Always Bahasa Indonesia, whatever the
 * interface language: they are read by other sellers in Sidoarjo, so this dictionary has no
 * English twin and is not spread into id.ts. Plain text: WhatsApp shows it as typed.
 */
export const id_whatsapp = {
  introGreeting: (name: string, business: string) => `Halo, salam kenal. Saya ${name}${business ? ` dari ${business}` : ''}.`,
  introFound: (theirBusiness: string) => `Kita sama-sama belajar di Melek, dan saya menemukan usaha ${theirBusiness} di direktori penjual Melek.`,
  introAsk: 'Kalau berkenan, saya ingin berkenalan dan ngobrol soal kemungkinan kerja sama. Terima kasih banyak.',
  promoTitle: '*Promo Bersama UMKM Sidoarjo*',
  promoLead: 'Yuk dukung usaha tetangga! Ini produk teman-teman penjual Melek:',
  promoCatalog: (link: string) => `Katalog: ${link}`,
  promoClose: 'Pesan langsung lewat katalog masing-masing ya. Terima kasih sudah mendukung UMKM Sidoarjo!',
};
