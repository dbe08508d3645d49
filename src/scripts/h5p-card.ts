/**
 * The only script a lesson with an H5P card ships up front (a few hundred bytes). It waits for
 * the learner to tap "Muat" and only then loads the bridge (h5p-bridge.ts) and the player: a
 * learner on metered data decides. With JavaScript off the same link opens the player page.
 *
 * The bridge is a dynamic import on purpose: it keeps this entry tiny, and a chunk with a dynamic
 * import is always emitted as its own file (Astro inlines small scripts, and the CSP allows no
 * inline script).
 */
for (const card of document.querySelectorAll<HTMLElement>('[data-h5p-card]')) {
  const link = card.querySelector<HTMLAnchorElement>('a[data-h5p-load]');
  link?.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    link.setAttribute('aria-disabled', 'true');
    import('./h5p-bridge').then(
      (bridge) => bridge.loadCard(card),
      () => {
        // The bridge could not be fetched (offline?): open the player page instead.
        window.location.href = link.href;
      },
    );
  });
}
