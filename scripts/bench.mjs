// make bench: each op on a 3840×2160 image, inside Wasm memory and end to
// end (copy in + op + copy out), beside plain JS, photon (the Rust +
// wasm-bindgen peer), wasm-vips (libvips in wasm), pica (resize) and the
// floor, in one run.
// Medians of repeated runs.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { load } from '../js/rawpx.js';
import Vips from 'wasm-vips';
import Pica from 'pica';

const root = new URL('..', import.meta.url).pathname;
const photon = createRequire(import.meta.url)('@silvia-odwyer/photon-node');
const W = 3840, H = 2160, LEN = W * H * 4;
const RUNS = +(process.env.BENCH_RUNS || 15);
// BENCH_ONLY=point,neighbourhood,geometry,tone,rank,pool,chain runs some of the tables.
const want = (table) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(table);

// A deterministic photo-like image: smooth light, texture, edges, noise, and
// a soft transparent border as in a cut-out PNG.
function photoLike() {
  const px = new Uint8ClampedArray(LEN);
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) - 128;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4, u = x / W, v = y / H;
      const light = 0.55 + 0.45 * Math.sin(3.1 * u + 1.7 * v);
      const tex = 0.5 + 0.5 * Math.sin(x * 0.07) * Math.cos(y * 0.05);
      const edge = (x >> 7) % 5 === (y >> 7) % 3 ? 60 : 0;
      px[i] = 200 * light * (0.6 + 0.4 * tex) + edge + noise() / 16;
      px[i + 1] = 170 * light * (0.5 + 0.5 * u) + noise() / 16;
      px[i + 2] = 140 * light * (0.7 + 0.3 * v) + edge / 2 + noise() / 16;
      const border = Math.min(x, y, W - 1 - x, H - 1 - y);
      px[i + 3] = border < 64 ? border * 4 : 255;
    }
  }
  return px;
}

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
function time(fn, setup = () => {}, runs = RUNS) {
  fn(); // warm up: compile and fault in memory
  const t = [];
  for (let i = 0; i < runs; i++) {
    setup();
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const src = photoLike();
const out = new Uint8ClampedArray(LEN);

// The floor: a SIMD128 load+store pass in its own tiny module.
const floorWasm = execFileSync('wat2wasm', [root + 'scripts/bench/floor.wat', '--output=-']);
const floor = new WebAssembly.Instance(new WebAssembly.Module(floorWasm)).exports;
floor.memory.grow(Math.ceil((LEN + 16) / 65536));
const floorPtr = 16;
const floorMem = () => new Uint8ClampedArray(floor.memory.buffer, floorPtr, LEN);
const floorIn = time(() => floor.pass(floorPtr, LEN));
const floorE2e = time(() => { floorMem().set(src); floor.pass(floorPtr, LEN); out.set(floorMem()); });

// rawpx, through its loader.
const px = await load(readFileSync(root + 'dist/rawpx.wasm'));
const x = px.exports;
const ptr = x.alloc(LEN);
const view = () => new Uint8ClampedArray(x.memory.buffer, ptr, LEN);
const block = (bytes) => { const p = x.alloc(bytes.length); new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes); return p; };
const sepia = [0.393, 0.769, 0.189, 0, 0, 0.349, 0.686, 0.168, 0, 0, 0.272, 0.534, 0.131, 0, 0, 0, 0, 0, 1, 0];
const matrix = block(new Uint8Array(Float32Array.from(sepia).buffer));
const gamma = new Uint8Array(1024).map((_, i) => (i >= 768 ? i & 255 : Math.round(255 * ((i & 255) / 255) ** (1 / 2.2))));
const lut = block(gamma);
const hist = x.alloc(4096);

// Plain JS versions of each op, as a page would write them.
const js = {
  grayscale(d) { for (let i = 0; i < d.length; i += 4) { const y = Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]); d[i] = d[i + 1] = d[i + 2] = y; } },
  invert(d) { for (let i = 0; i < d.length; i += 4) { d[i] = 255 - d[i]; d[i + 1] = 255 - d[i + 1]; d[i + 2] = 255 - d[i + 2]; } },
  brightness(d) { for (let i = 0; i < d.length; i += 4) { d[i] += 20; d[i + 1] += 20; d[i + 2] += 20; } },
  contrast(d) { for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) d[i + c] = Math.round((d[i + c] - 127.5) * 1.5 + 127.5); },
  color_matrix(d) {
    const m = sepia;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i], g = d[i + 1], b = d[i + 2], a = d[i + 3];
      for (let c = 0; c < 4; c++) d[i + c] = Math.round(m[5 * c] * r + m[5 * c + 1] * g + m[5 * c + 2] * b + m[5 * c + 3] * a + m[5 * c + 4] * 255);
    }
  },
  apply_lut(d) { for (let i = 0; i < d.length; i += 4) { d[i] = gamma[d[i]]; d[i + 1] = gamma[256 + d[i + 1]]; d[i + 2] = gamma[512 + d[i + 2]]; d[i + 3] = gamma[768 + d[i + 3]]; } },
  premultiply(d) { for (let i = 0; i < d.length; i += 4) { const a = d[i + 3] / 255; d[i] = Math.round(d[i] * a); d[i + 1] = Math.round(d[i + 1] * a); d[i + 2] = Math.round(d[i + 2] * a); } },
  unpremultiply(d) { for (let i = 0; i < d.length; i += 4) { const a = d[i + 3]; const k = a ? 255 / a : 0; d[i] = Math.round(d[i] * k); d[i + 1] = Math.round(d[i + 1] * k); d[i + 2] = Math.round(d[i + 2] * k); } },
  histogram(d) { const h = new Uint32Array(1024); for (let i = 0; i < d.length; i += 4) { h[d[i]]++; h[256 + d[i + 1]]++; h[512 + d[i + 2]]++; h[768 + d[i + 3]]++; } return h; },
};

// photon's same op, end to end: PhotonImage copies in, get_raw_pixels out.
const photonOps = {
  grayscale: (img) => photon.grayscale(img),
  invert: (img) => photon.invert(img),
  brightness: (img) => photon.adjust_brightness(img, 20),
  contrast: (img) => photon.adjust_contrast(img, 30),
};

