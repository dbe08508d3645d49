/**
 * The learner home (/learn) as saved on the phone with a module: when it is the saved
 * copy that is open (no connection), say so, and point the main button at a lesson that is saved
 * ("Buka modul tersimpan" when its lesson is not). Online pages are left alone; the saved
 * modules are read only when the copy is open.
 */
const copy = document.documentElement.dataset.savedCopy;
const user = document.querySelector<HTMLMetaElement>('meta[name="melek-user"]')?.content;
if (copy && user) {
  document.getElementById('offline-copy')?.removeAttribute('hidden');
  // "Lewati tes awal" posts to the server, which the saved copy cannot reach.
  const skip = document.getElementById('skip-pretest-form');
  if (skip) skip.hidden = true;
  const link = document.getElementById('continue-link') as HTMLAnchorElement | null;
  if (link) {
    void import('./offline/db').then(async ({ savedModules }) => {
      const path = new URL(link.href, location.href).pathname;
      const saved = await savedModules(user).catch(() => []);
      if (!saved.some((record) => record.urls.includes(path))) {
        link.href = '/learn/offline';
        link.textContent = link.dataset.sOpenSaved ?? link.textContent;
      }
    });
  }
}
