/**
 * The page's entry: mounts the app and, in a production build, registers
 * the service worker that keeps the page working offline (dist/sw.js,
 * written by the precache plugin in vite.config.ts).
 */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('layerlab: offline use is unavailable:', error);
  });
}
