/**
 * The page's entry. The worker starts first, so it boots and opens the
 * store while the UI's code (Svelte, xterm) is still loading; then the app
 * is mounted. The service worker is registered once the lab is up
 * (lib/offline.ts).
 */
import { startLabWorker } from './lib/lab-client.ts';
import './app.css';

const lab = startLabWorker();
const { mountApp } = await import('./mount.ts');
mountApp(document.getElementById('app')!, lab);
