// The rank methods through the loader, and on the pool with the
// single-thread bytes (their reach is their radius; open and close run as
// their two steps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, RawpxError } from '../../js/rawpx.js';
import '../../js/extras.js';
import { assertSameOnPool } from './fixtures/same-on-pool.mjs';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const module = new WebAssembly.Module(wasm);
const px = await load(module);
let s = 9;
const src = { width: 47, height: 31, data: Uint8ClampedArray.from({ length: 47 * 31 * 4 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24)) };

test('median, erode, dilate, open, close and sobel: arguments checked, open and close as their two steps', () => {
  const run = (f) => { const img = f(px.image(src)); const d = img.toImageData().data; img.free(); return d; };
  assert.deepEqual(run((i) => i.open(2)), run((i) => i.erode(2).dilate(2)));
  assert.deepEqual(run((i) => i.close(3)), run((i) => i.dilate(3).erode(3)));
  assert.deepEqual(run((i) => i.sobel()), run((i) => i.sobel(1)));
  const img = px.image(src);
  assert.throws(() => img.median(101), (e) => e instanceof RawpxError && /radius 101: 1 to 100/.test(e.message));
  assert.throws(() => img.erode(0), (e) => e instanceof RawpxError && e.fn === 'erode');
  assert.throws(() => img.open(1.5), { name: 'RangeError' });
  assert.throws(() => img.sobel(-1), (e) => e instanceof RawpxError && /scale -1: 0 to 100/.test(e.message));
  img.free();
});

test('the pool runs the rank filters with the single-thread bytes', async () => {
  const chains = [
    [['median', 1], ['sobel', 2]],
    [['median', 4], ['erode', 3], ['dilate', 7]],
    [['open', 2], ['gaussianBlur', 1], ['close', 5], ['median', 2]],
  ];
  await assertSameOnPool(px, module, src, chains);
});
