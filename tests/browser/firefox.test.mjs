// The loader, rawpx/css and the pool in Firefox (Debian's firefox-esr,
// driven by puppeteer-core over WebDriver BiDi), from the repository served
// with the wasm MIME type: the bytes must equal Node's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import { testOffscreenWorker } from './offscreen.mjs';
import { load } from '../../js/rawpx.js';
import '../../js/css.js';
import { chain, source } from '../vite-app/chain.js';

const root = new URL('../..', import.meta.url).pathname;
const server = await serve();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi' });
after(async () => { await browser.close(); server.close(); });

test('Firefox: a streaming load, a chain and the pool give Node\'s bytes', async () => {
  const px = await load(readFileSync(join(root, 'dist/rawpx.wasm')));
  const img = px.image(source());
  for (const [method, ...args] of chain) img[method](...args);
  const want = { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/js/demo/`);
  const got = await page.evaluate(async () => {
    const { load, simdSupported } = await import('/js/rawpx.js');
    await import('/js/css.js');
    const { createPool } = await import('/js/pool.js');
    const { chain, source } = await import('/tests/vite-app/chain.js');
    const warnings = [];
    const warn = console.warn;
    console.warn = (m) => warnings.push(m);
    const px = await load('/dist/rawpx.wasm');
    console.warn = warn;
    const img = px.image(source());
    for (const [method, ...args] of chain) img[method](...args);
    const single = { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
    const pool = await createPool(await WebAssembly.compileStreaming(fetch('/dist/rawpx.wasm')), 2);
    const out = await pool.run(source(), chain);
    pool.terminate();
    return { simdSupported, warnings, single, pooled: { data: Array.from(out.data), width: out.width, height: out.height } };
  });
  assert.equal(got.simdSupported, true, 'Firefox runs SIMD128');
  assert.deepEqual(got.warnings, [], 'streamed, not compiled from bytes');
  assert.deepEqual(got.single, want);
  assert.deepEqual(got.pooled, want);
  assert.deepEqual(errors, []);
  await page.close();
});

testOffscreenWorker('Firefox', browser, server);