const ops = [
  ['grayscale', () => x.grayscale(ptr, W, H)],
  ['invert', () => x.invert(ptr, W, H)],
  ['brightness', () => x.brightness(ptr, W, H, 20)],
  ['contrast', () => x.contrast(ptr, W, H, 1.5)],
  ['color_matrix', () => x.color_matrix(ptr, W, H, matrix)],
  ['apply_lut', () => x.apply_lut(ptr, W, H, lut)],
  ['premultiply', () => x.premultiply(ptr, W, H)],
  ['unpremultiply', () => x.unpremultiply(ptr, W, H)],
  ['histogram', () => x.histogram(ptr, W, H, hist)],
];

const f = (ms) => ms.toFixed(2).padStart(8);
const r = (k) => (k.toFixed(2) + '×').padStart(8);
console.log(`\nrawpx bench: ${W}×${H} RGBA (${(LEN / 1e6).toFixed(1)} MB), median of ${RUNS} runs, Node ${process.version}`);
console.log(`floor: SIMD128 read+write pass ${floorIn.toFixed(2)} ms in Wasm memory; copy in + pass + copy out ${floorE2e.toFixed(2)} ms\n`);
console.log('op               in-mem ms  ×floor   e2e ms  ×floor    js ms  js/e2e  photon ms  photon/e2e');
const pxMem = x.memory.buffer.byteLength;
for (const [name, run] of want('point') ? ops : []) {
  const reset = () => view().set(src);
  const inMem = time(() => { if (run()) throw new Error(name); }, reset);
  const e2e = time(() => { view().set(src); if (run()) throw new Error(name); out.set(view()); });
  const copy = new Uint8ClampedArray(LEN);
  const jsMs = time(() => js[name](copy), () => copy.set(src));
  let photonCol = '       —           —';
  if (photonOps[name]) {
    const raw = new Uint8Array(src.buffer);
    const ms = time(() => { const img = new photon.PhotonImage(raw, W, H); photonOps[name](img); out.set(img.get_raw_pixels()); img.free(); }, undefined, Math.min(RUNS, 7));
    photonCol = `${f(ms)}   ${r(ms / e2e)}`;
  }
  console.log(`${name.padEnd(15)}${f(inMem)}${r(inMem / floorIn)}${f(e2e)}${r(e2e / floorE2e)}${f(jsMs)}${r(jsMs / e2e)}  ${photonCol}`);
}
console.log(`\nrawpx Wasm memory: ${(x.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB (was ${(pxMem / 2 ** 20).toFixed(1)} MiB before the ops: point ops need no scratch)`);
// A run of point operations through the loader waits and runs as one
// apply_lut pass; against each run alone (view() after each forces it).
if (want('point')) {
  const run = [(i) => i.brightness(20), (i) => i.contrast(1.5), (i) => i.gamma(2.2), (i) => i.invert()];
  const img = px.image({ data: src, width: W, height: H });
  const fused = time(() => { for (const step of run) step(img); img.view(); });
  const alone = time(() => { for (const step of run) step(img).view(); });
  img.free();
  console.log(`point run (brightness, contrast, gamma, invert) in memory: fused into one pass ${fused.toFixed(2)} ms (${(fused / floorIn).toFixed(2)}× floor), one by one ${alone.toFixed(2)} ms: ${(alone / fused).toFixed(2)}×`);
}

// Neighbourhood ops. Plain JS as a page would write it: separable passes
// over straight RGBA in a Float32Array, edges clamped.
// Three box blurs of d ≈ 1.88σ per axis (odd, 2⌊d/2⌋ + 1), running sums.
function jsTripleBox(d, sigma) {
  const r = Math.floor(sigma * 3 * Math.sqrt(2 * Math.PI) / 4 + 0.5) >> 1, n = 2 * r + 1;
  const a = Float32Array.from(d), b = new Float32Array(d.length);
  const pass = (src, dst, len, lines, at) => {
    for (let l = 0; l < lines; l++) for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += src[at(l, Math.min(len - 1, Math.max(0, k))) + c];
      for (let i = 0; i < len; i++) {
        dst[at(l, i) + c] = s / n;
        s += src[at(l, Math.min(len - 1, i + r + 1)) + c] - src[at(l, Math.max(0, i - r)) + c];
      }
    }
  };
  const row = (l, i) => (l * W + i) * 4, col = (l, i) => (i * W + l) * 4;
  for (const [len, lines, at] of [[W, H, row], [H, W, col]]) {
    pass(a, b, len, lines, at);
    pass(b, a, len, lines, at);
    pass(a, b, len, lines, at);
    a.set(b);
  }
  d.set(a);
}
function jsSeparable(d, weights) {
  const r = weights.length >> 1, tmp = new Float32Array(d.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    let s = 0;
    for (let k = -r; k <= r; k++) s += weights[k + r] * d[(y * W + Math.min(W - 1, Math.max(0, x + k))) * 4 + c];
    tmp[(y * W + x) * 4 + c] = s;
  }
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    let s = 0;
    for (let k = -r; k <= r; k++) s += weights[k + r] * tmp[(Math.min(H - 1, Math.max(0, y + k)) * W + x) * 4 + c];
    d[(y * W + x) * 4 + c] = s;
  }
}
function gaussianWeights(sigma) {
  const r = Math.ceil(3 * sigma), w = Float32Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const total = w.reduce((a, b) => a + b);
  return w.map((v) => v / total);
}
function jsBox(d, r) {
  // Running sums, rows then columns.
  const n = 2 * r + 1, tmp = new Float32Array(d.length);
  for (let y = 0; y < H; y++) for (let c = 0; c < 4; c++) {
    const at = (x) => d[(y * W + Math.min(W - 1, Math.max(0, x))) * 4 + c];
    let s = 0;
    for (let k = -r; k <= r; k++) s += at(k);
    for (let x = 0; x < W; x++) { tmp[(y * W + x) * 4 + c] = s / n; s += at(x + r + 1) - at(x - r); }
  }
  for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    const at = (y) => tmp[(Math.min(H - 1, Math.max(0, y)) * W + x) * 4 + c];
    let s = 0;
    for (let k = -r; k <= r; k++) s += at(k);
    for (let y = 0; y < H; y++) { d[(y * W + x) * 4 + c] = s / n; s += at(y + r + 1) - at(y - r); }
  }
}
function jsSharpen(d, sigma, amount) {
  const b = d.slice();
  jsSeparable(b, gaussianWeights(sigma));
  for (let i = 0; i < d.length; i++) if ((i & 3) !== 3) d[i] += amount * (d[i] - b[i]);
}
function jsConvolve(d, k, size) {
  const r = size >> 1, s = d.slice();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) {
    let acc = 0;
    for (let j = 0; j < size; j++) {
      const row = Math.min(H - 1, Math.max(0, y + j - r)) * W;
      for (let i = 0; i < size; i++) acc += k[j * size + i] * s[(row + Math.min(W - 1, Math.max(0, x + i - r))) * 4 + c];
    }
    d[(y * W + x) * 4 + c] = acc;
  }
}
const kernel = (size) => Array.from({ length: size * size }, (_, i) => (i === (size * size) >> 1 ? 2 : -1 / (size * size - 1)));

