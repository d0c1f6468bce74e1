// A test the Chromium and Firefox files share: a plain module worker using
// rawpx on an OffscreenCanvas (offscreen-worker.js) must give Node's bytes
// for the shared chain on the opaque image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load } from '../../js/rawpx.js';
import '../../js/css.js';
import { chain, opaque } from '../vite-app/chain.js';

async function offscreenWorker(page) {
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

/** Registers the test for `browser` (playwright's or puppeteer's), with the repository served by `server`. */
export function testOffscreenWorker(name, browser, server) {
  test(`${name}: a plain module worker runs rawpx on an OffscreenCanvas, with Node's bytes`, async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/js/demo/`);
    const { got, want } = await offscreenWorker(page);
    assert.equal(got.error, undefined, got.error);
    assert.deepEqual(got, want);
    await page.close();
  });
}
