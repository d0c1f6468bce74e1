// A pool of rawpx workers: one image split into horizontal strips, a strip
// per worker, each worker with its own instance, so no SharedArrayBuffer and
// no COOP/COEP headers. Strips overlap by the rows the chain's neighbourhood
// filters reach (its halo), and only each strip's own rows come back, so the
// result is the single-thread result, byte for byte.

// Rows a method reads above and below a pixel.
const reach = {
  gaussianBlur: (sigma) => Math.ceil(3 * sigma),
  sharpen: ({ sigma = 1 } = {}) => Math.ceil(3 * sigma),
  boxBlur: (radius) => radius,
  convolve: (kernel) => Math.sqrt(kernel.length) >> 1,
};

// A worker in a page or in Node (asked by name: some Node libraries, such as
// emscripten builds, install a global `Worker` of their own); `listen(onMessage, onCrash)`.
async function spawn(url) {
  if (!globalThis.process?.versions?.node) {
    const w = new Worker(url, { type: 'module' });
    return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => ((w.onmessage = (e) => f(e.data)), (w.onerror = crash)), end: () => w.terminate() };
  }
  const w = new (await import('node:worker_threads')).Worker(url);
  return { post: (m, t) => w.postMessage(m, t), listen: (f, crash) => w.on('message', f).on('error', crash), end: () => w.terminate() };
}

/**
 * Starts `workers` workers on `module`, a compiled WebAssembly.Module of
 * rawpx or rawpx-nosimd; it goes with each strip (cloning a Module shares
 * its compiled code) and each worker instantiates it once.
 */
export async function createPool(module, workers = globalThis.navigator?.hardwareConcurrency || 2) {
  const pending = new Map();
  let next = 0;
  const pool = await Promise.all(Array.from({ length: workers }, () => spawn(new URL('./worker.js', import.meta.url))));
  const crash = (e) => {
    for (const { reject } of pending.values()) reject(e);
    pending.clear();
  };
  for (const w of pool) {
    w.listen(({ id, data, error }) => {
      const { resolve, reject } = pending.get(id);
      pending.delete(id);
      error ? reject(Object.assign(new Error(error.message), { code: error.code })) : resolve(data);
    }, crash);
  }
  const call = (w, message, transfer) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    w.post({ id, module, ...message }, transfer);
  });

  return {
    /** Runs `chain`, a list of [method, ...args] of the image handle, on `image`; resolves to `{ data, width, height }`. */
    async run({ data, width, height }, chain) {
      const moves = chain.find(([method]) => ['resize', 'crop', 'rotate', 'flipVertical'].includes(method));
      if (moves) throw new RangeError(`rawpx pool: ${moves[0]} moves pixels between strips; run it on one image`);
      // (A bad argument's reach may be nonsense; the module refuses the call.)
      const halo = chain.reduce((sum, [method, ...args]) => sum + Math.max(0, reach[method]?.(...args) || 0), 0);
      const rows = Math.ceil(height / pool.length), line = width * 4;
      const out = new Uint8ClampedArray(height * line);
      await Promise.all(pool.map(async (w, i) => {
        const [top, bottom] = [i * rows, Math.min(height, (i + 1) * rows)];
        if (top >= bottom) return;
        const [from, to] = [Math.max(0, top - halo), Math.min(height, bottom + halo)];
        const strip = data.slice(from * line, to * line);
        const done = await call(w, { data: strip, width, height: to - from, chain }, [strip.buffer]);
        out.set(done.subarray((top - from) * line, (bottom - from) * line), top * line);
      }));
      return { data: out, width, height };
    },
    terminate() { for (const w of pool) w.end(); },
  };
}