// No operation cache: each run computes. Its memory still grows over the
// tables (it runs out by the compositing one), so each table takes a fresh
// instance, and each row of the neighbourhood one.
let vips;
async function freshVips() {
  vips?.shutdown?.();
  vips = await Vips();
  vips.Cache.max(0);
}
await freshVips();
// A peer's time, or null where it failed (wasm-vips can run out of its own
// memory over a long run); the failures are listed at the end.
const peerFailures = new Set();
function peerTime(...args) {
  try {
    return time(...args);
  } catch (e) {
    peerFailures.add(String(e?.message ?? e).replace(/\s+/g, ' ').slice(0, 90));
    return null;
  }
}
const vipsRun2 = (data, w, h, op) => { const im = vips.Image.newFromMemory(data, w, h, 4, 'uchar'); const o = op(im).cast('uchar'); o.writeToMemory(); o.delete(); im.delete(); };
const vipsRun = (op) => { const im = vips.Image.newFromMemory(src, W, H, 4, 'uchar'); const o = op(im).cast('uchar'); out.set(o.writeToMemory()); o.delete(); im.delete(); };
const vipsMask = (k, size) => vips.Image.newFromArray(Array.from({ length: size }, (_, j) => k.slice(j * size, j * size + size)));
const photonRun = (op) => { const img = new photon.PhotonImage(new Uint8Array(src.buffer), W, H); op(img); out.set(img.get_raw_pixels()); img.free(); };

const hood = [
  // name, rawpx call, plain JS, photon, wasm-vips, and for the Gaussian
  // wasm-vips with min_ampl 0.01 (its kernel cut at 1% of the peak, not 20%)
  ['blur σ=2', (img) => img.gaussianBlur(2), (d) => jsSeparable(d, gaussianWeights(2)), (i) => photon.gaussian_blur(i, 2), (im) => im.gaussblur(2), (im) => im.gaussblur(2, { min_ampl: 0.01 })],
  ['blur σ=10', (img) => img.gaussianBlur(10), (d) => jsSeparable(d, gaussianWeights(10)), (i) => photon.gaussian_blur(i, 10), (im) => im.gaussblur(10), (im) => im.gaussblur(10, { min_ampl: 0.01 })],
  ['3 boxes σ=2 ³', (img) => img.tripleBoxBlur(2), (d) => jsTripleBox(d, 2), (i) => photon.gaussian_blur(i, 2), (im) => im.gaussblur(2)],
  ['3 boxes σ=10 ³', (img) => img.tripleBoxBlur(10), (d) => jsTripleBox(d, 10), (i) => photon.gaussian_blur(i, 10), (im) => im.gaussblur(10)],
  ['box r=10', (img) => img.boxBlur(10), (d) => jsBox(d, 10), null, (im) => im.convsep(vips.Image.newFromArray([Array(21).fill(1)], 21))],
  ['sharpen σ=1 ¹', (img) => img.sharpen({ sigma: 1, amount: 1 }), (d) => jsSharpen(d, 1, 1), (i) => photon.sharpen(i), (im) => im.copy({ interpretation: 'srgb' }).sharpen({ sigma: 1 })],
  ['convolve 3×3 ²', (img) => img.convolve(kernel(3)), (d) => jsConvolve(d, kernel(3), 3), (i) => photon.box_blur(i), (im) => im.conv(vipsMask(kernel(3), 3))],
  ['convolve 7×7', (img) => img.convolve(kernel(7)), (d) => jsConvolve(d, kernel(7), 7), null, (im) => im.conv(vipsMask(kernel(7), 7))],
];
const module = new WebAssembly.Module(readFileSync(root + 'dist/rawpx.wasm'));
const PEER_RUNS = Math.min(RUNS, 3);
console.log(`\nneighbourhood ops (rawpx median of ${RUNS} runs, peers of ${PEER_RUNS}; wasm-vips with ${vips.concurrency()} threads)`);
console.log('op              in-mem ms  ×floor   e2e ms  ×floor  peak mem    js ms  js/e2e  photon ms  ph/e2e   vips ms vips/e2e  vips .01 v.01/e2e');
for (const [name, run, jsRun, photonOp, vipsOp, vipsFine] of want('neighbourhood') ? hood : []) {
  // Its memory runs out within this table now (the blurs run twice).
  await freshVips();
  // A fresh instance per op, so its memory is the image plus the op's peak.
  const fresh = await load(module);
  const img = fresh.image({ data: src, width: W, height: H });
  const inMem = time(() => run(img), () => img.view().set(src));
  const peak = fresh.exports.memory.buffer.byteLength;
  const e2e = time(() => { img.view().set(src); run(img); out.set(img.view()); });
  img.free();
  const copy = new Uint8ClampedArray(LEN);
  const jsMs = time(() => jsRun(copy), () => copy.set(src), PEER_RUNS);
  const peer = (op, go) => {
    if (!op) return '       —        —';
    const ms = peerTime(() => go(op), undefined, PEER_RUNS);
    return ms === null ? '  failed        —' : `${f(ms + 0)}${r(ms / e2e)}`;
  };
  const mem = `${(peak / 2 ** 20).toFixed(1)} MiB`.padStart(10);
  console.log(`${name.padEnd(15)}${f(inMem)}${r(inMem / floorIn)}${f(e2e)}${r(e2e / floorE2e)}${mem}${f(jsMs + 0)}${r(jsMs / e2e)} ${peer(photonOp, photonRun)} ${peer(vipsOp, vipsRun)} ${peer(vipsFine, vipsRun)}`);
}
console.log(`\npeak mem: a fresh instance's Wasm memory after the op: the ${(LEN / 2 ** 20).toFixed(1)} MiB image, the module's own ${(pxMem / 2 ** 20 - LEN / 2 ** 20).toFixed(1)} MiB and the op's scratch.`);
console.log('¹ photon: its fixed 3×3 sharpen kernel; wasm-vips: its sharpen (LAB, L only, default slopes): not the same filter.');
console.log('² photon: its 3×3 box_blur, a fixed 3×3 convolution.');
console.log('vips .01: wasm-vips\' gaussblur with min_ampl 0.01 (its default cuts the kernel at 0.2 of the peak; both 8-bit); rawpx keeps SPEC\'s 3σ and ±1.');
console.log('³ tripleBoxBlur: Filter Effects\' three boxes, as browsers blur (not within ±1 of the Gaussian); plain JS: three box passes per axis; photon and wasm-vips: their default Gaussian blurs.');

