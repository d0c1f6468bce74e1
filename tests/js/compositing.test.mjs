// The compositing and colour methods of the loader: their arguments reach
// the exports as the table says, the conveniences give their formulas'
// bytes, and the pool runs the ones it can split with the single-thread
// bytes and refuses the rest before any work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, MODES, RawpxError } from '../../js/rawpx.js';
import '../../js/extras.js';
import { createPool } from '../../js/pool.js';
import { assertSameOnPool } from './fixtures/same-on-pool.mjs';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const module = new WebAssembly.Module(wasm);
const px = await load(module);
const random = (w, h, seed = 1) => {
  let s = seed;
  return { width: w, height: h, data: Uint8ClampedArray.from({ length: w * h * 4 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24)) };
};
const pixels = (img) => { const out = img.toImageData().data; img.free(); return out; };
// The raw export on a copy of `src`, for comparison.
const raw = (src, fn, ...args) => {
  const x = px.exports, len = src.data.length, ptr = x.alloc(len);
  new Uint8ClampedArray(x.memory.buffer, ptr, len).set(src.data);
  assert.equal(x[fn](ptr, src.width, src.height, ...args), 0);
  const out = new Uint8ClampedArray(x.memory.buffer, ptr, len).slice();
  x.free(ptr, len);
  return out;
};

test('composite passes the source, offset, mode by its canvas name and opacity', () => {
  const [dst, src] = [random(13, 9, 1), random(6, 5, 2)];
  for (const [mode, x, y, opacity] of [['source-over', 0, 0, 1], ['multiply', -2, 3, 0.5], ['hue', 10, -4, 0.25], ['copy', 12, 8, 1], ['xor', 40, 0, 1]]) {
    const a = px.image(dst), b = px.image(src);
    a.composite(b, { x, y, mode, opacity });
    const got = pixels(a);
    const x_ = px.exports, sp = x_.alloc(src.data.length);
    new Uint8ClampedArray(x_.memory.buffer, sp, src.data.length).set(src.data);
    const want = raw(dst, 'composite', sp, src.width, src.height, x, y, MODES.indexOf(mode), opacity);
    x_.free(sp, src.data.length);
    assert.deepEqual(got, want, `${mode} at (${x}, ${y})`);
    b.free();
  }
  const a = px.image(dst);
  assert.deepEqual(pixels(px.image(dst).composite(px.image(src))), pixels(px.image(dst).composite(px.image(src), { mode: 'source-over', opacity: 1 })));
  assert.throws(() => a.composite(a), (e) => e instanceof RawpxError && e.code === -4 && e.fn === 'composite');
  assert.throws(() => a.composite(a, { mode: 'plus' }), { name: 'TypeError', message: /mode must be source-over, multiply/ });
  assert.throws(() => a.composite({ width: 1 }), { name: 'TypeError', message: 'rawpx.composite: source must be a rawpx image, not [object Object]' });
  assert.throws(() => a.composite(a, { opacity: 2 }), (e) => e instanceof RawpxError && /opacity 2: 0 to 1/.test(e.message));
  a.free();
});

test('the tone methods reach their exports with the table\'s arguments', () => {
  const src = random(11, 7, 3);
  const cases = [
    [['hsl', { hue: 40, saturation: 1.5 }], ['hsl_adjust', 40, 1.5, 0]],
    [['hsl'], ['hsl_adjust', 0, 1, 0]],
    [['vibrance', -0.4], ['vibrance', -0.4]],
    [['shuffle', 'bgra'], ['shuffle', 0x03000102]],
    [['shuffle', 'a01r'], ['shuffle', 0x00050403]],
    [['fill', 10, 20, 30], ['fill', 0xff1e140a]],
    [['pixelate', 3], ['pixelate', 3]],
    [['noise', 30, { seed: 2 ** 32 - 1, mono: true }], ['noise', 30, 2 ** 32 - 1, 1]],
    [['dither', 4], ['dither', 4, 0]],
    [['dither', 2, 'floyd-steinberg'], ['dither', 2, 1]],
  ];
  for (const [[method, ...args], [fn, ...params]] of cases) {
    assert.deepEqual(pixels(px.image(src)[method](...args)), raw(src, fn, ...params), `${method}(${JSON.stringify(args)})`);
  }
});

test('the conveniences give their formulas\' bytes', () => {
  const src = random(16, 16, 4);
  const each = (img, f) => { const d = src.data, out = Uint8ClampedArray.from(d); for (let i = 0; i < d.length; i += 4) f(out, i); return [pixels(img), out]; };
  let [got, want] = each(px.image(src).opacity(0.3), (o, i) => (o[i + 3] = Math.round(o[i + 3] * 0.3)));
  assert.deepEqual(got, want, 'opacity');
  [got, want] = each(px.image(src).posterize(3), (o, i) => { for (let k = 0; k < 3; k++) o[i + k] = Math.round((Math.round((o[i + k] * 2) / 255) * 255) / 2); });
  assert.deepEqual(got, want, 'posterize');
  const luma = pixels(px.image(src).grayscale());
  [got, want] = each(px.image(src).threshold(100), (o, i) => { for (let k = 0; k < 3; k++) o[i + k] = luma[i] >= 100 ? 255 : 0; });
  assert.deepEqual(got, want, 'threshold');
  [got, want] = each(px.image(src).duotone([0, 20, 100], [255, 220, 0]), (o, i) => { [0, 20, 100].forEach((d, k) => (o[i + k] = Math.round(d + (([255, 220, 0][k] - d) * luma[i]) / 255))); });
  assert.deepEqual(got, want, 'duotone');
  // tint: a colour matrix, within 1 of the formula.
  const tinted = pixels(px.image(src).tint([255, 0, 128], 0.25));
  for (let i = 0; i < tinted.length; i++) {
    const want = i % 4 === 3 ? src.data[i] : src.data[i] + ([255, 0, 128][i % 4] - src.data[i]) * 0.25;
    assert.ok(Math.abs(tinted[i] - want) <= 1, `tint byte ${i}: ${tinted[i]} vs ${want}`);
  }
});

