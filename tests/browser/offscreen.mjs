// Shared by the Chromium and Firefox tests: Node's bytes for the shared
// chain on the opaque image, and what a plain module worker using rawpx on
// an OffscreenCanvas (offscreen-worker.js) gives in `page`.
import { readFileSync } from 'node:fs';
import { load } from '../../js/rawpx.js';
import '../../js/css.js';
import { chain, opaque } from '../vite-app/chain.js';

export async function offscreenWorker(page) {
  const px = await load(readFileSync(new URL('../../dist/rawpx.wasm', import.meta.url)));
  const img = px.image(opaque());
  for (const [method, ...args] of chain) img[method](...args);
  const want = { data: Array.from(img.toImageData().data), width: img.width, height: img.height, type: 'image/png' };
  const got = await page.evaluate(() => new Promise((resolve) => {
    const worker = new Worker('/tests/browser/offscreen-worker.js', { type: 'module' });
    worker.onmessage = (e) => { resolve(e.data); worker.terminate(); };
    worker.onerror = (e) => resolve({ error: e.message || 'the worker failed to start' });
    worker.postMessage(0);
  }));
  return { got, want };
}