// Geometry. Plain JS as a page would write it: Pillow-style separable
// resampling (support scaled when shrinking) on straight RGBA in floats,
// nearest by index tables, rotation by 32-bit pixel moves.
const jsTaps = (nIn, nOut, support, kernel) => {
  const scale = nIn / nOut, fs = Math.max(1, scale), reach = support * fs;
  return Array.from({ length: nOut }, (_, o) => {
    const c = (o + 0.5) * scale, lo = Math.max(0, Math.floor(c - reach + 0.5)), hi = Math.min(nIn, Math.floor(c + reach + 0.5));
    const w = Float32Array.from({ length: hi - lo }, (_, i) => kernel((lo + i - c + 0.5) / fs));
    const sum = w.reduce((a, b) => a + b, 0);
    return { lo, w: w.map((v) => v / sum) };
  });
};
function jsResize(d, sw, sh, dw, dh, [support, kernel]) {
  const across = jsTaps(sw, dw, support, kernel), down = jsTaps(sh, dh, support, kernel);
  const mid = new Float32Array(dw * sh * 4), o = new Uint8ClampedArray(dw * dh * 4);
  for (let y = 0; y < sh; y++) for (let x = 0; x < dw; x++) {
    const { lo, w } = across[x];
    for (let c = 0; c < 4; c++) { let s = 0; for (let i = 0; i < w.length; i++) s += w[i] * d[(y * sw + lo + i) * 4 + c]; mid[(y * dw + x) * 4 + c] = s; }
  }
  for (let y = 0; y < dh; y++) {
    const { lo, w } = down[y];
    for (let i = 0; i < dw * 4; i++) { let s = 0; for (let j = 0; j < w.length; j++) s += w[j] * mid[(lo + j) * dw * 4 + i]; o[y * dw * 4 + i] = s; }
  }
  return o;
}
function jsNearest(d, sw, sh, dw, dh) {
  const s32 = new Uint32Array(d.buffer, d.byteOffset, sw * sh), o = new Uint32Array(dw * dh);
  const xs = Int32Array.from({ length: dw }, (_, x) => Math.floor(((x + 0.5) * sw) / dw));
  for (let y = 0; y < dh; y++) { const row = Math.floor(((y + 0.5) * sh) / dh) * sw; for (let x = 0; x < dw; x++) o[y * dw + x] = s32[row + xs[x]]; }
  return o;
}
function jsRotate90(d, w, h) {
  const s32 = new Uint32Array(d.buffer, d.byteOffset, w * h), o = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) o[x * h + (h - 1 - y)] = s32[y * w + x];
  return o;
}
const sinc = (x) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));
const KERNELS = {
  box: [0.5, (x) => +(x > -0.5 && x <= 0.5)],
  bilinear: [1, (x) => Math.max(0, 1 - Math.abs(x))],
  bicubic: [2, (x) => { x = Math.abs(x); return x < 1 ? (1.5 * x - 2.5) * x * x + 1 : x < 2 ? (((x - 5) * x + 8) * x - 4) * -0.5 : 0; }],
  lanczos3: [3, (x) => (x > -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0)],
};
const FILTERS = ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'];
const PHOTON = { nearest: 1, bilinear: 2, bicubic: 3, lanczos3: 5 };
const VIPS = { nearest: 'nearest', bilinear: 'linear', bicubic: 'cubic', lanczos3: 'lanczos3' };
const PICA = { box: 'box', lanczos3: 'lanczos3' };
const pica = new Pica({ features: ['js', 'wasm'] });
// fast_image_resize 6.1 from crates.io as a raw wasm32 SIMD128 module
// (scripts/bench/fir, built by `make bench`): the fastest resize a page can
// load besides rawpx, not Pillow's bytes.
const firPath = new URL('bench/fir/target/wasm32-unknown-unknown/release/fir_bench.wasm', import.meta.url);
const fir = (await WebAssembly.instantiate(readFileSync(firPath))).instance.exports;
async function timeAsync(fn, runs) {
  await fn();
  const t = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); await fn(); t.push(performance.now() - t0); }
  return median(t);
}
const small = new Uint8ClampedArray(1920 * 1080 * 4);
for (let y = 0; y < 1080; y++) for (let x = 0; x < 1920; x++) small.set(src.subarray(((2 * y) * W + 2 * x) * 4, ((2 * y) * W + 2 * x) * 4 + 4), (y * 1920 + x) * 4);
const geometry = [
  // name, source, (sw, sh), (dw, dh), filter or 'rotate'
  ...FILTERS.map((f) => [`${f} →1080p`, src, [W, H], [1920, 1080], f]),
  ['lanczos3 →720p', src, [W, H], [1280, 720], 'lanczos3'],
  ['bicubic 1080p→4K', small, [1920, 1080], [W, H], 'bicubic'],
  ['rotate 90°', src, [W, H], [H, W], 'rotate'],
];
await freshVips();
console.log(`\ngeometry (rawpx median of ${RUNS} runs, peers of ${PEER_RUNS}; e2e = copy in + op + copy out of the output)`);
console.log('op                in-mem ms  ×floor   e2e ms  ×floor scratch    js ms  js/e2e  photon ms  ph/e2e   vips ms vips/e2e   pica ms pica/e2e  fir mem ms rawpx/fir  fir e2e fir/e2e  fir Δmax');
for (const [name, from, [sw, sh], [dw, dh], filter] of want('geometry') ? geometry : []) {
  const fresh = await load(module);
  const fx = fresh.exports, inLen = sw * sh * 4, outLen = dw * dh * 4;
  const [sp, dp] = [fx.alloc(inLen), fx.alloc(outLen)];
  new Uint8ClampedArray(fx.memory.buffer, sp, inLen).set(from);
  const before = fx.memory.buffer.byteLength;
  const op = filter === 'rotate' ? () => fx.rotate(sp, sw, sh, dp, 1) : () => fx.resize(sp, sw, sh, dp, dw, dh, FILTERS.indexOf(filter));
  const inMem = time(op);
  const scratch = fx.memory.buffer.byteLength - before;
  const e2e = time(() => { new Uint8ClampedArray(fx.memory.buffer, sp, inLen).set(from); op(); out.set(new Uint8ClampedArray(fx.memory.buffer, dp, outLen)); });
  const jsMs = time(() => (filter === 'rotate' ? jsRotate90(from, sw, sh) : filter === 'nearest' ? jsNearest(from, sw, sh, dw, dh) : jsResize(from, sw, sh, dw, dh, KERNELS[filter])), undefined, PEER_RUNS);
  const col = (ms) => (ms === null ? '       —        —' : `${f(ms)}${r(ms / e2e)}`);
  const photonMs = filter === 'rotate' || PHOTON[filter]
    ? time(() => {
      const img = new photon.PhotonImage(new Uint8Array(from.buffer, from.byteOffset, inLen), sw, sh);
      const o = filter === 'rotate' ? photon.rotate(img, 90) : photon.resize(img, dw, dh, PHOTON[filter]);
      o.get_raw_pixels(); o.free(); img.free();
    }, undefined, PEER_RUNS) : null;
  const vipsMs = filter === 'rotate' || VIPS[filter]
    ? peerTime(() => vipsRun2(from, sw, sh, (im) => (filter === 'rotate' ? im.rot('d90') : im.resize(dw / sw, { vscale: dh / sh, kernel: VIPS[filter] }))), undefined, PEER_RUNS) : null;
  const picaMs = PICA[filter]
    ? await timeAsync(() => pica.resizeBuffer({ src: new Uint8Array(from.buffer, from.byteOffset, inLen), width: sw, height: sh, toWidth: dw, toHeight: dh, filter: PICA[filter] }), PEER_RUNS) : null;
  // fir in its own memory, in memory and end to end, and how far its bytes
  // are from rawpx's (Pillow's).
  let firCols = '         —         —        —        —        —';
  if (filter !== 'rotate') {
    const [fs, fd] = [fir.alloc(inLen), fir.alloc(outLen)];
    new Uint8Array(fir.memory.buffer, fs, inLen).set(from);
    const firOp = () => fir.resize(fs, sw, sh, fd, dw, dh, FILTERS.indexOf(filter));
    const firMem = time(firOp, undefined, PEER_RUNS);
    const firE2e = time(() => { new Uint8Array(fir.memory.buffer, fs, inLen).set(from); firOp(); out.set(new Uint8Array(fir.memory.buffer, fd, outLen)); }, undefined, PEER_RUNS);
    op();
    const [a, b] = [new Uint8Array(fir.memory.buffer, fd, outLen), new Uint8Array(fx.memory.buffer, dp, outLen)];
    // On pixels both make opaque: elsewhere the two unpremultiply differently.
    let most = 0;
    for (let i = 0; i < outLen; i += 4) {
      if (a[i + 3] === 255 && b[i + 3] === 255) for (let c = 0; c < 3; c++) most = Math.max(most, Math.abs(a[i + c] - b[i + c]));
    }
    fir.free(fs, inLen);
    fir.free(fd, outLen);
    firCols = `${f(firMem)}${r(inMem / firMem)}  ${f(firE2e)}${r(firE2e / e2e)}${String(most).padStart(9)}`;
  }
  const mem = `${(scratch / 2 ** 20).toFixed(1)} MiB`.padStart(8);
  console.log(`${name.padEnd(17)}${f(inMem)}${r(inMem / floorIn)}${f(e2e)}${r(e2e / floorE2e)}${mem}${f(jsMs)}${r(jsMs / e2e)} ${col(photonMs)} ${col(vipsMs)} ${col(picaMs)} ${firCols}`);
}
console.log('scratch: what the op grew a fresh instance\'s memory by, beyond the source and output blocks (the 4K source is 31.6 MiB).');
console.log('photon: Triangle for bilinear, CatmullRom for bicubic; wasm-vips: kernel linear/cubic; pica: box and lanczos3 only. Only rawpx is Pillow\'s result.');
console.log('fir: fast_image_resize 6.1, wasm32 SIMD128, raw exports; rawpx/fir is rawpx\'s in-memory time over fir\'s (below 1: rawpx faster); fir Δmax: its largest colour difference from rawpx (Pillow) where both are opaque.');

