// A pool of rawpx workers: one image split into horizontal strips, a strip
// per worker, each worker with its own instance, so no SharedArrayBuffer and
// no COOP/COEP headers. Strips overlap by the rows the chain's neighbourhood
// filters reach (its halo), and only each strip's own rows come back, so the
// result is the single-thread result, byte for byte. What each method
// reaches comes from the loader's table of operations; a method that needs
// the whole image (autoLevels, equalize) is computed over the whole image:
// the strips' histograms are summed into one table, which every strip then
// applies. Methods that depend on a pixel's place in the whole image or on
// the rows before it (noise, dither, pixelate) or that draw a second image
// (composite, pad) are refused, before any work. Geometry (crop, rotate,
// the flips, resize) ends a stage: each worker makes a strip of its output
// from the rows, or for a quarter turn the columns, it comes from; for
// resize, the rows its strip's windows read, through resizeBand.

import { RawpxError, checkArgs, operations, quarterTurns } from './rawpx.js';
// The pool splits rawpx/extras' methods too (equalize, orient, curves…).
import './extras.js';

// A worker, from `make()` or else rawpx's own worker.js, in a page or in
// Node (asked by name: some Node libraries, such as emscripten builds,
// install a global `Worker` of their own); `listen(onMessage, onCrash)`.
// In a page the worker is made in the literal form bundlers recognise and
// bundle as a worker with its imports (Vite: tests/browser/vite.test.mjs;
// webpack 5 documents the same form, not tested here).
async function spawn(make) {
  const node = globalThis.process?.versions?.node;
  const w = make
    ? await make()
    : node
      ? new (await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:worker_threads')).Worker(new URL('./worker.js', import.meta.url))
      : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  if (typeof w.on === 'function') {
    return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => w.on('message', f).on('error', crash), end: () => w.terminate() };
  }
  return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => ((w.onmessage = (e) => f(e.data)), (w.onerror = crash)), end: () => w.terminate() };
}

// Columns [from, to) of every row of the w×h image `data`, into `band`.
function columns(data, w, h, from, to, band) {
  for (let y = 0; y < h; y++) band.set(data.subarray((y * w + from) * 4, (y * w + to) * 4), y * (to - from) * 4);
}

// An error sent by a worker, as the class it was thrown as.
const revive = ({ name, message, code, fn, arg }) =>
  name === 'RawpxError' ? new RawpxError(fn, code, arg)
  : name === 'TypeError' || name === 'RangeError' ? new globalThis[name](message)
  : Object.assign(new Error(message), { name });

/**
 * The chain as stages, each run on strips: `steps` (methods and their
 * arguments), `halo` (the rows and columns they reach), and after them
 * either `end`, a geometry method, or `whole`, a method needing the whole
 * image's histogram. Refuses, before any work, a method the pool can't
 * split, and bad arguments, as the loader would.
 */
function plan(chain) {
  const stages = [{ steps: [], halo: 0 }];
  const known = ([method]) => operations[method] ?? (() => { throw new TypeError(`rawpx pool: no method ${method}`); })();
  // Methods made of others (orient) as those others.
  const flat = chain.flatMap(([method, ...args]) => (known([method]).steps ? (checkArgs(method, args), operations[method].steps(...args)) : [[method, ...args]]));
  for (const [method, ...args] of flat) {
    const op = known([method]);
    if (op.alone) throw new RangeError(`rawpx pool: ${method} ${op.alone}; run it on one image`);
    if (op.reach === undefined && !op.whole && !op.geometry) throw new TypeError(`rawpx pool: ${method} returns no pixels to run on strips`);
    if (op.fn || op.args) checkArgs(method, args);
    const stage = stages.at(-1);
    if (op.whole || op.geometry) {
      stage[op.whole ? 'whole' : 'end'] = [method, ...args];
      stages.push({ steps: [], halo: 0 });
    } else {
      stage.steps.push([method, ...args]);
      stage.halo += typeof op.reach === 'function' ? op.reach(...args) : op.reach;
    }
  }
  // A chain ending in geometry leaves an empty stage, which would only pass
  // the image through the workers; after autoLevels or equalize the last
  // stage applies their table, empty or not.
  if (stages.length > 1 && !stages.at(-1).steps.length && !stages.at(-2).whole) stages.pop();
  return stages;
}

