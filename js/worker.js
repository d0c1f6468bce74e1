// rawpx in a worker (a module worker in a page, worker_threads in Node):
// runs a chain of image methods on the strip it is sent, with its own
// instance of the module (the pool's chain ends by cutting the strip to its
// own part), and sends back the pixels, with their histogram when asked
// (`count`); buffers are transferred.
import { load } from './rawpx.js';
// Strips may run filter() strings and rawpx/extras' methods too.
import './css.js';
import './extras.js';

// No top-level await: bundlers build workers as classic scripts too.
const inPage = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;
const port = globalThis.process?.versions?.node
  ? import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:worker_threads').then((m) => m.parentPort)
  : Promise.resolve(inPage && globalThis);
let rawpx;

port.then((port) => {
  if (!port) throw new Error('rawpx/worker runs inside a worker: start it with new Worker(url, { type: "module" }), or use rawpx/pool');
  port.addEventListener('message', async ({ data: { id, module, data, width, height, chain, count } }) => {
    let img;
    try {
      rawpx ??= load(module);
      img = (await rawpx).image({ data, width, height });
      for (const [method, ...args] of chain) img[method](...args);
      const histogram = count ? img.histogram() : undefined;
      // Back in the buffer the strip came in where it fits (a fresh one
      // costs page faults; see pool.js).
      const view = img.view();
      const out = data.buffer.byteLength >= view.length ? new Uint8ClampedArray(data.buffer, 0, view.length) : new Uint8ClampedArray(view.length);
      out.set(view);
      port.postMessage({ id, data: out, histogram }, [out.buffer]);
    } catch (e) {
      const { name, message, code, fn, arg } = e;
      port.postMessage({ id, error: { name, message, code, fn, arg } });
    } finally {
      img?.free();
    }
  });
});