// Compositing and tone. The source for composite is the photo turned
// (its colours shuffled) with a soft alpha ramp, drawn over the opaque photo;
// plain JS works on straight RGBA as a page would.
const ramp = src.slice();
for (let i = 0; i < LEN; i += 4) { const x = (i >> 2) % W; [ramp[i], ramp[i + 1], ramp[i + 2]] = [src[i + 2], src[i], src[i + 1]]; ramp[i + 3] = Math.min(255, (x * 255) / (W / 2)); }
const opaque = src.slice();
for (let i = 3; i < LEN; i += 4) opaque[i] = 255;
function jsComposite(d, s, blend) {
  for (let i = 0; i < d.length; i += 4) {
    const as = s[i + 3] / 255, ab = d[i + 3] / 255, ao = as + ab * (1 - as);
    for (let c = 0; c < 3; c++) {
      const cs = s[i + c] / 255, cb = d[i + c] / 255, mixed = (1 - ab) * cs + ab * blend(cb, cs);
      d[i + c] = ao ? (255 * (as * mixed + ab * (1 - as) * cb)) / ao : 0;
    }
    d[i + 3] = 255 * ao;
  }
}
function jsHsl(d, turn, sat) {
  for (let i = 0; i < d.length; i += 4) {
    const r = d[i] / 255, g = d[i + 1] / 255, b = d[i + 2] / 255, hi = Math.max(r, g, b), lo = Math.min(r, g, b), l = (hi + lo) / 2, dd = hi - lo;
    let h = 0, s = 0;
    if (dd) { s = dd / (l <= 0.5 ? hi + lo : 2 - hi - lo); h = 60 * (hi === r ? (g - b) / dd + (g < b ? 6 : 0) : hi === g ? (b - r) / dd + 2 : (r - g) / dd + 4); }
    h = (h + turn + 360) % 360; s = Math.min(1, s * sat);
    const a = s * Math.min(l, 1 - l), f = (n) => { const k = (n + h / 30) % 12; return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))); };
    d[i] = f(0); d[i + 1] = f(8); d[i + 2] = f(4);
  }
}
const BAYER = [0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26, 12, 44, 4, 36, 14, 46, 6, 38, 60, 28, 52, 20, 62, 30, 54, 22, 3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25, 15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21];
function jsOrdered(d, n) {
  for (let i = 0; i < d.length; i += 4) {
    const p = i >> 2, t = (BAYER[((p / W) & 7) * 8 + (p % W & 7)] + 0.5) / 64 - 0.5;
    for (let c = 0; c < 3; c++) d[i + c] = (Math.min(n - 1, Math.max(0, Math.round((d[i + c] * (n - 1)) / 255 + t))) * 255) / (n - 1);
  }
}
function jsFloydSteinberg(d, n) {
  const e = new Float32Array(d.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) {
    const i = (y * W + x) * 4 + c, v = d[i] + e[i], q = (Math.min(n - 1, Math.max(0, Math.round((v * (n - 1)) / 255))) * 255) / (n - 1), err = v - q;
    d[i] = q;
    if (x + 1 < W) e[i + 4] += (err * 7) / 16;
    if (y + 1 < H) { if (x > 0) e[i + 4 * W - 4] += (err * 3) / 16; e[i + 4 * W] += (err * 5) / 16; if (x + 1 < W) e[i + 4 * W + 4] += err / 16; }
  }
}
function jsPixelate(d, size) {
  for (let y0 = 0; y0 < H; y0 += size) for (let x0 = 0; x0 < W; x0 += size) {
    const sum = [0, 0, 0, 0], y1 = Math.min(H, y0 + size), x1 = Math.min(W, x0 + size), n = (y1 - y0) * (x1 - x0);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 4; c++) sum[c] += d[(y * W + x) * 4 + c];
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 4; c++) d[(y * W + x) * 4 + c] = sum[c] / n;
  }
}
const photonTwo = (op) => {
  const a = new photon.PhotonImage(new Uint8Array(opaque.buffer), W, H), b = new photon.PhotonImage(new Uint8Array(ramp.buffer), W, H);
  op(a, b); out.set(a.get_raw_pixels()); a.free(); b.free();
};
const vipsTwo = (mode) => {
  const [a, b] = [opaque, ramp].map((d) => vips.Image.newFromMemory(d, W, H, 4, 'uchar').copy({ interpretation: 'srgb' }));
  const o = a.composite2(b, mode).cast('uchar'); out.set(o.writeToMemory()); o.delete(); a.delete(); b.delete();
};
const tone = [
  // name, rawpx export call (dst in memory, the ramp at `s`), plain JS, photon, wasm-vips
  ['composite over', (fx, d, s) => fx.composite(d, W, H, s, W, H, 0, 0, 0, 1), (d) => jsComposite(d, ramp, (b, s) => s), () => photonTwo((a, b) => photon.blend(a, b, 'over')), () => vipsTwo('over')],
  ['composite multiply', (fx, d, s) => fx.composite(d, W, H, s, W, H, 0, 0, 1, 1), (d) => jsComposite(d, ramp, (b, s) => b * s), () => photonTwo((a, b) => photon.blend(a, b, 'multiply')), () => vipsTwo('multiply')],
  ['hsl_adjust ¹', (fx, d) => fx.hsl_adjust(d, W, H, 30, 1.2, 0), (d) => jsHsl(d, 30, 1.2), () => photonRun((i) => photon.hue_rotate_hsl(i, 30)),
    () => vipsRun((im) => im.copy({ interpretation: 'srgb' }).extractBand(0, { n: 3 }).colourspace('hsv').linear([1, 1.2, 1], [30 * 256 / 360, 0, 0]).colourspace('srgb').bandjoin(im.extractBand(3)))],
  ['dither ordered 4', (fx, d) => fx.dither(d, W, H, 4, 0), (d) => jsOrdered(d, 4), null, null],
  ['dither F–S 4 ²', (fx, d) => fx.dither(d, W, H, 4, 1), (d) => jsFloydSteinberg(d, 4), () => photonRun((i) => photon.dither(i, 2)), null],
  ['pixelate 16', (fx, d) => fx.pixelate(d, W, H, 16), (d) => jsPixelate(d, 16), () => photonRun((i) => photon.pixelize(i, 16)), null],
];
await freshVips();
console.log(`\ncompositing and tone (rawpx median of ${RUNS} runs, peers of ${PEER_RUNS}; composite: the photo with an alpha ramp over the opaque photo, e2e copies both in)`);
console.log('op                 in-mem ms  ×floor   e2e ms  ×floor    js ms  js/e2e  photon ms  ph/e2e   vips ms vips/e2e');
for (const [name, run, jsRun, photonGo, vipsGo] of want('tone') ? tone : []) {
  const fresh = await load(module);
  const fx = fresh.exports, [d, sp] = [fx.alloc(LEN), fx.alloc(LEN)];
  const [dst, from] = name.startsWith('composite') ? [opaque, ramp] : [src, null];
  const put = (p, data) => new Uint8ClampedArray(fx.memory.buffer, p, LEN).set(data);
  if (from) put(sp, from);
  const go = () => { if (run(fx, d, sp)) throw new Error(name); };
  const inMem = time(go, () => put(d, dst));
  const e2e = time(() => { put(d, dst); if (from) put(sp, from); go(); out.set(new Uint8ClampedArray(fx.memory.buffer, d, LEN)); });
  const copy = new Uint8ClampedArray(LEN);
  const jsMs = time(() => jsRun(copy), () => copy.set(dst), PEER_RUNS);
  const col = (g) => (g ? ((ms) => (ms === null ? '  failed        —' : `${f(ms)}${r(ms / e2e)}`))(peerTime(g, undefined, PEER_RUNS)) : '       —        —');
  console.log(`${name.padEnd(18)}${f(inMem)}${r(inMem / floorIn)}${f(e2e)}${r(e2e / floorE2e)}${f(jsMs)}${r(jsMs / e2e)} ${col(photonGo)} ${col(vipsGo)}`);
}
if (want('tone')) {
  console.log('¹ rawpx: hue +30°, saturation ×1.2 through CSS HSL; photon: hue_rotate_hsl 30° only; wasm-vips: colourspace hsv, linear, back (its HSV, not HSL).');
  console.log('² photon: its Floyd–Steinberg dither at depth 2 bits (4 levels); wasm-vips has no dither.');
}

