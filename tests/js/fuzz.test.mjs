// Fuzz over the loader: random chains of every method with random
// arguments, good and bad. Every refusal is a RawpxError, RangeError or
// TypeError, never a WebAssembly.RuntimeError (a trap), and leaves the image
// as it was. FUZZ_SECONDS (default 10) and FUZZ_SEED (default 1) set the
// run; a failure names the seed and the call. (A filter string that does
// not parse is a SyntaxError, as CSS's own.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, operations, DITHERS, FILTERS, MODES, RawpxError } from '../../js/rawpx.js';
import '../../js/css.js';
import '../../js/extras.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 10);
const seed = Number(process.env.FUZZ_SEED ?? 1);

test(`random chains through the loader for ${seconds} s never trap`, async (t) => {
  const px = await load(await readFile(new URL('../../dist/rawpx.wasm', import.meta.url)));
  let state = seed >>> 0;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const odd = [NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1.5, 2 ** 31, 2 ** 32, 2 ** 32 + 1, -(2 ** 31) - 1, 1e300, '3', null, undefined, {}, [], true];
  // A value for each kind of argument, valid or not.
  const value = () => (rand() < 0.3 ? pick(odd) : pick([int(10), int(300) - 100, rand() * 5, int(2000), pick(FILTERS)]));
  const list = (n) => Array.from({ length: n }, () => (rand() < 0.97 ? rand() * 4 - 2 : pick(odd)));
  const argsFor = (method) => {
    switch (method) {
      case 'colorMatrix': return [list(rand() < 0.9 ? 20 : int(30))];
      case 'applyLut': return [rand() < 0.5 ? Uint8Array.from({ length: 1024 }, () => int(256)) : Array.from({ length: rand() < 0.9 ? 1024 : int(2000) }, () => (rand() < 0.99 ? int(256) : pick(odd)))];
      case 'convolve': return [list(pick([1, 9, 25, 4, 3, 225, 289, 0])), value()];
      case 'sharpen': return [rand() < 0.2 ? pick(odd) : { sigma: value(), amount: value(), threshold: value() }];
      case 'resize': return [1 + int(40), 1 + int(40), rand() < 0.9 ? pick(FILTERS) : value()].map((v) => (rand() < 0.1 ? value() : v));
      case 'crop': return [int(10), int(10), int(20), int(20)].map((v) => (rand() < 0.1 ? value() : v));
      case 'rotate': return [rand() < 0.8 ? 90 * (int(9) - 4) : value()];
      case 'levels': return [int(100), 100 + int(156), int(50), 200 + int(56), rand() * 3];
      case 'filter': return [rand() < 0.8 ? pick(['sepia(0.5)', 'contrast(1.4) blur(1px)', 'hue-rotate(90deg) invert(30%)', 'none', 'opacity(.5) grayscale()', 'drop-shadow(2px -1px 1px rgba(0, 0, 0, 0.5))']) : pick(['blur(x)', 'sepia(', 'glow(1)', 'hue-rotate(3)', '', 'drop-shadow(1px red)', 'drop-shadow(1px 1px hsl(0 0 0))', 7])];
      case 'composite': return [rand() < 0.8 ? other : value(), rand() < 0.1 ? value() : { x: int(60) - 30, y: int(40) - 20, mode: rand() < 0.9 ? pick(MODES) : value(), opacity: rand() < 0.9 ? rand() : value() }];
      case 'hsl': return [rand() < 0.2 ? value() : { hue: rand() * 800 - 400, saturation: rand() < 0.9 ? rand() * 3 : value(), lightness: rand() * 2.4 - 1.2 }];
      case 'shuffle': return [rand() < 0.8 ? Array.from({ length: 4 }, () => pick([...'rgba01'])).join('') : pick(['rgb', 'rgbx', 'RGBA', 7, null])];
      case 'noise': return [rand() * 300 - 20, rand() < 0.8 ? { seed: int(2 ** 32), mono: rand() < 0.5 } : { seed: value(), mono: value() }];
      case 'dither': return [int(300), rand() < 0.9 ? pick(DITHERS) : value()];
      case 'curves': return [rand() < 0.7 ? [[0, int(256)], [100 + int(50), int(256)], [255, int(256)]] : pick([[[5, 0], [3, 1]], [[0, 0]], { r: [[0, 0], [255, 255]] }, 'x'])];
      case 'tint': case 'duotone': return [[int(300), int(256), int(256)], rand() < 0.5 ? [int(256), int(256), int(256)] : rand()];
      case 'pad': return [int(5), int(5), int(5), int(5), rand() < 0.8 ? [int(256), int(256), int(256), int(256)] : value()];
      case 'fill': return [int(300), int(256), int(256), rand() < 0.5 ? undefined : int(256)];
      case 'warp': return [rand() < 0.9 ? [1 + rand(), rand() - 0.5, int(5), rand() - 0.5, 1, int(5), rand() * 0.01, 0, 1] : list(int(12)), { width: int(40), height: int(30), filter: pick(['nearest', 'bilinear', 'bicubic', 'box']), background: [int(256), int(256), int(256), int(256)] }];
      case 'rotateBy': return [rand() < 0.9 ? rand() * 720 - 360 : value(), { expand: rand() < 0.5, filter: pick(['nearest', 'bilinear', 'bicubic']) }];
      case 'affine': return [{ scale: rand() * 2, rotate: rand() * 90, translate: [int(9), int(9)], skew: [int(40), 0] }, { width: int(30), height: int(30) }];
      case 'perspective': return [[[0, 0], [9, 0], [9, 9], [0, 9]], [[int(4), int(4)], [10 + int(4), int(4)], [10 + int(4), 10 + int(4)], [int(4), 10 + int(4)]], { filter: 'bicubic' }];
      default: return Array.from({ length: int(3) }, value);
    }
  };
  // A second image, for composite.
  let other;
  const methods = Object.keys(operations);
  const counts = { ok: 0, RawpxError: 0, RangeError: 0, TypeError: 0, SyntaxError: 0 };
  const start = Date.now();
  let calls = 0;
  while (Date.now() - start < seconds * 1000) {
    const w = 1 + int(48), h = 1 + int(32);
    const img = px.image({ width: w, height: h, data: Uint8ClampedArray.from({ length: w * h * 4 }, () => int(256)) });
    other = px.image({ width: 5, height: 3, data: Uint8ClampedArray.from({ length: 60 }, () => int(256)) });
    for (let k = int(8); k >= 0; k--) {
      const method = pick(methods), args = argsFor(method);
      const before = { data: img.view().slice(), width: img.width, height: img.height };
      const call = `FUZZ_SEED=${seed}: ${method}(${args.map((a) => (Array.isArray(a) || ArrayBuffer.isView(a) ? `[${a.length} items]` : JSON.stringify(a))).join(', ')}) on ${before.width}×${before.height}`;
      calls++;
      try {
        img[method](...args);
        counts.ok++;
      } catch (e) {
        const syntax = e instanceof SyntaxError && method === 'filter';
        if (!(e instanceof RawpxError || e instanceof RangeError || e instanceof TypeError || syntax)) assert.fail(`${call} threw ${e}`);
        counts[e.name]++;
        const after = { data: img.view().slice(), width: img.width, height: img.height };
        assert.deepEqual(after, before, `${call} was refused (${e.message}) but changed the image`);
      }
    }
    img.free();
    other.free();
  }
  t.diagnostic(`${calls} calls: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}; traps 0`);
  console.log(`loader fuzz: ${calls} calls in ${seconds} s (seed ${seed}): ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}; traps 0`);
  assert.ok(counts.ok > 0 && counts.RawpxError > 0 && counts.RangeError > 0 && counts.TypeError > 0, 'every outcome was seen');
});
