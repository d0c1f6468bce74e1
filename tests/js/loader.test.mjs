// The loader under Node's test runner, against the built dist/rawpx.wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, RawpxError } from '../../js/rawpx.js';

const wasmPath = new URL('../../dist/rawpx.wasm', import.meta.url);
const bytes = await readFile(wasmPath);
const image = (w, h, seed = 1) => ({
  width: w,
  height: h,
  data: Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i * 97 + seed * 31) & 255),
});

test('loads from bytes, a Module, and a Response with or without the wasm MIME type', async (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  for (const source of [
    bytes,
    new WebAssembly.Module(bytes),
    new Response(bytes, { headers: { 'content-type': 'application/wasm' } }),
    Promise.resolve(new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } })),
  ]) {
    const px = await load(source);
    assert.equal(typeof px.exports.grayscale, 'function');
  }
  assert.equal(warn.mock.callCount(), 1, 'the wrong MIME type warns once');
});

test('a chain runs in Wasm memory and copies out once', async () => {
  const px = await load(bytes);
  const src = image(17, 3);
  const img = px.image(src);
  img.invert().invert().brightness(0).contrast(1);
  const out = img.toImageData();
  assert.deepEqual(out.data, src.data);
  assert.equal(out.width, 17);
  img.grayscale();
  const v = img.view();
  for (let i = 0; i < v.length; i += 4) assert.ok(v[i] === v[i + 1] && v[i + 1] === v[i + 2]);
  img.free();
});

test('color matrix, lookup table and histogram take JS arrays', async () => {
  const px = await load(bytes);
  const img = px.image(image(5, 7));
  const identity = [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0];
  const before = img.toImageData().data;
  img.colorMatrix(identity).applyLut(Uint8Array.from({ length: 1024 }, (_, i) => i & 255));
  assert.deepEqual(img.toImageData().data, before);
  const h = img.histogram();
  assert.equal(h.length, 1024);
  for (let ch = 0; ch < 4; ch++) assert.equal(h.slice(256 * ch, 256 * ch + 256).reduce((a, b) => a + b), 35);
  img.premultiply().unpremultiply();
  img.free();
});

test('refused calls throw RawpxError naming the function and the argument', async () => {
  const px = await load(bytes);
  const img = px.image(image(4, 4));
  const before = img.toImageData().data;
  assert.throws(() => img.brightness(300), (e) => e instanceof RawpxError && e.code === -1 && /brightness/.test(e.message) && /delta/.test(e.message));
  assert.throws(() => img.contrast(NaN), (e) => e.code === -1 && /contrast.*factor/.test(e.message));
  assert.throws(() => img.colorMatrix(new Array(20).fill(Infinity)), (e) => e.code === -1 && /matrix/.test(e.message));
  assert.deepEqual(img.toImageData().data, before, 'a refused call changed nothing');
  img.free();
  assert.throws(() => img.invert(), (e) => e instanceof TypeError && e.message === 'rawpx.invert: the image was freed');
  assert.throws(() => px.image({ data: new Uint8ClampedArray(3), width: 1, height: 1 }), RangeError);
});

test('blurs, sharpen and convolve chain and name their arguments when refused', async () => {
  const px = await load(bytes);
  const src = image(19, 11, 3);
  const img = px.image(src);
  // An identity kernel leaves R, G, B (and alpha) exactly as they were.
  img.convolve([0, 0, 0, 0, 1, 0, 0, 0, 0]).gaussianBlur(0.1).sharpen({ sigma: 0.1, amount: 5 });
  assert.deepEqual(img.toImageData().data, src.data);
  img.gaussianBlur(2).boxBlur(3).sharpen({ sigma: 1, amount: 1 }).convolve([1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9], 0.5);
  assert.notDeepEqual(img.toImageData().data, src.data);
  const before = img.toImageData().data;
  assert.throws(() => img.gaussianBlur(0), (e) => e instanceof RawpxError && e.code === -1 && /gaussian_blur.*sigma/.test(e.message));
  assert.throws(() => img.boxBlur(1001), (e) => e.code === -1 && /box_blur.*radius/.test(e.message));
  assert.throws(() => img.sharpen({ threshold: 256 }), (e) => e.code === -1 && /sharpen.*threshold 256/.test(e.message));
  assert.throws(() => img.convolve([1, 1, 1, 1]), (e) => e.code === -1 && /convolve.*size 2/.test(e.message));
  assert.throws(() => img.convolve([1, 2, 3]), RangeError);
  assert.deepEqual(img.toImageData().data, before, 'a refused call changed nothing');
  img.free();
});

