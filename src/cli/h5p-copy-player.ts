/**
 * `npm run h5p:copy-player`: h5p-standalone's player (and Melek's frame script, compiled) into
 * public/h5p-player/, which is generated and not in git. See player-assets.ts for what is copied,
 * what is changed, and why. The same step as an Astro integration, so every `astro build` and
 * `astro dev` runs it first: `integrations: [mdx(), h5pPlayerAssets(), …]` in astro.config.mjs.
 */
import { copyPlayerAssets } from '../lib/server/h5p/player-assets';

export { h5pPlayerAssets } from '../lib/server/h5p/player-assets';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dest, changed, bytes } = await copyPlayerAssets(process.cwd());
  console.log(`H5P player: ${dest} (${Math.round(bytes / 1024)} KB${changed.length ? `, updated: ${changed.join(', ')}` : ', up to date'})`);
}
