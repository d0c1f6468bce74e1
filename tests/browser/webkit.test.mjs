// The loader, rawpx/css, a module worker on an OffscreenCanvas and the pool
// in WebKit, Safari's engine (tests/browser/webkit.mjs). WebKit has no
// ctx.filter, where img.filter() matters most. The bytes must equal Node's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { startWebKit } from './webkit.mjs';
import { load } from '../../js/rawpx.js';
import '../../js/css.js';
import { chain, opaque, source } from '../vite-app/chain.js';

const server = await serve();
const site = `http://127.0.0.1:${server.address().port}`;
const webkit = await startWebKit();
after(async () => {
  server.close();
  await webkit.close();
});

async function nodeBytes(make) {
  const px = await load(readFileSync(new URL('../../dist/rawpx.wasm', import.meta.url)));
  const img = px.image(make());
  for (const [method, ...args] of chain) img[method](...args);
  return { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
}

test('WebKit: a streaming load, the chain (with img.filter) and the pool give Node\'s bytes', async () => {
  await webkit.open(`${site}/js/demo/`);
  const got = await webkit.run(`async () => (await import('/tests/browser/chain-page.js')).chainInPage()`);
  const want = await nodeBytes(source);
  console.log(`WebKit: ${got.agent}; ctx.filter ${got.ctxFilter ? 'present' : 'absent'}`);
  assert.equal(got.simdSupported, true, 'WebKit runs SIMD128');
  assert.deepEqual(got.warnings, [], 'streamed, not compiled from bytes');
  assert.deepEqual(got.single, want);
  assert.deepEqual(got.pooled, want);
});

test('WebKit: a plain module worker runs rawpx on an OffscreenCanvas, with Node\'s bytes', async () => {
  await webkit.open(`${site}/js/demo/`);
  const got = await webkit.run(`() => new Promise((resolve) => {
    const worker = new Worker('/tests/browser/offscreen-worker.js', { type: 'module' });
    worker.onmessage = (e) => { resolve(e.data); worker.terminate(); };
    worker.onerror = (e) => resolve({ error: e.message || 'the worker failed to start' });
    worker.postMessage(0);
  })`);
  assert.equal(got.error, undefined, got.error);
  assert.deepEqual(got, { ...(await nodeBytes(opaque)), type: 'image/png' });
});

test('WebKit: filter() strings with blur and drop-shadow, and composite, give Node\'s bytes where ctx.filter is missing', async () => {
  const steps = [['filter', 'contrast(1.2) blur(2px) drop-shadow(3px 2px 2px rgba(200, 0, 0, 0.6))'], ['hsl', { hue: 20 }], ['median', 1]];
  await webkit.open(`${site}/js/demo/`);
  const got = await webkit.run(`async () => {
    const { load } = await import('/js/rawpx.js');
    await import('/js/css.js');
    const { source } = await import('/tests/vite-app/chain.js');
    const px = await load('/dist/rawpx.wasm');
    const img = px.image(source()), over = px.image(source()).rotate(90);
    for (const [method, ...args] of ${JSON.stringify(steps)}) img[method](...args);
    img.composite(over, { x: 7, y: -5, mode: 'overlay', opacity: 0.7 });
    return { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
  }`);
  const px = await load(readFileSync(new URL('../../dist/rawpx.wasm', import.meta.url)));
  const img = px.image(source()), over = px.image(source()).rotate(90);
  for (const [method, ...args] of steps) img[method](...args);
  img.composite(over, { x: 7, y: -5, mode: 'overlay', opacity: 0.7 });
  assert.deepEqual(got, { data: Array.from(img.toImageData().data), width: img.width, height: img.height });
});
