// A pool of rawpx workers: one image split into horizontal strips, a strip
// per worker, each worker with its own instance, so no SharedArrayBuffer and
// no COOP/COEP headers. Strips overlap by the rows the chain's neighbourhood
// filters reach (its halo), and only each strip's own rows come back, so the
// result is the single-thread result, byte for byte. What each method
// reaches comes from the loader's table of operations; a method that needs
// the whole image (autoLevels) is computed over the whole image: the strips'
// histograms are summed into one table, which every strip then applies.

import { RawpxError, autoLevelsTable, checkArgs, operations } from './rawpx.js';

const WORKER = new URL('./worker.js', import.meta.url);

// A worker, from `make()` or else rawpx's own worker.js, in a page or in
// Node (asked by name: some Node libraries, such as emscripten builds,
// install a global `Worker` of their own); `listen(onMessage, onCrash)`.
async function spawn(make) {
  const node = globalThis.process?.versions?.node;
  const w = make ? await make() : node ? new (await import('node:worker_threads')).Worker(WORKER) : new Worker(WORKER, { type: 'module' });
  if (typeof w.on === 'function') {
    return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => w.on('message', f).on('error', crash), end: () => w.terminate() };
  }
  return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => ((w.onmessage = (e) => f(e.data)), (w.onerror = crash)), end: () => w.terminate() };
}

// An error sent by a worker, as the class it was thrown as.
const revive = ({ name, message, code, fn, arg }) =>
  name === 'RawpxError' ? new RawpxError(fn, code, arg)
  : name === 'TypeError' || name === 'RangeError' ? new globalThis[name](message)
  : Object.assign(new Error(message), { name });

/**
 * The chain as stages, each run on strips: `steps` (methods and their
 * arguments), `halo` (the rows they reach) and `whole`, a method needing the
 * whole image's histogram after them. Refuses, before any work, a method the
 * pool can't split, and bad arguments, as the loader would.
 */
function plan(chain) {
  const stages = [{ steps: [], halo: 0 }];
  for (const [method, ...args] of chain) {
    const op = operations[method];
    if (op?.moves) throw new RangeError(`rawpx pool: ${method} moves pixels between strips; run it on one image`);
    if (!op) throw new TypeError(`rawpx pool: no method ${method}`);
    if (op.reach === undefined && !op.whole) throw new TypeError(`rawpx pool: ${method} returns no pixels to run on strips`);
    if (op.fn) checkArgs(method, args);
    const stage = stages.at(-1);
    if (op.whole) {
      stage.whole = [method, ...args];
      stages.push({ steps: [], halo: 0 });
    } else {
      stage.steps.push([method, ...args]);
      stage.halo += typeof op.reach === 'function' ? op.reach(...args) : op.reach;
    }
  }
  return stages;
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

  // Runs `steps` over strips of `data`; each worker also counts its own
  // rows when `count`; `progress()` after each strip. The pixels, and the
  // summed histogram.
  async function strips(data, width, height, steps, halo, count, progress) {
    const rows = Math.ceil(height / pool.length), line = width * 4;
    const out = new Uint8ClampedArray(height * line), histogram = new Uint32Array(1024);
    await Promise.all(pool.map(async (w, i) => {
      const [top, bottom] = [i * rows, Math.min(height, (i + 1) * rows)];
      if (top >= bottom) return;
      const [from, to] = [Math.max(0, top - halo), Math.min(height, bottom + halo)];
      const strip = data.slice(from * line, to * line);
      const done = await call(w, { data: strip, width, height: to - from, chain: steps, own: [top - from, bottom - top], count }, [strip.buffer]);
      out.set(done.data, top * line);
      done.histogram?.forEach((n, k) => (histogram[k] += n));
      progress();
    }));
    return { out, histogram };
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
      const total = stages.length * Math.ceil(height / Math.ceil(height / pool.length));
      let done = 0;
      const progress = () => { if (!signal?.aborted) onProgress?.(++done, total); };
      const aborted = new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      aborted.catch(() => {});
      let before = [];
      for (const { steps, halo, whole } of stages) {
        const result = await Promise.race([strips(data, width, height, before.concat(steps), halo, !!whole, progress), aborted]);
        data = result.out;
        // autoLevels: one table from the whole image, applied by the next stage.
        before = whole ? [['applyLut', autoLevelsTable(result.histogram, width * height, ...whole.slice(1))]] : [];
      }
      return { data, width, height };
    },
    terminate() {
      broken ??= new Error('rawpx pool: terminated');
      for (const w of pool) w.end();
    },
  };
}
