// Bad input through the loader and the pool: a clear error of the right
// kind, nothing lost, memory given back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { load, RawpxError } from '../../js/rawpx.js';
import '../../js/css.js';
import { createPool } from '../../js/pool.js';
import { assertSameOnPool } from './fixtures/same-on-pool.mjs';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const module = new WebAssembly.Module(wasm);
const gradient = (w, h) => ({
  width: w,
  height: h,
  data: Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i % 4 === 3 ? 255 : 40 + ((i >> 2) % w) + 2 * ((i >> 2) / w | 0) + 20 * (i % 4))),
});
const pixels = (img) => { const out = img.toImageData().data; img.free(); return out; };

test('applyLut and colorMatrix take plain arrays, and give their blocks back', async () => {
  const px = await load(wasm);
  const src = gradient(9, 4);
  const lut = Array.from({ length: 1024 }, (_, i) => 255 - (i & 255));
  assert.deepEqual(pixels(px.image(src).applyLut(lut)), pixels(px.image(src).invert().applyLut(Array.from({ length: 1024 }, (_, i) => (i < 768 ? i & 255 : 255 - (i & 255))))));
  const size = px.exports.memory.buffer.byteLength;
  const img = px.image(src);
  for (let i = 0; i < 200; i++) img.applyLut(lut).colorMatrix([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]);
  assert.equal(px.exports.memory.buffer.byteLength, size);
  // Blocks went back at their own length: the next allocation reuses the first.
  const p = px.exports.alloc(1024);
  px.exports.free(p, 1024);
  img.applyLut(lut);
  assert.equal(px.exports.alloc(1024), p);
  assert.throws(() => img.applyLut(lut.slice(1)), { name: 'RangeError', message: 'rawpx.applyLut: lut must be 1024 bytes, not 1023 items' });
  assert.throws(() => img.applyLut(lut.map((v) => v + 0.5)), { name: 'RangeError', message: /lut must be bytes 0 to 255/ });
  assert.throws(() => img.colorMatrix([1, 2]), { name: 'RangeError', message: /matrix must be 20 numbers, not 2 items/ });
  assert.throws(() => img.colorMatrix(5), TypeError);
});

test('integers the Wasm call would truncate are refused with a RangeError naming the method and the value', async () => {
  const px = await load(wasm);
  const img = px.image(gradient(8, 8));
  const before = img.toImageData().data;
  for (const [call, message] of [
    [(i) => i.brightness(20.7), 'rawpx.brightness: delta must be an integer, not 20.7'],
    [(i) => i.boxBlur(2.5), 'rawpx.boxBlur: radius must be an integer, not 2.5'],
    [(i) => i.sharpen({ threshold: 1.5 }), 'rawpx.sharpen: threshold must be an integer, not 1.5'],
    [(i) => i.resize(10.5, 3), 'rawpx.resize: width must be an integer, not 10.5'],
    [(i) => i.crop(0, 0.25, 2, 2), 'rawpx.crop: top must be an integer, not 0.25'],
  ]) assert.throws(() => call(img), { name: 'RangeError', message });
  // Past the 32 bits the call would wrap them to: refused as out of range.
  assert.throws(() => img.brightness(2 ** 32 + 10), (e) => e instanceof RawpxError && e.code === -1 && /delta 4294967306: -255 to 255/.test(e.message));
  assert.throws(() => img.boxBlur(2 ** 32 + 1), (e) => e instanceof RawpxError && /radius 4294967297: 1 to 1000/.test(e.message));
  assert.throws(() => img.brightness('20'), { name: 'TypeError', message: 'rawpx.brightness: delta must be a number, not 20' });
  assert.throws(() => img.gaussianBlur(), { name: 'TypeError', message: 'rawpx.gaussianBlur: sigma must be a number, not undefined' });
  assert.deepEqual(img.toImageData().data, before, 'nothing ran');
});

