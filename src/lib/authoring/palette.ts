/**
 * The component palette of the lesson editor (issue 19): one copyable snippet per lesson
 * component, written as the built-in lessons write them. Pure data, shared by the page (a list
 * of snippets without JavaScript) and the editor script ("Sisipkan" at the cursor).
 */
export const PALETTE: ReadonlyArray<{ name: string; snippet: string }> = [
  { name: 'Tip', snippet: '<Tip judul="Judul tip">\nIsi tip yang singkat.\n</Tip>' },
  { name: 'Awas', snippet: '<Awas>\nHal yang harus dihindari.\n</Awas>' },
  { name: 'Langkah', snippet: '<Langkah judul="Langkah-langkah">\n\n1. Langkah pertama.\n2. Langkah kedua.\n\n</Langkah>' },
  { name: 'Istilah', snippet: '<Istilah kata="Kata">arti kata dengan bahasa sehari-hari</Istilah>' },
  { name: 'Contoh', snippet: '<Contoh judul="Contoh">\n\n- Contoh pertama.\n\n</Contoh>' },
  {
    name: 'ChatWA',
    snippet:
      '<ChatWA judul="Nama kontak">\n  <Pesan dari="Pembeli" jam="09.00">Isi pesan pembeli.</Pesan>\n  <Pesan saya jam="09.05" centang="dibaca">Balasan Anda.</Pesan>\n</ChatWA>',
  },
  { name: 'H5P', snippet: '<H5P id="kode-aktivitas" />' },
  { name: 'LayarHP', snippet: '<LayarHP aplikasi="Nama aplikasi" jalan="Menu lalu Submenu" catatan="Catatan singkat." />' },
  { name: 'Ingat', snippet: '<Ingat>\n\n- Hal penting yang perlu diingat.\n\n</Ingat>' },
];
