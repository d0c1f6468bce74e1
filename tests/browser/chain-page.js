// Loaded in the page by the Firefox and WebKit tests: a streaming load
// (any "compiling from bytes" warning caught), the shared chain on the main
// thread and on a pool of 2, and what the engine has.
import { load, simdSupported } from '/js/rawpx.js';
import '/js/css.js';
import { createPool } from '/js/pool.js';
import { chain, source } from '/tests/vite-app/chain.js';

const pixels = ({ data, width, height }) => ({ data: Array.from(data), width, height });

export async function chainInPage() {
  const warnings = [];
  const warn = console.warn;
  console.warn = (m) => warnings.push(m);
  const px = await load('/dist/rawpx.wasm');
  console.warn = warn;
  const img = px.image(source());
  for (const [method, ...args] of chain) img[method](...args);
  const single = pixels(img.toImageData());
  img.free();
  const pool = await createPool(await WebAssembly.compileStreaming(fetch('/dist/rawpx.wasm')), 2);
  const pooled = pixels(await pool.run(source(), chain));
  pool.terminate();
  const ctxFilter = 'filter' in new OffscreenCanvas(1, 1).getContext('2d');
  return { simdSupported, warnings, single, pooled, ctxFilter, agent: navigator.userAgent };
}
