/**
 * Registers the service worker that keeps the page working offline
 * (public/sw.js, its precache list written by vite.config.ts). Called once
 * the lab is up: the precache downloads every chunk of the site, and doing
 * that while the first prompt loads would only slow the prompt down.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('layerlab: offline use is unavailable:', error);
  });
}
