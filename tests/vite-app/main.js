// A Vite app using the packed rawpx as a user would (tests/browser/vite.test.mjs
// builds it, serves it and reads window.result in Chromium, Firefox and
// WebKit): the module's URL through ?url, a chain on the main thread, the
// same chain in the app's own module worker on an OffscreenCanvas, and on
// the pool, whose worker Vite bundles from rawpx/pool's own
// `new Worker(new URL(...))`.
import { load } from 'rawpx';
import { createPool } from 'rawpx/pool';
import 'rawpx/css';
import wasmUrl from 'rawpx/rawpx.wasm?url';
import { chain, source } from './chain.js';

try {
  const px = await load(wasmUrl);
  const img = px.image(source());
  for (const [method, ...args] of chain) img[method](...args);
  const single = { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
  img.free();
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const inWorker = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`the app's worker failed: ${e.message}`));
    worker.postMessage('run');
  });
  worker.terminate();
  const pool = await createPool(await WebAssembly.compileStreaming(fetch(wasmUrl)), 2);
  const out = await pool.run(source(), chain);
  pool.terminate();
  window.result = { single, inWorker, pooled: { data: Array.from(out.data), width: out.width, height: out.height } };
} catch (e) {
  window.result = { error: `${e.name}: ${e.message}` };
}
