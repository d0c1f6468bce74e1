// The app's own plain module worker, which Vite bundles from main.js's
// literal `new Worker(new URL('./worker.js', import.meta.url), { type:
// 'module' })`: rawpx on an OffscreenCanvas, the shared chain on an opaque
// copy of the shared image, in through the canvas, out as pixels and a PNG.
import { load } from 'rawpx';
import 'rawpx/css';
import wasmUrl from 'rawpx/rawpx.wasm?url';
import { chain, opaque } from './chain.js';

self.onmessage = async () => {
  try {
    const px = await load(wasmUrl);
    const src = opaque();
    const ctx = new OffscreenCanvas(src.width, src.height).getContext('2d');
    ctx.putImageData(new ImageData(src.data, src.width, src.height), 0, 0);
    const img = px.fromCanvas(ctx);
    for (const [method, ...args] of chain) img[method](...args);
    const png = await img.toBlob();
    const out = img.toImageData();
    self.postMessage({ data: Array.from(out.data), width: out.width, height: out.height, type: png.type });
  } catch (e) {
    self.postMessage({ error: `${e.name}: ${e.message}` });
  }
};