test('curves pass through their points, monotone between; equalize spreads the levels', () => {
  const ramp = { width: 256, height: 1, data: Uint8ClampedArray.from({ length: 1024 }, (_, i) => (i % 4 === 3 ? 255 : i >> 2)) };
  const points = [[0, 10], [64, 40], [128, 200], [255, 250]];
  const out = pixels(px.image(ramp).curves(points));
  for (const [x, y] of points) assert.equal(out[4 * x], y, `curve through (${x}, ${y})`);
  for (let x = 1; x < 256; x++) assert.ok(out[4 * x] >= out[4 * (x - 1)], `monotone at ${x}`);
  const split = pixels(px.image(ramp).curves({ r: [[0, 255], [255, 0]], g: [[0, 0], [255, 255]], b: [[0, 0], [100, 0], [255, 255]] }));
  assert.deepEqual([split[0], split[1], split[2], split[4 * 100 + 2]], [255, 0, 0, 0]);
  assert.throws(() => px.image(ramp).curves([[10, 0], [5, 9]]), { name: 'TypeError', message: /points must be/ });
  // A narrow band of levels becomes the whole range.
  const narrow = { width: 64, height: 1, data: Uint8ClampedArray.from({ length: 256 }, (_, i) => (i % 4 === 3 ? 255 : 100 + ((i >> 2) % 8))) };
  const eq = pixels(px.image(narrow).equalize());
  assert.equal(Math.min(...eq.filter((_, i) => i % 4 === 0)), 0);
  assert.equal(Math.max(...eq.filter((_, i) => i % 4 === 0)), 255);
});

test('orient shows each EXIF orientation upright; pad grows the canvas', () => {
  // A 3×2 image of distinct pixels; `at(img, x, y)` its red byte.
  const src = { width: 3, height: 2, data: Uint8ClampedArray.from({ length: 24 }, (_, i) => (i % 4 === 0 ? 10 * (i >> 2) : 255)) };
  // Where each stored pixel (index y·3 + x) ends up: the EXIF definitions.
  const expect = {
    1: [[0, 10, 20], [30, 40, 50]], 2: [[20, 10, 0], [50, 40, 30]], 3: [[50, 40, 30], [20, 10, 0]], 4: [[30, 40, 50], [0, 10, 20]],
    5: [[0, 30], [10, 40], [20, 50]], 6: [[30, 0], [40, 10], [50, 20]], 7: [[50, 20], [40, 10], [30, 0]], 8: [[20, 50], [10, 40], [0, 30]],
  };
  for (const [o, rows] of Object.entries(expect)) {
    const img = px.image(src).orient(Number(o));
    const [w, h] = [img.width, img.height];
    const d = pixels(img);
    assert.deepEqual([w, h], [rows[0].length, rows.length], `orientation ${o} size`);
    assert.deepEqual(Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => d[4 * (y * w + x)])), rows, `orientation ${o}`);
  }
  assert.throws(() => px.image(src).orient(9), (e) => e instanceof RawpxError && e.fn === 'orient');
  const img = px.image(src).pad(1, 2, 0, 3, [1, 2, 3, 4]);
  assert.deepEqual([img.width, img.height], [8, 3]);
  const d = pixels(img);
  assert.deepEqual([...d.slice(0, 4)], [1, 2, 3, 4]);
  assert.deepEqual([...d.slice(4 * (8 + 3), 4 * (8 + 3) + 4)], [0, 255, 255, 255], 'the first source pixel at (3, 1)');
  assert.deepEqual([...pixels(px.image(src).pad(0, 1, 0, 0)).slice(12, 16)], [0, 0, 0, 0], 'transparent black by default');
});

test('the pool runs the point conveniences, equalize and orient with the single-thread bytes, and refuses the rest', async () => {
  const src = random(41, 29, 5);
  const chains = [
    [['hsl', { hue: 100, lightness: 0.1 }], ['vibrance', 0.5], ['shuffle', 'brg1'], ['gaussianBlur', 1.5]],
    [['equalize'], ['boxBlur', 2], ['equalize']],
    [['orient', 7], ['posterize', 5], ['threshold', 90]],
    [['curves', [[0, 0], [100, 180], [255, 255]]], ['tint', [0, 0, 255]], ['duotone', [0, 0, 0], [255, 128, 0]], ['opacity', 0.5], ['fill', 1, 2, 3, 4]],
  ];
  await assertSameOnPool(px, module, src, chains);
  const pool = await createPool(module, 2);
  for (const [method, why] of [['noise', "index in the whole image"], ['dither', 'rows above'], ['pixelate', 'blocks that cross strips'], ['pad', 'new canvas'], ['composite', 'second image']]) {
    await assert.rejects(pool.run(src, [['invert'], [method, 4, 1, 1, 1]]), (e) => e instanceof RangeError && e.message.includes(`rawpx pool: ${method} `) && e.message.includes(why), method);
  }
  await assert.rejects(pool.run(src, [['orient', 0]]), (e) => e instanceof RawpxError && e.fn === 'orient');
  pool.terminate();
});
