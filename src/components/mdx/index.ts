/**
 * Komponen MDX untuk penulis pelajaran. Halaman pelajaran memberikannya ke
 * `<Content components={mdxComponents} />`, jadi berkas .mdx memakai tag ini tanpa baris import.
 * Semua komponen dirender di server, tanpa JavaScript di browser; hanya <H5P> membawa skrip kecil
 * yang memuat pemutar aktivitas setelah peserta menekan "Muat".
 */
import Tip from './Tip.astro';
import Awas from './Awas.astro';
import Langkah from './Langkah.astro';
import ChatWA from './ChatWA.astro';
import Pesan from './Pesan.astro';
import Istilah from './Istilah.astro';
import Contoh from './Contoh.astro';
import H5P from './H5P.astro';
import LayarHP from './LayarHP.astro';
import Ingat from './Ingat.astro';

export const mdxComponents = { Tip, Awas, Langkah, ChatWA, Pesan, Istilah, Contoh, H5P, LayarHP, Ingat };
