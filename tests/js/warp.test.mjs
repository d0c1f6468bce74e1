// warp through the loader, and rawpx/extras' rotateBy, affine and
// perspective: the matrices they build, checked on images whose results
// are known exactly; the pool refuses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, RawpxError } from '../../js/rawpx.js';
import '../../js/extras.js';
import { createPool } from '../../js/pool.js';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const module = new WebAssembly.Module(wasm);
const px = await load(module);
const src = { width: 7, height: 4, data: Uint8ClampedArray.from({ length: 7 * 4 * 4 }, (_, i) => (i * 11) % 256) };
const bytes = (img) => { const d = Array.from(img.toImageData().data); const size = [img.width, img.height]; img.free(); return [size, d]; };

test('warp and its conveniences give the known results', () => {
  for (const t of [90, 180, 270, -90]) {
    assert.deepEqual(bytes(px.image(src).rotateBy(t, { filter: 'nearest' })), bytes(px.image(src).rotate(((t % 360) + 360) % 360)), `rotateBy(${t})`);
  }
  const corners = [[0, 0], [7, 0], [7, 4], [0, 4]];
  assert.deepEqual(bytes(px.image(src).perspective(corners, corners)), bytes(px.image(src)), 'the identity perspective');
  assert.deepEqual(bytes(px.image(src).affine({}, { filter: 'bicubic' })), bytes(px.image(src)), 'the identity affine, bicubic at pixel centres');
  // Twice the size by nearest: each source pixel becomes 2×2.
  const [[w, h], big] = bytes(px.image(src).affine({ scale: 2 }, { width: 14, height: 8, filter: 'nearest' }));
  assert.deepEqual([w, h], [14, 8]);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 14; x++) {
    assert.deepEqual(big.slice(4 * (y * 14 + x), 4 * (y * 14 + x) + 4), Array.from(src.data.slice(4 * ((y >> 1) * 7 + (x >> 1)), 4 * ((y >> 1) * 7 + (x >> 1)) + 4)));
  }
  // Moved one pixel right: column 0 is the background.
  const [, moved] = bytes(px.image(src).affine({ translate: [1, 0] }, { filter: 'nearest', background: [1, 2, 3, 4] }));
  assert.deepEqual(moved.slice(0, 4), [1, 2, 3, 4]);
  assert.deepEqual(moved.slice(4, 8), Array.from(src.data.slice(0, 4)));
  // Turned by 30°: the canvas holds the whole image; the corners are background.
  const [[rw, rh], turned] = bytes(px.image(src).rotateBy(30, { background: [0, 0, 0, 0] }));
  assert.deepEqual([rw, rh], [Math.ceil(7 * Math.cos(Math.PI / 6) + 4 * 0.5), Math.ceil(7 * 0.5 + 4 * Math.cos(Math.PI / 6))]);
  assert.deepEqual(turned.slice(0, 4), [0, 0, 0, 0]);
  assert.deepEqual(bytes(px.image(src).rotateBy(30, { expand: false }))[0], [7, 4]);
});

test('bad matrices, quads and options are refused and change nothing', async () => {
  const img = px.image(src);
  const before = Array.from(img.view());
  assert.throws(() => img.warp([1, 0, 0, 0, 1, 0, 0, 0]), { name: 'RangeError', message: 'rawpx.warp: matrix must be 9 numbers, not 8 items' });
  assert.throws(() => img.warp([1, 0, 0, 0, NaN, 0, 0, 0, 1]), (e) => e instanceof RawpxError && e.fn === 'warp');
  assert.throws(() => img.warp([1, 0, 0, 0, 1, 0, 0, 0, 1], { filter: 'box' }), { name: 'TypeError' });
  assert.throws(() => img.affine({ scale: 0 }), { name: 'RangeError', message: /singular/ });
  assert.throws(() => img.perspective([[0, 0], [1, 1], [2, 2], [3, 3]], [[0, 0], [1, 0], [1, 1], [0, 1]]), { name: 'RangeError', message: /on one line/ });
  assert.throws(() => img.rotateBy('30'), { name: 'TypeError' });
  assert.deepEqual(Array.from(img.view()), before);
  img.free();
  const pool = await createPool(module, 2);
  for (const chain of [[['warp', [1, 0, 0, 0, 1, 0, 0, 0, 1]]], [['rotateBy', 30]], [['invert'], ['perspective', [[0, 0], [1, 0], [1, 1], [0, 1]], [[0, 0], [1, 0], [1, 1], [0, 1]]]]]) {
    await assert.rejects(pool.run(src, chain), (e) => e instanceof RangeError && /maps output rows from anywhere in the source/.test(e.message));
  }
  pool.terminate();
});