// Pillow's supports (src/resample/taps.rs).
const SUPPORT = { box: 0.5, bilinear: 1, bicubic: 2, lanczos3: 3 };

/**
 * The source rows [start, end) that output rows [y0, y1) of a resize from
 * h rows to H read: Pillow's windows, computed as the module computes them
 * (it refuses a band that misses one), or nearest's picks.
 */
function reads(h, H, filter, y0, y1) {
  if (h === H) return [y0, y1];
  if (filter === 'nearest') {
    // ⌊(2y + 1)·h / 2H⌋ in integers (the products stay below 2^53).
    const pick = (y) => { const a = (2 * y + 1) * h, q = Math.floor(a / (2 * H)); return q * 2 * H > a ? q - 1 : q; };
    return [pick(y0), pick(y1 - 1) + 1];
  }
  const scale = h / H, support = SUPPORT[filter] * Math.max(scale, 1);
  const center = (y) => (y + 0.5) * scale;
  return [Math.max(0, Math.trunc(center(y0) - support + 0.5)), Math.min(h, Math.trunc(center(y1 - 1) + support + 0.5))];
}

/**
 * How a stage ending in `end` makes output rows [y0, y1) of a w×h image:
 * the size of its output, and for a strip, the band of source rows
 * (`rows`) or, for a quarter turn, of source columns it comes from, and the
 * methods that turn that band, cut to it, into the strip.
 */
function geometry(end, w, h) {
  const [method, ...args] = end ?? [];
  const t = method === 'rotate' ? quarterTurns(args[0]) : 0;
  if (method === 'resize' || method === 'resizeLinear') {
    const [width, height, filter = 'lanczos3', options] = args;
    const band = method === 'resizeLinear' || options?.linear ? 'resizeLinearBand' : 'resizeBand';
    return {
      size: [width, height],
      band: (y0, y1) => {
        const rows = reads(h, height, filter, y0, y1);
        return { rows, cut: [0, w], then: [[band, width, height, filter, rows[0], h, y0, y1 - y0]] };
      },
    };
  }
  if (method === 'crop') {
    const [left, top, cw, ch] = args;
    if (left + cw > w || top + ch > h) throw new RawpxError('crop', -1, operations.crop.refused(w, h, ...args));
    return { size: [cw, ch], band: (y0, y1) => ({ rows: [top + y0, top + y1], cut: [left, cw], then: [] }) };
  }
  if (t % 2) {
    // Output row y is source column y (90°) or w - 1 - y (270°).
    const band = t === 1 ? (y0, y1) => [y0, y1] : (y0, y1) => [w - y1, w - y0];
    return { size: [h, w], band: (y0, y1) => ({ columns: band(y0, y1), then: [['rotate', 90 * t]] }) };
  }
  const flipped = method === 'flipVertical' || t === 2;
  return {
    size: [w, h],
    band: (y0, y1) => ({ rows: flipped ? [h - y1, h - y0] : [y0, y1], cut: [0, w], then: end ? [end] : [] }),
  };
}

/**
 * Starts workers on `module`, a compiled WebAssembly.Module of rawpx or
 * rawpx-nosimd; it goes with each strip (cloning a Module shares its
 * compiled code) and each worker instantiates it once. `options`: how many
 * workers (default: one per core), or `{ workers, worker }`, where
 * `worker()` makes one worker running rawpx/worker (a bundler finds the
 * worker in the app's own `new Worker(new URL(...), { type: 'module' })`).
 */