// Rank filters, edges and warps. Plain JS as a page would write it: a
// sort per window for the median, separable min for erode, the Sobel
// stencil on luma, inverse-mapped bilinear for the rotation.
function jsMedian(d, r) {
  const s = d.slice(), win = new Uint8Array((2 * r + 1) ** 2);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    let n = 0;
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) win[n++] = s[(Math.min(H - 1, Math.max(0, y + dy)) * W + Math.min(W - 1, Math.max(0, x + dx))) * 4 + c];
    win.sort();
    d[(y * W + x) * 4 + c] = win[n >> 1];
  }
}
function jsErode(d, r) {
  const tmp = new Uint8ClampedArray(d.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    let m = 255;
    for (let k = -r; k <= r; k++) m = Math.min(m, d[(y * W + Math.min(W - 1, Math.max(0, x + k))) * 4 + c]);
    tmp[(y * W + x) * 4 + c] = m;
  }
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 4; c++) {
    let m = 255;
    for (let k = -r; k <= r; k++) m = Math.min(m, tmp[(Math.min(H - 1, Math.max(0, y + k)) * W + x) * 4 + c]);
    d[(y * W + x) * 4 + c] = m;
  }
}
function jsSobel(d) {
  const Y = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) Y[i] = 0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2];
  const at = (x, y) => Y[Math.min(H - 1, Math.max(0, y)) * W + Math.min(W - 1, Math.max(0, x))];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const gx = at(x + 1, y - 1) - at(x - 1, y - 1) + 2 * (at(x + 1, y) - at(x - 1, y)) + at(x + 1, y + 1) - at(x - 1, y + 1);
    const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
    d[4 * (y * W + x)] = d[4 * (y * W + x) + 1] = d[4 * (y * W + x) + 2] = Math.hypot(gx, gy);
  }
}
function jsRotate(d, deg) {
  const s = d.slice(), c = Math.cos((deg * Math.PI) / 180), n = Math.sin((deg * Math.PI) / 180);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const X = x + 0.5 - W / 2, Y = y + 0.5 - H / 2, u = c * X + n * Y + W / 2 - 0.5, v = -n * X + c * Y + H / 2 - 0.5;
    const i = Math.floor(u), j = Math.floor(v), fx = u - i, fy = v - j;
    for (let k = 0; k < 4; k++) {
      const p = (a, b) => (a < 0 || b < 0 || a >= W || b >= H ? 0 : s[(b * W + a) * 4 + k]);
      d[(y * W + x) * 4 + k] = (p(i, j) * (1 - fx) + p(i + 1, j) * fx) * (1 - fy) + (p(i, j + 1) * (1 - fx) + p(i + 1, j + 1) * fx) * fy;
    }
  }
}
// 30° about the centre, the same canvas (4K to 4K): rawpx's matrix.
const turn = (deg) => { const [c, n] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)]; return [c, n, W / 2 - (c * W) / 2 - (n * H) / 2, -n, c, H / 2 + (n * W) / 2 - (c * H) / 2, 0, 0, 1]; };
const keystone = [0.9, 0.05, 100, 0.02, 0.95, 40, 0.00003, 0.00001, 1];
const rankRows = [
  // name, rawpx export call, plain JS, photon, wasm-vips
  ['median r=1', (fx, d) => fx.median(d, W, H, 1), (d) => jsMedian(d, 1), null, (im) => im.median(3)],
  ['median r=2', (fx, d) => fx.median(d, W, H, 2), null, null, (im) => im.median(5)],
  ['median r=5', (fx, d) => fx.median(d, W, H, 5), null, null, (im) => im.median(11)],
  ['erode r=1', (fx, d) => fx.erode(d, W, H, 1), (d) => jsErode(d, 1), null, (im) => im.rank(3, 3, 0)],
  ['erode r=15', (fx, d) => fx.erode(d, W, H, 15), (d) => jsErode(d, 15), null, (im) => im.morph(vips.Image.newFromArray(Array.from({ length: 31 }, () => Array(31).fill(255))), 'erode')],
  ['sobel ¹', (fx, d) => fx.sobel(d, W, H, 1), jsSobel, (i) => photon.sobel_global(i), (im) => im.extractBand(0, { n: 3 }).colourspace('b-w').sobel()],
  ['rotate 30° bilinear ²', 'warp', (d) => jsRotate(d, 30), (i) => { const o = photon.rotate(i, 30); o.free(); }, (im) => {
    // The forward turn about the centre, onto a 4K canvas.
    const [c, n] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    return im.affine([c, -n, n, c], { interpolate: vips.Interpolate.newFromName('bilinear'), oarea: [0, 0, W, H], odx: W / 2 - c * W / 2 + n * H / 2, ody: H / 2 - n * W / 2 - c * H / 2 });
  }],
  ['perspective bicubic', 'perspective', null, null, null],
  ['resize →1080p lanczos3', 'resize', null, null, null],
  ['resize_linear →1080p ³', 'resize_linear', null, null, (im) => im.colourspace('scrgb').resize(0.5, { kernel: 'lanczos3' }).colourspace('srgb')],
];
const warpBlock = (fx) => { const p = fx.alloc(36); return p; };
await freshVips();
console.log(`\nrank filters, edges and warps (rawpx median of ${RUNS} runs, peers of ${PEER_RUNS}; 3840×2160, warps 4K to 4K)`);
console.log('op                    in-mem ms  ×floor   e2e ms  ×floor    js ms  js/e2e  photon ms  ph/e2e   vips ms vips/e2e');
for (const [name, run, jsRun, photonOp, vipsOp] of want('rank') ? rankRows : []) {
  const fresh = await load(module);
  const fx = fresh.exports, [d, o] = [fx.alloc(LEN), fx.alloc(LEN)];
  const put = (p, data) => new Uint8ClampedArray(fx.memory.buffer, p, LEN).set(data);
  let go, output = d;
  if (typeof run === 'function') go = () => { if (run(fx, d)) throw new Error(name); };
  else if (run.startsWith('resize')) {
    go = () => { if (fx[run](d, W, H, o, 1920, 1080, 4)) throw new Error(name); };
    output = o;
  } else {
    const m = warpBlock(fx);
    new Float32Array(fx.memory.buffer, m, 9).set(run === 'warp' ? turn(30) : keystone);
    const filter = run === 'warp' ? 2 : 3;
    output = o;
    go = () => { if (fx.warp(d, W, H, o, W, H, m, filter, 0)) throw new Error(name); };
  }
  const inMem = time(go, () => put(d, src), name.startsWith('median r=5') || name.startsWith('median r=2') ? 3 : RUNS);
  const outLen = typeof run === 'string' && run.startsWith('resize') ? 1920 * 1080 * 4 : LEN;
  const e2e = time(() => { put(d, src); go(); out.set(new Uint8ClampedArray(fx.memory.buffer, output, outLen)); }, undefined, name.startsWith('median r=5') || name.startsWith('median r=2') ? 3 : RUNS);
  const copy = new Uint8ClampedArray(LEN);
  const jsMs = jsRun ? time(() => jsRun(copy), () => copy.set(src), 1) : null;
  const col = (ms) => (ms === null ? '       —        —' : `${f(ms)}${r(ms / e2e)}`);
  const photonMs = photonOp ? time(() => photonRun(photonOp), undefined, PEER_RUNS) : null;
  const vipsMs = vipsOp ? peerTime(() => vipsRun2(src, W, H, (im) => vipsOp(im.copy({ interpretation: 'srgb' }))), undefined, PEER_RUNS) : null;
  console.log(`${name.padEnd(22)}${f(inMem)}${r(inMem / floorIn)}${f(e2e)}${r(e2e / floorE2e)}${jsMs === null ? '        —       —' : `${f(jsMs)}${r(jsMs / e2e)}`} ${col(photonMs)} ${col(vipsMs)}`);
}
if (want('rank')) {
  console.log('¹ photon: sobel_global (its own 3×3, on its grey); wasm-vips: sobel of the b-w image. ² photon: rotate(30) (its own canvas size and filter); wasm-vips: affine with bilinear.');
  console.log('plain JS median r=1 sorts each 3×3 window; larger medians in JS take minutes and are left out.');
  console.log('³ wasm-vips: colourspace scrgb (float linear light), resize lanczos3, back to sRGB.');
}