test('a freed image says so, and histogram names its own failures', async (t) => {
  const px = await load(wasm);
  const img = px.image(gradient(3, 3));
  img.free();
  for (const call of [(i) => i.invert(), (i) => i.view(), (i) => i.histogram(), (i) => i.resize(2, 2), (i) => i.autoLevels()]) {
    assert.throws(() => call(img), (e) => e instanceof TypeError && /^rawpx\.\w+: the image was freed$/.test(e.message));
  }
  img.free();
  // An instance whose alloc fails for the histogram's counts.
  const instantiate = WebAssembly.instantiate;
  t.mock.method(WebAssembly, 'instantiate', async (...args) => {
    const { module, instance } = await instantiate(...args);
    const exports = { ...instance.exports, alloc: (n) => (n === 4096 ? 0 : instance.exports.alloc(n)) };
    return { module, instance: { exports } };
  });
  const starved = await load(wasm);
  const small = starved.image(gradient(2, 2));
  assert.throws(() => small.histogram(), { name: 'RawpxError', code: -3, fn: 'histogram', message: 'rawpx.histogram: out of memory (no memory for the counts)' });
  assert.throws(() => small.autoLevels(), { code: -3, fn: 'histogram' });
});

test('load() says which URL answered what, and compiles from bytes only for a wrong content type', async (t) => {
  const pages = { '/rawpx.wasm': ['application/wasm', wasm], '/octet.wasm': ['application/octet-stream', wasm], '/index.wasm': ['text/html', '<!doctype html><p>app</p>'] };
  const server = createServer((req, res) => {
    const [type, body] = pages[req.url] || [];
    if (!type) return res.writeHead(404, 'Not Found').end();
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const warn = t.mock.method(console, 'warn', () => {});
  try {
    assert.equal(typeof (await load(`${base}/rawpx.wasm`)).exports.invert, 'function');
    assert.equal(typeof (await load(new URL(`${base}/octet.wasm`))).exports.invert, 'function');
    assert.match(warn.mock.calls[0].arguments[0], /octet\.wasm is served as application\/octet-stream, not application\/wasm/);
    await assert.rejects(load(`${base}/missing.wasm`), { message: `rawpx.load: ${base}/missing.wasm answered 404 Not Found` });
    await assert.rejects(load(`${base}/index.wasm`), { message: new RegExp(`^rawpx.load: ${base}/index.wasm answered text/html, not a WebAssembly module; with a bundler, import .*\\?url`) });
    await assert.rejects(load(new Response('nope', { status: 500, statusText: 'Broken' })), { message: 'rawpx.load: the response answered 500 Broken' });
  } finally {
    server.close();
  }
});

test('reset() gives the memory back once every image is freed', async () => {
  const px = await load(wasm);
  const fresh = px.exports.memory.buffer.byteLength;
  const big = px.image({ width: 1024, height: 1024, data: new Uint8ClampedArray(1024 * 1024 * 4) });
  const small = px.image(gradient(4, 4));
  assert.ok(px.exports.memory.buffer.byteLength > fresh + 4e6);
  await assert.rejects(px.reset(), { message: 'rawpx.reset: 2 images are not freed' });
  big.free();
  await assert.rejects(px.reset(), { message: 'rawpx.reset: 1 image is not freed' });
  const want = small.invert().toImageData().data;
  small.free();
  await px.reset();
  assert.equal(px.exports.memory.buffer.byteLength, fresh);
  assert.deepEqual(pixels(px.image(gradient(4, 4)).invert()), want, 'the new instance works');
});

test('1000 rounds of random chains do not grow memory after the first rounds', async () => {
  const px = await load(wasm);
  let seed = 12345;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const sizes = [[64, 48], [33, 17], [128, 5], [7, 99]];
  const steps = [
    (i) => i.gaussianBlur(0.5 + rand(40) / 10), (i) => i.boxBlur(1 + rand(9)), (i) => i.sharpen({ sigma: 1 + rand(3), amount: 1 }),
    (i) => i.convolve([0, -1, 0, -1, 5, -1, 0, -1, 0]), (i) => i.applyLut(Array.from({ length: 1024 }, (_, k) => k & 255)),
    (i) => i.colorMatrix([0.5, 0.5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]), (i) => i.histogram(), (i) => i.autoLevels(0.01),
    (i) => i.resize(...sizes[rand(4)], ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'][rand(5)]),
    (i) => i.crop(0, 0, Math.max(1, i.width >> 1), Math.max(1, i.height >> 1)), (i) => i.rotate(90 * rand(4)), (i) => i.flipVertical(),
  ];
  const grown = [];
  for (let round = 0; round < 1000; round++) {
    const images = sizes.slice(0, 1 + rand(4)).map(([w, h]) => px.image(gradient(w, h)));
    for (const img of images) for (let k = rand(6); k >= 0; k--) steps[rand(steps.length)](img);
    for (const img of images) img.free();
    grown.push(px.exports.memory.buffer.byteLength);
  }
  assert.equal(grown[999], grown[50], `memory grew after round 50: ${grown[50]} → ${grown[999]}`);
});

test('the pool computes autoLevels over the whole image and refuses what it does not know', async () => {
  const px = await load(module);
  const src = gradient(64, 48);
  await assertSameOnPool(px, module, src, [[['autoLevels']], [['gaussianBlur', 1.5], ['autoLevels', 0.02], ['boxBlur', 2]], [['autoLevels'], ['invert'], ['autoLevels', 0.1]]], [2, 3]);
  const pool = await createPool(module, 2);
  await assert.rejects(pool.run(src, [['sharpenMore', 2]]), { name: 'TypeError', message: 'rawpx pool: no method sharpenMore' });
  await assert.rejects(pool.run(src, [['histogram']]), { name: 'TypeError', message: 'rawpx pool: histogram returns no pixels to run on strips' });
  await assert.rejects(pool.run(src, [['resizeBand', 2, 2, 'box', 0, 48, 0, 1]]), { name: 'RangeError', message: 'rawpx pool: resizeBand is a strip itself; run it on one image' });
  await assert.rejects(pool.run(src, [['crop', 60, 0, 5, 5]]), { name: 'RawpxError', message: /crop: invalid argument \(5×5 at \(60, 0\) is not inside the 64×48 image\)/ });
  await assert.rejects(pool.run(src, [['brightness', 2.5]]), { name: 'RangeError', message: 'rawpx.brightness: delta must be an integer, not 2.5' });
  pool.terminate();
  await assert.rejects(pool.run(src, [['invert']]), { message: 'rawpx pool: terminated' });
});

test('pool errors keep their kind: refusals in a worker, a module that fails, a worker that crashes', async () => {
  const src = gradient(16, 16);
  const pool = await createPool(module, 2);
  // saturate's matrix is NaN: the worker's loader refuses it.
  await assert.rejects(pool.run(src, [['saturate', NaN]]), (e) => e instanceof RawpxError && e.code === -1 && e.fn === 'color_matrix' && /matrix/.test(e.message));
  assert.equal((await pool.run(src, [['invert']])).data.length, 16 * 16 * 4, 'the pool still runs');
  pool.terminate();
  const broken = await createPool(new Uint8Array([0, 1, 2, 3]), 2);
  await assert.rejects(broken.run(src, [['invert']]), (e) => e.name === 'CompileError' && !/object Event/.test(String(e)));
  broken.terminate();
  const { Worker } = await import('node:worker_threads');
  const crashing = await createPool(module, { workers: 2, worker: () => new Worker(new URL('data:text/javascript,throw new Error("boom")')) });
  await assert.rejects(crashing.run(src, [['invert']]), { message: 'rawpx pool: a worker failed (boom)' });
  await assert.rejects(crashing.run(src, [['invert']]), { message: 'rawpx pool: a worker failed (boom)' }, 'later runs reject with the cause, not hang');
  crashing.terminate();
});

test('a pool run reports its progress strip by strip and stops at once on abort', async () => {
  const pool = await createPool(module, 3);
  const src = gradient(40, 30);
  const seen = [];
  const out = await pool.run(src, [['gaussianBlur', 1], ['autoLevels'], ['invert']], { onProgress: (done, total) => seen.push([done, total]) });
  assert.deepEqual(seen, [[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6]], 'two stages of three strips');
  assert.equal(out.data.length, 40 * 30 * 4);
  const controller = new AbortController();
  const run = pool.run(gradient(400, 300), [['gaussianBlur', 20], ['boxBlur', 30]], { signal: controller.signal });
  controller.abort(new Error('the user went elsewhere'));
  await assert.rejects(run, { message: 'the user went elsewhere' });
  await assert.rejects(pool.run(src, [['invert']], { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal((await pool.run(src, [['invert']])).width, 40, 'the pool still runs');
  pool.terminate();
});

test('the pool runs crop, rotate and the flips, between blurs, with the single-thread bytes', async () => {
  const px = await load(module);
  const src = gradient(37, 23);
  const chains = [
    [['crop', 3, 2, 30, 17]],
    [['gaussianBlur', 1.5], ['crop', 5, 4, 20, 11], ['boxBlur', 2]],
    [['rotate', 90]], [['rotate', -90]], [['rotate', 180]], [['rotate', 270], ['rotate', 450]],
    [['sharpen', { sigma: 1.2, amount: 2 }], ['rotate', 90], ['gaussianBlur', 2], ['rotate', 270], ['boxBlur', 3]],
    [['flipVertical'], ['convolve', [1, 2, 1, 2, 4, 2, 1, 2, 1].map((k) => k / 16)], ['flipHorizontal'], ['gaussianBlur', 1]],
    [['boxBlur', 4], ['flipHorizontal'], ['rotate', 90], ['autoLevels', 0.05], ['crop', 1, 1, 10, 30], ['invert']],
    [['tripleBoxBlur', 2], ['rotate', 90], ['tripleBoxBlur', 3.5, 'transparent'], ['tripleBoxBlur', 0.5]],
  ];
  await assertSameOnPool(px, module, src, chains);
});

test('the pool runs resize and resizeLinear (every filter; down, up, one axis; in chains) with the single-thread bytes', async () => {
  const px = await load(module);
  // Noisy, with every kind of alpha, so each window's rows matter.
  const src = { width: 37, height: 23, data: Uint8ClampedArray.from({ length: 37 * 23 * 4 }, (_, i) => (Math.imul(i + 7, 2654435761) >>> 24) | (i % 4 === 3 && i % 12 === 3 ? 255 : 0)) };
  const filters = ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'];
  const chains = [
    ...filters.flatMap((f) => [[['resize', 19, 11, f]], [['resize', 50, 61, f]], [['resize', 30, 4, f, { linear: true }]]]),
    [['resize', 20, 23]], [['resize', 37, 40, 'bilinear']], [['resize', 37, 23, 'box']], [['resize', 37, 1]], [['resize', 3, 2]],
    // The headline chain, and resizes between other steps.
    [['gaussianBlur', 2], ['sharpen', { sigma: 1 }], ['brightness', 20], ['contrast', 1.2], ['resize', 18, 12, 'lanczos3']],
    [['resize', 60, 45, 'bicubic', { linear: true }], ['boxBlur', 2], ['resizeLinear', 13, 7, 'box'], ['rotate', 90], ['resize', 5, 3, 'nearest']],
  ];
  await assertSameOnPool(px, module, src, chains);
  // A band without a row its windows read is refused, saying so, untouched.
  const band = px.image({ width: 37, height: 10, data: src.data.slice(5 * 37 * 4, 15 * 37 * 4) });
  assert.throws(() => band.resizeBand(19, 11, 'lanczos3', 5, 23, 0, 3), { name: 'RawpxError', message: 'rawpx.resize_band: invalid argument (rows 0+3 of 11 need source rows outside 5+10 of 23)' });
  assert.deepEqual(pixels(band), src.data.slice(5 * 37 * 4, 15 * 37 * 4));
});

test('filter() strings: colour functions on the pool, blur() on one image only; bad strings name the token', async () => {
  const px = await load(module);
  const src = gradient(30, 20);
  const want = pixels(px.image(src).filter('contrast(140%) sepia(0.5) hue-rotate(0.25turn)'));
  const pool = await createPool(module, 3);
  assert.deepEqual((await pool.run(src, [['filter', 'contrast(140%) sepia(0.5) hue-rotate(0.25turn)']])).data, want);
  await assert.rejects(pool.run(src, [['filter', 'sepia(1) blur(2px)']]), { name: 'RangeError', message: /blur\(\) and drop-shadow\(\) in a filter reach the image's own edges/ });
  await assert.rejects(pool.run(src, [['filter', 'drop-shadow(1px 2px red)']]), { name: 'RangeError', message: /drop-shadow/ });
  await assert.rejects(pool.run(src, [['filter', 'sepia(1) sepia(']]), { name: 'SyntaxError', message: "rawpx.filter: no filter function in 'sepia('" });
  pool.terminate();
  // blur() keeps the size and fades the edges to transparent, as CSS does.
  const img = px.image(src).filter('blur(2px)');
  assert.deepEqual([img.width, img.height], [30, 20]);
  const v = img.view();
  assert.ok(v[3] < 255 && v[4 * (10 * 30 + 15) + 3] === 255, 'a corner is part transparent, the middle opaque');
  img.free();
  assert.deepEqual(pixels(px.image(src).filter('none')), src.data);
});