export async function createPool(module, options = {}) {
  const { workers = globalThis.navigator?.hardwareConcurrency || 2, worker } = typeof options === 'number' ? { workers: options } : options;
  const pending = new Map();
  let next = 0;
  // Buffers the strips came back in, sent out again with the next strips:
  // a fresh buffer of a 4K strip costs its page faults on every run (seen
  // taking 3 to 120 ms here), a used one nothing. At most one per worker.
  const spare = [];
  const take = (len) => {
    const i = spare.findIndex((b) => b.byteLength >= len);
    return i < 0 ? new Uint8ClampedArray(len) : new Uint8ClampedArray(spare.splice(i, 1)[0], 0, len);
  };
  // Why the pool can no longer run: a worker crashed, or it was terminated.
  let broken = null;
  const pool = await Promise.all(Array.from({ length: workers }, () => spawn(worker)));
  const crash = (e) => {
    broken ??= new Error(`rawpx pool: a worker failed (${e?.message || 'it could not start its script'})`, { cause: e });
    for (const { reject } of pending.values()) reject(broken);
    pending.clear();
  };
  for (const w of pool) {
    w.listen(({ id, error, ...done }) => {
      const { resolve, reject } = pending.get(id);
      pending.delete(id);
      error ? reject(revive(error)) : resolve(done);
    }, crash);
  }
  const call = (w, message, transfer) => new Promise((resolve, reject) => {
    if (broken) return reject(broken);
    const id = next++;
    pending.set(id, { resolve, reject });
    w.post({ id, module, ...message }, transfer);
  });

  // Runs a stage over strips of `data` (w×h): `steps`, with `halo` rows
  // and columns around each strip, then its `end`; each worker also counts
  // its strip when `count`, and `progress()` follows each strip. The
  // output pixels and size, and the summed histogram.
  async function strips(data, w, h, { steps, halo, end, whole }, progress) {
    const { size: [W, H], band } = geometry(end, w, h);
    const rows = Math.ceil(H / pool.length);
    const out = new Uint8ClampedArray(W * H * 4), histogram = new Uint32Array(1024);
    await Promise.all(pool.map(async (worker, i) => {
      const [y0, y1] = [i * rows, Math.min(H, (i + 1) * rows)];
      if (y0 >= y1) return;
      const { rows: r, columns: c, cut, then } = band(y0, y1);
      // The band with its halo, clamped to the image, and where the strip's
      // own part lies in it.
      const [a, b] = r ?? c, n = r ? h : w;
      const [from, to] = [Math.max(0, a - halo), Math.min(n, b + halo)];
      const strip = take((to - from) * (r ? w : h) * 4);
      if (r) strip.set(data.subarray(from * w * 4, to * w * 4));
      else columns(data, w, h, from, to, strip);
      const [sw, sh] = r ? [w, to - from] : [to - from, h];
      const own = r ? ['crop', cut[0], a - from, cut[1], b - a] : ['crop', a - from, 0, b - a, h];
      const chain = [...steps, ...(sw === own[3] && sh === own[4] ? [] : [own]), ...then];
      const done = await call(worker, { data: strip, width: sw, height: sh, chain, count: !!whole }, [strip.buffer]);
      out.set(done.data, y0 * W * 4);
      if (spare.length < pool.length) spare.push(done.data.buffer);
      done.histogram?.forEach((k, v) => (histogram[v] += k));
      progress();
    }));
    return { out, width: W, height: H, histogram };
  }

  return {
    /**
     * Runs `chain`, a list of [method, ...args] of the image handle, on
     * `image`; resolves to `{ data, width, height }`. `signal` (an
     * AbortSignal) rejects the run with its reason, at once; `onProgress(done,
     * total)` is called as each strip comes back.
     */
    async run({ data, width, height }, chain, { signal, onProgress } = {}) {
      if (broken) throw broken;
      signal?.throwIfAborted();
      const stages = plan(chain);
      // Each stage's size, which also checks every crop before any work.
      let total = 0, done = 0, [w, h] = [width, height];
      for (const stage of stages) {
        const { size } = geometry(stage.end, w, h);
        total += Math.ceil(size[1] / Math.ceil(size[1] / pool.length));
        [w, h] = size;
      }
      const progress = () => { if (!signal?.aborted) onProgress?.(++done, total); };
      const aborted = new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      aborted.catch(() => {});
      let before = [];
      for (const stage of stages) {
        const result = await Promise.race([strips(data, width, height, { ...stage, steps: before.concat(stage.steps) }, progress), aborted]);
        ({ out: data, width, height } = result);
        // autoLevels, equalize: one table from the whole image, applied by the next stage.
        const [method, ...args] = stage.whole ?? [];
        before = method ? [['applyLut', operations[method].whole(result.histogram, width * height, ...args)]] : [];
      }
      return { data, width, height };
    },
    terminate() {
      broken ??= new Error('rawpx pool: terminated');
      spare.length = 0;
      for (const w of pool) w.end();
    },
  };
}
