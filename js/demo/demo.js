// The demo: an image in, a filter per button, before and after, the time
// each filter took inside Wasm memory.
import { load, simdSupported, MODES } from '../rawpx.js';
import '../extras.js';
import { createPool } from '../pool.js';
import { sample } from './sample.js';

const $ = (id) => document.getElementById(id);
const px = await load();
let source = sample();
let img;

// Each filter: its label, its parameters (name, min, max, step, value) and
// how it runs on the image handle.
const filters = [
  ['grayscale', [], (i) => i.grayscale()],
  ['invert', [], (i) => i.invert()],
  ['brightness', [['delta', -255, 255, 1, 30]], (i, d) => i.brightness(d)],
  ['contrast', [['factor', 0, 4, 0.1, 1.4]], (i, f) => i.contrast(f)],
  ['sepia', [['amount', 0, 1, 0.05, 1]], (i, a) => i.sepia(a)],
  ['saturate', [['amount', 0, 4, 0.1, 1.8]], (i, a) => i.saturate(a)],
  ['hue rotate', [['degrees', -180, 180, 5, 90]], (i, d) => i.hueRotate(d)],
  ['gamma', [['g', 0.2, 4, 0.1, 1.8]], (i, g) => i.gamma(g)],
  ['auto levels', [['clip', 0, 0.05, 0.005, 0.01]], (i, c) => i.autoLevels(c)],
  ['gaussian blur', [['sigma', 0.1, 30, 0.1, 2]], (i, s) => i.gaussianBlur(s)],
  ['box blur', [['radius', 1, 100, 1, 5]], (i, r) => i.boxBlur(r)],
  ['sharpen', [['sigma', 0.1, 10, 0.1, 1], ['amount', 0, 10, 0.1, 1.5], ['threshold', 0, 255, 1, 0]], (i, sigma, amount, threshold) => i.sharpen({ sigma, amount, threshold })],
  ['emboss 3×3', [], (i) => i.convolve([-2, -1, 0, -1, 1, 1, 0, 1, 2])],
  ['edges 3×3', [['bias', -128, 128, 1, 0]], (i, b) => i.convolve([-1, -1, -1, -1, 8, -1, -1, -1, -1], b)],
  ['resize (Lanczos3)', [['scale', 0.1, 2, 0.05, 0.5]], (i, s) => i.resize(Math.max(1, Math.round(i.width * s)), Math.max(1, Math.round(i.height * s)))],
  ['rotate 90°', [], (i) => i.rotate(90)],
  ['flip horizontal', [], (i) => i.flipHorizontal()],
  ['hsl', [['hue', -180, 180, 5, 30], ['saturation', 0, 3, 0.05, 1.2], ['lightness', -0.5, 0.5, 0.01, 0]], (i, hue, saturation, lightness) => i.hsl({ hue, saturation, lightness })],
  ['vibrance', [['amount', -1, 1, 0.05, 0.5]], (i, a) => i.vibrance(a)],
  ['swap red and blue', [], (i) => i.shuffle('bgra')],
  ['curves (S)', [['strength', 0, 60, 1, 30]], (i, k) => i.curves([[0, 0], [64, 64 - k], [192, 192 + k], [255, 255]])],
  ['equalize', [], (i) => i.equalize()],
  ['posterize', [['levels', 2, 16, 1, 4]], (i, n) => i.posterize(n)],
  ['threshold', [['level', 0, 255, 1, 128]], (i, l) => i.threshold(l)],
  ['duotone', [], (i) => i.duotone([20, 10, 80], [255, 210, 120])],
  ['dither', [['levels', 2, 16, 1, 2], ['Floyd–Steinberg', 0, 1, 1, 1]], (i, n, fs) => i.dither(n, fs ? 'floyd-steinberg' : 'ordered')],
  ['pixelate', [['size', 1, 64, 1, 12]], (i, n) => i.pixelate(n)],
  ['noise', [['amount', 0, 128, 1, 24], ['mono', 0, 1, 1, 0]], (i, a, mono) => i.noise(a, { seed: 7, mono: !!mono })],
  // A quarter-size copy of the source, drawn at the centre.
  ['composite a copy', [['mode', 0, MODES.length - 1, 1, 1], ['opacity', 0, 1, 0.05, 0.8]], (i, m, opacity) => {
    const copy = px.image(source).resize(Math.max(1, source.width >> 1), Math.max(1, source.height >> 1));
    try { i.composite(copy, { x: (i.width - copy.width) >> 1, y: (i.height - copy.height) >> 1, mode: MODES[m], opacity }); } finally { copy.free(); }
  }],
  ['pad', [['border', 0, 64, 1, 16]], (i, n) => i.pad(n, n, n, n, [255, 255, 255, 255])],
  ['median', [['radius', 1, 10, 1, 2]], (i, r) => i.median(r)],
  ['erode', [['radius', 1, 30, 1, 3]], (i, r) => i.erode(r)],
  ['dilate', [['radius', 1, 30, 1, 3]], (i, r) => i.dilate(r)],
  ['sobel', [['scale', 0, 4, 0.1, 1]], (i, s) => i.sobel(s)],
  ['rotate by', [['degrees', -180, 180, 1, 30], ['expand', 0, 1, 1, 1]], (i, d, e) => i.rotateBy(d, { expand: !!e, filter: 'bicubic' })],
  ['perspective', [['tilt', 0, 0.4, 0.01, 0.2]], (i, t) => {
    const [w, h] = [i.width, i.height];
    return i.perspective([[0, 0], [w, 0], [w, h], [0, h]], [[w * t, 0], [w * (1 - t), 0], [w, h], [0, h]]);
  }],
  ['resize in linear light', [['scale', 0.1, 2, 0.05, 0.5]], (i, s) => i.resize(Math.max(1, Math.round(i.width * s)), Math.max(1, Math.round(i.height * s)), 'lanczos3', { linear: true })],
  ['blur in linear light', [['sigma', 0.1, 30, 0.1, 3]], (i, s) => i.gaussianBlur(s, { linear: true })],
];

