// A plain module worker (not the pool) using rawpx on an OffscreenCanvas:
// the shared chain on an opaque copy of the shared image, in through the
// canvas, out as pixels and a PNG blob. Run by the Chromium and Firefox tests.
import { load } from '/js/rawpx.js';
import '/js/css.js';
import { chain, opaque } from '/tests/vite-app/chain.js';

self.onmessage = async () => {
  try {
    const px = await load('/dist/rawpx.wasm');
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