test('the scalar fallback gives the same bytes as the SIMD module for every method', async () => {
  const nosimdBytes = await readFile(new URL('../../dist/rawpx-nosimd.wasm', import.meta.url));
  const simd = await load({ simd: bytes, nosimd: nosimdBytes });
  const scalar = await load({ simd: bytes, nosimd: nosimdBytes }, { simd: false });
  assert.notEqual(simd.exports, scalar.exports);
  const calls = [
    (i) => i.grayscale(), (i) => i.invert(), (i) => i.brightness(-37), (i) => i.contrast(1.7),
    (i) => i.colorMatrix([0.393, 0.769, 0.189, 0, 0, 0.349, 0.686, 0.168, 0, 0, 0.272, 0.534, 0.131, 0, 0, 0, 0, 0, 1, 0]),
    (i) => i.applyLut(Uint8Array.from({ length: 1024 }, (_, k) => (k * 7) & 255)), (i) => i.premultiply(), (i) => i.unpremultiply(),
    (i) => i.gaussianBlur(2.5), (i) => i.boxBlur(4), (i) => i.sharpen({ sigma: 1.2, amount: 2, threshold: 3 }),
    (i) => i.convolve([0, -1, 0, -1, 5, -1, 0, -1, 0], 3),
    ...['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'].map((f) => (i) => i.resize(7, 40, f).resize(3, 2, f)),
    (i) => i.rotate(90).crop(0, 0, 1, 1), (i) => i.rotate(-90), (i) => i.rotate(180).flipHorizontal().flipVertical(),
  ];
  for (const [w, h] of [[1, 1], [17, 3], [64, 33]]) {
    const src = image(w, h, w);
    for (const call of calls) {
      const [a, b] = [simd, scalar].map((px) => { const img = px.image(src); call(img); const out = img.toImageData().data; img.free(); return out; });
      assert.deepEqual(a, b, `${call} on ${w}×${h}`);
    }
    const [ha, hb] = [simd, scalar].map((px) => { const img = px.image(src); const out = img.histogram(); img.free(); return out; });
    assert.deepEqual(ha, hb);
  }
});

