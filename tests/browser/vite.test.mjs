// rawpx as an app installs it: the `npm pack` tarball installed into a copy
// of tests/vite-app, built by Vite (from the lock file) and served, and run
// by Vite's dev server, each in Debian's Chromium, Firefox and WebKit: the
// main-thread chain, the app's own module worker (on an OffscreenCanvas)
// and the pool (a worker Vite bundles) must give Node's bytes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { startWebKit } from './webkit.mjs';
import { serve } from '../../scripts/serve.mjs';
import { load } from '../../js/rawpx.js';
import '../../js/css.js';
import { chain, opaque, source } from '../vite-app/chain.js';

const root = new URL('../..', import.meta.url).pathname;
const app = mkdtempSync(join(tmpdir(), 'rawpx-vite-'));
cpSync(join(root, 'tests/vite-app'), app, { recursive: true });
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'rawpx-vite-app', private: true, type: 'module' }));
const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: root, encoding: 'utf8' }));
execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--offline', '--no-audit', '--no-fund', join(app, filename)], { cwd: app, stdio: 'ignore' });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
after(() => browser.close());

// Node's bytes for the same chain.
const px = await load(readFileSync(join(root, 'dist/rawpx.wasm')));
const img = px.image(source());
for (const [method, ...args] of chain) img[method](...args);
const want = { data: Array.from(img.toImageData().data), width: img.width, height: img.height };
// And for the worker's opaque copy, drawn through a canvas.
const flat = px.image(opaque());
for (const [method, ...args] of chain) flat[method](...args);
const wantWorker = { data: Array.from(flat.toImageData().data), width: flat.width, height: flat.height, type: 'image/png' };

// Opens `url`, waits for the app's result, checks it against Node's.
async function check(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.result, null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.result);
  assert.equal(result.error, undefined, result.error);
  assert.deepEqual(result.single, want);
  assert.deepEqual(result.inWorker, wantWorker, 'the app\'s module worker');
  assert.deepEqual(result.pooled, want);
  assert.deepEqual(errors, []);
  await page.close();
}

test('vite build: the chain, the app\'s worker and the pool give Node\'s bytes in Chromium', async () => {
  await build({ root: app, logLevel: 'warn', build: { outDir: join(app, 'dist'), emptyOutDir: true } });
  const assets = readdirSync(join(app, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the module is an asset: ${assets}`);
  assert.ok(assets.filter((f) => f.endsWith('.js')).length >= 3, `the app's worker and the pool's are chunks of their own: ${assets}`);
  const server = await serve(0, join(app, 'dist'));
  try {
    await check(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.close();
  }
});

// Opens `url` in Firefox and in WebKit, and checks each result against Node's.
async function checkFirefoxAndWebKit(url) {
  const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi' });
  const webkit = await startWebKit();
  try {
    const page = await firefox.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.result, { timeout: 60_000 });
    const inFirefox = await page.evaluate(() => window.result);
    assert.deepEqual(errors, []);
    await webkit.open(url);
    const inWebKit = await webkit.run(`async () => {
      for (let i = 0; i < 600 && !window.result; i++) await new Promise((ok) => setTimeout(ok, 100));
      return window.result;
    }`);
    for (const [name, result] of [['Firefox', inFirefox], ['WebKit', inWebKit]]) {
      assert.equal(result?.error, undefined, `${name}: ${result?.error}`);
      assert.deepEqual(result.single, want, `${name}: the chain`);
      assert.deepEqual(result.inWorker, wantWorker, `${name}: the app's module worker`);
      assert.deepEqual(result.pooled, want, `${name}: the pool`);
    }
  } finally {
    await firefox.close();
    await webkit.close();
  }
}

test('vite build: the same in Firefox and in WebKit', async () => {
  const server = await serve(0, join(app, 'dist'));
  try {
    await checkFirefoxAndWebKit(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.close();
  }
});

test('vite dev server: the same in all three, rawpx pre-bundled as Vite does by default', async () => {
  const server = await createServer({ root: app, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  try {
    await check(`http://127.0.0.1:${server.httpServer.address().port}/`);
    await checkFirefoxAndWebKit(`http://127.0.0.1:${server.httpServer.address().port}/`);
  } finally {
    await server.close();
  }
});