const draw = (canvas, { data, width, height }) => {
  Object.assign(canvas, { width, height });
  canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
};
const log = (line) => ($('log').textContent = line + '\n' + $('log').textContent);

function reset() {
  img?.free();
  img = px.image(source);
  draw($('before'), source);
  draw($('after'), source);
  $('log').textContent = '';
}

/** Runs one named filter with its parameters; the demo's buttons and the tests call this. */
function apply(name, ...args) {
  const [, , run] = filters.find(([n]) => n === name);
  const t0 = performance.now();
  run(img, ...args);
  const ms = performance.now() - t0;
  draw($('after'), { data: img.view(), width: img.width, height: img.height });
  log(`${name}(${args.join(', ')}): ${ms.toFixed(2)} ms in Wasm memory, ${img.width}×${img.height}`);
  return ms;
}

for (const [name, params] of filters) {
  const button = Object.assign(document.createElement('button'), { textContent: name, id: 'f-' + name.replace(/\W/g, '') });
  const inputs = params.map(([label, min, max, step, value]) => {
    const input = Object.assign(document.createElement('input'), { type: 'range', min, max, step, value, title: label });
    const out = Object.assign(document.createElement('span'), { textContent: `${label} ${value}` });
    input.oninput = () => (out.textContent = `${label} ${input.value}`);
    return [input, out];
  });
  button.onclick = () => {
    try { apply(name, ...inputs.map(([i]) => +i.value)); } catch (e) { log(String(e)); }
  };
  const cell = document.createElement('span');
  cell.append(...inputs.flat());
  $('controls').append(button, cell, document.createElement('span'));
}

$('file').onchange = async () => {
  const bitmap = await createImageBitmap($('file').files[0]);
  const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
  c.drawImage(bitmap, 0, 0);
  source = c.getImageData(0, 0, bitmap.width, bitmap.height);
  reset();
};
$('builtin').onclick = () => { source = sample(); reset(); };
$('reset').onclick = reset;

const module = await WebAssembly.compileStreaming(fetch(new URL(simdSupported ? '../../dist/rawpx.wasm' : '../../dist/rawpx-nosimd.wasm', import.meta.url)));
/** Blurs the current result with a pool of `workers`; resolves to the milliseconds taken. */
async function pooled(sigma, workers) {
  const pool = await createPool(module, workers);
  const t0 = performance.now();
  const out = await pool.run({ data: img.view().slice(), width: img.width, height: img.height }, [['gaussianBlur', sigma]]);
  const ms = performance.now() - t0;
  pool.terminate();
  img.view().set(out.data);
  draw($('after'), out);
  log(`gaussian blur(${sigma}) on ${workers} workers: ${ms.toFixed(2)} ms, copies included`);
  return ms;
}
$('pool').onclick = () => pooled(2, +$('workers').value);

reset();
$('status').textContent = `ready: ${simdSupported ? 'SIMD128' : 'scalar fallback'} module`;
// For the browser tests: the same entry points as the buttons.
window.demo = { apply, pooled, reset, pixels: () => Array.from(img.view()), setSource: (s) => { source = s; reset(); } };