test('geometry replaces the handle\'s pixels with the new size and names what it refuses', async () => {
  const px = await load(bytes);
  const src = image(5, 3);
  const img = px.image(src);
  const at = (d, w, x, y) => Array.from(d.slice(4 * (y * w + x), 4 * (y * w + x) + 4));
  img.rotate(90);
  assert.deepEqual([img.width, img.height], [3, 5]);
  // Clockwise: the bottom-left pixel comes to the top left.
  assert.deepEqual(at(img.view(), 3, 0, 0), at(src.data, 5, 0, 2));
  img.rotate(-90).crop(1, 1, 3, 2).flipHorizontal();
  assert.deepEqual([img.width, img.height], [3, 2]);
  assert.deepEqual(at(img.view(), 3, 0, 0), at(src.data, 5, 3, 1));
  img.resize(6, 4, 'nearest');
  assert.deepEqual(at(img.view(), 6, 5, 3), at(src.data, 5, 1, 2));
  // Same bytes as the export called directly.
  const direct = px.image(src), out = px.exports.alloc(8 * 8 * 4);
  assert.equal(px.exports.resize(direct.ptr, 5, 3, out, 8, 8, 3), 0);
  const want = px.image(src).resize(8, 8, 'bicubic').toImageData().data;
  assert.deepEqual(new Uint8ClampedArray(px.exports.memory.buffer, out, 8 * 8 * 4).slice(), want);
  assert.throws(() => img.resize(0, 4), (e) => e instanceof RawpxError && e.fn === 'resize' && /invalid argument \(width 0: 1 to/.test(e.message));
  assert.throws(() => img.resize(4, 4, 'lanczos'), { name: 'TypeError', message: 'rawpx.resize: filter must be nearest, box, bilinear, bicubic, lanczos3, not lanczos' });
  assert.throws(() => img.crop(5, 0, 2, 2), { name: 'RawpxError', message: 'rawpx.crop: invalid argument (2×2 at (5, 0) is not inside the 6×4 image)' });
  assert.throws(() => img.rotate(45), { name: 'RangeError', message: 'rawpx.rotate: degrees must be a multiple of 90, not 45' });
  assert.deepEqual([img.width, img.height], [6, 4], 'a refused call leaves the image as it was');
});

test('CSS filters, gamma, levels and auto-levels are built on color_matrix and apply_lut', async () => {
  const px = await load(bytes);
  const src = image(9, 5, 4);
  const run = (f) => { const img = px.image(src); f(img); const out = img.toImageData().data; img.free(); return out; };
  for (const identity of [(i) => i.sepia(0), (i) => i.saturate(1), (i) => i.hueRotate(0), (i) => i.gamma(1), (i) => i.levels(0, 255)]) {
    assert.deepEqual(run(identity), src.data, `${identity}`);
  }
  // saturate(0): every channel the CSS luminance 0.213R + 0.715G + 0.072B.
  const gray = run((i) => i.saturate(0));
  for (let p = 0; p < src.data.length; p += 4) {
    const y = 0.213 * src.data[p] + 0.715 * src.data[p + 1] + 0.072 * src.data[p + 2];
    for (let c = 0; c < 3; c++) assert.ok(Math.abs(gray[p + c] - y) <= 1, `pixel ${p / 4}: ${gray[p + c]} vs ${y}`);
    assert.equal(gray[p + 3], src.data[p + 3]);
  }
  // sepia(1) and hue-rotate(90deg) against the spec's matrices, written out.
  const one = (f) => [...run(f).slice(0, 3)];
  const [r, g, b] = src.data;
  const near = (got, want) => want.forEach((w, c) => assert.ok(Math.abs(got[c] - Math.min(255, Math.max(0, w))) <= 1, `${got} vs ${want}`));
  near(one((i) => i.sepia(1)), [0.393 * r + 0.769 * g + 0.189 * b, 0.349 * r + 0.686 * g + 0.168 * b, 0.272 * r + 0.534 * g + 0.131 * b]);
  // At 90°, cos 0 and sin 1: rows (0, 0, 1), (0.356, 0.855, -0.211), (-0.574, 1.43, 0.144).
  near(one((i) => i.hueRotate(90)), [b, 0.356 * r + 0.855 * g - 0.211 * b, -0.574 * r + 1.43 * g + 0.144 * b]);
  // Auto-levels stretches each channel of a 50..200 image to 0..255.
  const narrow = { width: 16, height: 1, data: Uint8ClampedArray.from({ length: 64 }, (_, i) => (i % 4 === 3 ? 255 : 50 + ((i >> 2) * 10))) };
  const img = px.image(narrow).autoLevels();
  const out = img.toImageData().data;
  for (let c = 0; c < 3; c++) {
    const ch = out.filter((_, i) => i % 4 === c);
    assert.equal(Math.min(...ch), 0);
    assert.equal(Math.max(...ch), 255);
  }
  img.free();
  // gamma(2.2) lifts the mid-tones: 128 -> 255·(128/255)^(1/2.2) = 186.
  const mid = px.image({ width: 1, height: 1, data: Uint8ClampedArray.of(128, 128, 128, 255) }).gamma(2.2);
  assert.deepEqual([...mid.toImageData().data], [186, 186, 186, 255]);
});

test('a worker pool gives the single-thread bytes, strips overlapping by the reach of the chain', async () => {
  const { createPool } = await import('../../js/pool.js');
  const module = new WebAssembly.Module(bytes);
  const px = await load(module);
  const src = image(37, 53, 9);
  const chain = [['gaussianBlur', 2.2], ['brightness', 9], ['sharpen', { sigma: 1, amount: 2 }], ['boxBlur', 3], ['convolve', [1, 2, 1, 2, 4, 2, 1, 2, 1].map((k) => k / 16)], ['flipHorizontal'], ['invert']];
  const img = px.image(src);
  for (const [method, ...args] of chain) img[method](...args);
  const want = img.toImageData().data;
  for (const workers of [1, 2, 3, 7]) {
    const pool = await createPool(module, workers);
    const got = await pool.run(src, chain);
    assert.deepEqual(got.data, want, `${workers} workers`);
    await assert.rejects(pool.run(src, [['gaussianBlur', -1]]), (e) => e.code === -1 && /gaussian_blur/.test(e.message));
    await assert.rejects(pool.run(src, [['invert'], ['warp', [1, 0, 0, 0, 1, 0, 0, 0, 1]]]), /rawpx pool: warp maps output rows from anywhere in the source/);
    pool.terminate();
  }
});

test('after memory grows, a view is re-read and nothing detached reaches the user; dispose frees', async () => {
  const px = await load(bytes);
  const src = image(33, 7, 5);
  const img = px.image(src);
  const early = img.view();
  const pages = px.exports.memory.buffer.byteLength;
  const big = px.image({ width: 2048, height: 2048, data: new Uint8ClampedArray(2048 * 2048 * 4) });
  assert.ok(px.exports.memory.buffer.byteLength > pages, 'memory grew');
  assert.equal(early.length, 0, 'a view from before the growth is detached, as documented');
  img.invert().invert();
  assert.deepEqual(img.view(), src.data, 'view() after the growth reads the pixels');
  assert.deepEqual(img.toImageData().data, src.data);
  assert.equal(img.histogram().reduce((a, b) => a + b), 4 * 33 * 7);
  big.free();
  img[Symbol.dispose]();
  img.free();
  assert.throws(() => img.grayscale(), (e) => e instanceof TypeError && /freed/.test(e.message));
  // The freed blocks are reused: the same image again does not grow memory.
  const size = px.exports.memory.buffer.byteLength;
  px.image({ width: 2048, height: 2048, data: new Uint8ClampedArray(2048 * 2048 * 4) }).free();
  assert.equal(px.exports.memory.buffer.byteLength, size);
});

test('a run of point operations waits and runs as one pass, with the bytes of running them one by one', async () => {
  const px = await load(bytes);
  const src = image(29, 7, 3);
  let seed = 5;
  const rand = () => ((seed = Math.imul(seed, 1103515245) + 12345 >>> 0) >>> 8) / 2 ** 24;
  const lut = Array.from({ length: 1024 }, (_, i) => (i * 73 + 11) & 255);
  const ops = [
    () => ['invert'], () => ['brightness', Math.round(rand() * 510 - 255)], () => ['contrast', rand() * 3],
    () => ['applyLut', lut], () => ['gamma', 0.3 + rand() * 3], () => ['levels', 20, 230, 10, 240, 1.4], () => ['autoLevels', 0.01],
  ];
  for (let round = 0; round < 60; round++) {
    const chain = Array.from({ length: 1 + (round % 6) }, () => ops[Math.floor(rand() * ops.length)]());
    const fused = px.image(src), alone = px.image(src);
    for (const [method, ...args] of chain) {
      fused[method](...args);
      alone[method](...args).view();
    }
    assert.deepEqual(fused.view(), alone.view(), JSON.stringify(chain.map(([m, a]) => [m, typeof a === 'object' ? 'table' : a])));
    fused.free();
    alone.free();
  }
  // They wait: memory holds the source until something reads the pixels.
  const img = px.image(src).brightness(20).contrast(1.2).invert();
  assert.equal(img.waiting.length, 3);
  assert.deepEqual(new Uint8ClampedArray(px.exports.memory.buffer, img.ptr, src.data.length), src.data);
  const want = px.image(src);
  for (const step of [(i) => i.brightness(20), (i) => i.contrast(1.2), (i) => i.invert()]) step(want).view();
  assert.deepEqual(img.histogram(), want.histogram(), 'histogram() reads the fused pixels');
  assert.equal(img.waiting.length, 0);
  // A bad argument is refused at once, and does not wait.
  img.brightness(5);
  assert.throws(() => img.contrast(-1), (e) => e instanceof RawpxError && /factor/.test(e.message));
  assert.equal(img.waiting.length, 1);
  // Another image drawn onto this one is read with its own waiting run done.
  const other = px.image(src).invert(), done = px.image(src).invert();
  done.view();
  want.brightness(5).composite(done, { mode: 'multiply' });
  img.composite(other, { mode: 'multiply' });
  assert.deepEqual(img.view(), want.view());
  for (const i of [img, want, other, done]) i.free();
});
