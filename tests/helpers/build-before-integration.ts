/**
 * Vitest global setup of the integration project: many integration files start the built server
 * (dist/server/melek.mjs). Build first when the sources are newer, so a run never tests old code.
 */
import { buildIfStale } from '../../src/cli/build-freshness';

export default function setup() {
  if (!buildIfStale('dist/ is missing or older than the sources: building before the integration tests…')) {
    throw new Error('astro build failed: the integration tests need a current build.');
  }
}
