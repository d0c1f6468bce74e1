// rawpx in a worker (a module worker in a page, worker_threads in Node):
// runs a chain of image methods on the pixels it is sent, with its own
// instance of the module, and sends the pixels back; buffers are transferred.
import { load } from './rawpx.js';

const port = globalThis.process?.versions?.node ? (await import('node:worker_threads')).parentPort : globalThis;
let rawpx;

port.addEventListener('message', async ({ data: { id, module, data, width, height, chain } }) => {
  rawpx ??= load(module);
  let img;
  try {
    img = (await rawpx).image({ data, width, height });
    for (const [method, ...args] of chain) img[method](...args);
    const out = img.view().slice();
    port.postMessage({ id, data: out }, [out.buffer]);
  } catch (e) {
    port.postMessage({ id, error: { message: e.message, code: e.code } });
  } finally {
    img?.free();
  }
});
