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
  const got = await page.evaluate(async () => (await import('/tests/browser/chain-page.js')).chainInPage());
  assert.equal(got.simdSupported, true, 'Firefox runs SIMD128');
  assert.deepEqual(got.warnings, [], 'streamed, not compiled from bytes');
  assert.deepEqual(got.single, want);
  assert.deepEqual(got.pooled, want);
  assert.deepEqual(errors, []);
  await page.close();
});

testOffscreenWorker('Firefox', browser, server);