// The worker pool: one σ=2 blur on 4K split over 1 and 2 workers, end to end
// (strips out, blur, rows back), each worker its own instance.
const { createPool } = await import('../js/pool.js');
const pooled = {};
for (const n of want('pool') ? [1, 2] : []) {
  const pool = await createPool(module, n);
  const image = { data: src, width: W, height: H };
  await pool.run(image, [['gaussianBlur', 2]]);
  const t = [];
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    const t0 = performance.now();
    await pool.run(image, [['gaussianBlur', 2]]);
    t.push(performance.now() - t0);
  }
  pooled[n] = median(t);
  pool.terminate();
}
if (want('pool')) console.log(`\npool, blur σ=2 end to end: 1 worker ${pooled[1].toFixed(1)} ms, 2 workers ${pooled[2].toFixed(1)} ms: ${(pooled[1] / pooled[2]).toFixed(2)}× (${os.availableParallelism()} cores)`);

// The headline chain (issue 12's): blur σ=2, sharpen σ=1, brightness +20,
// contrast ×1.2, lanczos3 to half size, end to end, against plain JS, and
// on the pool, resize included (each worker its strip of output rows).
if (want('chain')) {
  const steps = [['gaussianBlur', 2], ['sharpen', { sigma: 1, amount: 1 }], ['brightness', 20], ['contrast', 1.2]];
  const half = ['resize', W / 2, H / 2, 'lanczos3'];
  const fresh = await load(module);
  const single = time(() => {
    const img = fresh.image({ data: src, width: W, height: H });
    for (const [m, ...a] of [...steps, half]) img[m](...a);
    img.toImageData();
    img.free();
  }, undefined, Math.min(RUNS, 7));
  const jsChain = time(() => {
    const d = src.slice();
    jsSeparable(d, gaussianWeights(2));
    jsSharpen(d, 1, 1);
    for (let i = 0; i < d.length; i++) if ((i & 3) !== 3) d[i] = (d[i] + 20 - 127.5) * 1.2 + 127.5;
    jsResize(d, W, H, W / 2, H / 2, KERNELS.lanczos3);
  }, undefined, 1);
  const onPool = {};
  for (const n of [1, 2]) {
    const pool = await createPool(module, n);
    const run = () => pool.run({ data: src, width: W, height: H }, [...steps, half]);
    onPool[n] = await timeAsync(run, Math.min(RUNS, 7));
    pool.terminate();
  }
  console.log(`\nchain (blur σ2, sharpen σ1, +20, ×1.2, lanczos3 to half), end to end: one thread ${single.toFixed(1)} ms; plain JS ${jsChain.toFixed(0)} ms (${(jsChain / single).toFixed(1)}×); pool of 1 ${onPool[1].toFixed(1)} ms, of 2 ${onPool[2].toFixed(1)} ms (${(onPool[1] / onPool[2]).toFixed(2)}×)`);
}
if (peerFailures.size) console.log(`\npeers that failed (their column says so): ${[...peerFailures].join('; ')}`);
vips.shutdown?.();
