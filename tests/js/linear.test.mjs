// Linear light through the loader: { linear: true } runs the linear
// exports; the pool splits the linear blur with the single-thread bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load } from '../../js/rawpx.js';
import { assertSameOnPool } from './fixtures/same-on-pool.mjs';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const module = new WebAssembly.Module(wasm);
const px = await load(module);
let s = 5;
const src = { width: 45, height: 27, data: Uint8ClampedArray.from({ length: 45 * 27 * 4 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24)) };
const bytes = (img) => { const d = Array.from(img.toImageData().data); img.free(); return d; };

test('{ linear: true } runs resize_linear and gaussian_blur_linear', () => {
  assert.deepEqual(bytes(px.image(src).resize(20, 13, 'bicubic', { linear: true })), bytes(px.image(src).resizeLinear(20, 13, 'bicubic')));
  assert.deepEqual(bytes(px.image(src).gaussianBlur(2, { linear: true })), bytes(px.image(src).gaussianBlurLinear(2)));
  assert.deepEqual(bytes(px.image(src).gaussianBlur(2, { linear: false })), bytes(px.image(src).gaussianBlur(2)));
  assert.notDeepEqual(bytes(px.image(src).gaussianBlur(2, { linear: true })), bytes(px.image(src).gaussianBlur(2)));
  assert.throws(() => px.image(src).gaussianBlur(2, { linear: 'yes' }), { name: 'TypeError', message: 'rawpx.gaussianBlur: linear must be true or false, not yes' });
  // Black and white pixels averaged in linear light give the light's mean: 188, not 128.
  const bw = { width: 2, height: 1, data: Uint8ClampedArray.of(0, 0, 0, 255, 255, 255, 255, 255) };
  assert.deepEqual(bytes(px.image(bw).resize(1, 1, 'box', { linear: true })), [188, 188, 188, 255]);
  assert.deepEqual(bytes(px.image(bw).resize(1, 1, 'box')), [128, 128, 128, 255]);
});

test('the pool splits the linear blur with the single-thread bytes', async () => {
  await assertSameOnPool(px, module, src, [[['gaussianBlur', 1.5, { linear: true }], ['gaussianBlurLinear', 3]]], [2, 3]);
});
