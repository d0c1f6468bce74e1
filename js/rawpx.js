// rawpx loader: instantiate the module, copy an image into its memory once,
// chain filters there, copy the result out once. No dependencies.
//
// One table, `operations`, declares every method: the export it calls, its
// arguments with their kinds and ranges, and how the worker pool treats it.
// The methods, their argument checks and error messages, and the pool's
// strips all come from it.

/** The module's status codes (src/status.rs) and what they mean. */
export const STATUS = { [-1]: 'invalid argument', [-2]: 'out of bounds', [-3]: 'out of memory', [-4]: 'overlap' };

/** A refused call: the status code, the function and the argument at fault. */
export class RawpxError extends Error {
  constructor(fn, code, arg) {
    super(`rawpx.${fn}: ${STATUS[code] || 'status ' + code}${arg ? ' (' + arg + ')' : ''}`);
    this.name = 'RawpxError';
    Object.assign(this, { code, fn, arg });
  }
}

// Argument kinds. `check(v)` refuses what the Wasm call would silently
// coerce: [TypeError or RangeError, what v must be]. `ok(v)` is the module's
// own range; outside it the call is refused as the module would, with a
// RawpxError naming the argument. `put(v, copy)` turns v into the export's
// arguments, copying blocks into memory with `copy(bytes)`.
const isNumber = (v) => typeof v === 'number';
const isList = (v) => v != null && typeof v === 'object' && typeof v.length === 'number';
const must = (ok, Error, what) => (ok ? undefined : [Error, what]);
const scalar = (ok, range, check, bounds) => ({ check: (v) => must(isNumber(v), TypeError, 'a number') || check?.(v), ok, range, put: (v) => [v], ...bounds });
const integer = (lo, hi) => scalar((v) => v >= lo && v <= hi, `${lo} to ${hi}`, (v) => must(Number.isInteger(v), RangeError, 'an integer'), { lo, hi, integer: true });
const number = (lo, hi, above = false) => scalar((v) => (above ? v > lo : v >= lo) && v <= hi, `${above ? 'above ' : ''}${lo} to ${hi}`, undefined, { lo, hi, above });
const finite = scalar(Number.isFinite, 'finite');
const allFinite = (v) => Array.from(v).every(Number.isFinite);
const f32Bytes = (v) => new Uint8Array(Float32Array.from(v).buffer);
// `n` numbers as little-endian f32, each finite.
const floats = (n) => ({
  check: (v) => must(isList(v), TypeError, 'a list of numbers') || must(v.length === n, RangeError, `${n} numbers`),
  ok: allFinite, range: 'finite numbers',
  put: (v, copy) => [copy(f32Bytes(v))],
});
// 1 to 8 of them, as one block of f32 and their number.
const matrices = {
  check: (v) => must(isList(v) && v.length > 0 && v.length <= 8 && Array.from(v).every((m) => isList(m) && m.length === 20), TypeError, '1 to 8 lists of 20 numbers'),
  ok: (v) => Array.from(v).every(allFinite), range: 'finite numbers',
  put: (v, copy) => [copy(f32Bytes(Array.from(v).flatMap((m) => Array.from(m)))), v.length],
};
// A square kernel, row-major, of odd side up to 15, as f32 and its side.
const side = (v) => Math.sqrt(v.length);
const kernel = {
  check: (v) => must(isList(v), TypeError, 'a list of numbers') || must(Number.isInteger(side(v)) && v.length > 0, RangeError, 'a square of numbers'),
  ok: (v) => side(v) % 2 === 1 && side(v) <= 15 && allFinite(v), range: 'odd side 1 to 15, finite numbers',
  show: (v) => `size ${side(v)}`,
  put: (v, copy) => [copy(f32Bytes(v)), side(v)],
};
const bytes = (n) => ({
  check: (v) => must(isList(v), TypeError, 'a list of bytes') || must(v.length === n, RangeError, `${n} bytes`)
    || must(v instanceof Uint8Array || v instanceof Uint8ClampedArray || Array.from(v).every((b) => Number.isInteger(b) && b >= 0 && b <= 255), RangeError, 'bytes 0 to 255'),
  ok: () => true,
  put: (v, copy) => [copy(Uint8Array.from(v))],
});
const oneOf = (names) => ({ check: (v) => must(names.includes(v), TypeError, names.join(', ')), ok: () => true, put: (v) => [names.indexOf(v)] });
/** Clockwise quarter turns in [0, 3] for a multiple of 90 degrees, negative ones too (shared with the pool). */
export const quarterTurns = (degrees) => (((degrees / 90) % 4) + 4) % 4;
const quarterTurn = scalar(() => true, '', (v) => must(v % 90 === 0, RangeError, 'a multiple of 90'));

export const FILTERS = ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'];
/** composite's modes: the canvas globalCompositeOperation names, in the module's order. */
export const MODES = [
  'source-over', 'multiply', 'screen', 'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn', 'hard-light', 'soft-light',
  'difference', 'exclusion', 'hue', 'saturation', 'color', 'luminosity', 'source-in', 'source-out', 'source-atop',
  'destination-over', 'destination-in', 'destination-out', 'destination-atop', 'xor', 'lighter', 'copy',
];
export const DITHERS = ['ordered', 'floyd-steinberg'];
/** tripleBoxBlur's edges: copies of the edge pixels, or transparent black (as CSS and SVG filters). */
export const EDGES = ['clamp', 'transparent'];
/** warp's filters, and their codes in the module. */
export const WARP_FILTERS = { nearest: 0, bilinear: 2, bicubic: 3 };
const SIDE = integer(1, 2 ** 32 - 1);
const OFFSET = integer(0, 2 ** 32 - 1);
const BYTE = integer(0, 255);
// Four bytes [r, g, b, a] as the u32 the module reads them from (R lowest).
const rgbaWord = ([r, g, b, a]) => (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
const bool = { check: (v) => must(typeof v === 'boolean', TypeError, 'true or false'), ok: () => true, put: (v) => [+v] };
// Another image of the same instance (each load() has its own Image class).
const otherImage = {
  check: (v) => must(typeof v?.at === 'function' && Number.isInteger(v.width), TypeError, 'a rawpx image'),
  ok: () => true, show: (v) => `${v.width}×${v.height} image`,
  put: (v, copy, self) => {
    if (Object.getPrototypeOf(v) !== Object.getPrototypeOf(self)) throw new TypeError('rawpx.composite: source is an image of another rawpx instance');
    return [v.at('composite'), v.width, v.height];
  },
};
/** The argument kinds, for modules that add methods to the table (rawpx/extras). */
export const kinds = { must, isList, isNumber, integer, number, finite, bool, oneOf, bytes, OFFSET, BYTE };
// shuffle's order: four of r, g, b, a (the input's channels), 0 and 1
// (the values 0 and 255), for output R, G, B, A: 'bgra' swaps red and blue.
const CHANNELS = 'rgba01';
const channels = {
  check: (v) => must(typeof v === 'string' && v.length === 4 && [...v].every((c) => CHANNELS.includes(c)), TypeError, `four of ${CHANNELS}`),
  ok: () => true,
  put: (v) => [[...v].reduce((order, c, i) => order + CHANNELS.indexOf(c) * 256 ** i, 0)],
};

// CSS Filter Effects 1: sepia(), saturate() and hue-rotate() are each
// base + (identity - base)·t (+ sin·rot for the hue), on R, G, B; as
// color_matrix's 4×5 with alpha kept.
const LUMA = [0.213, 0.715, 0.072, 0.213, 0.715, 0.072, 0.213, 0.715, 0.072];
const SEPIA = [0.393, 0.769, 0.189, 0.349, 0.686, 0.168, 0.272, 0.534, 0.131];
const HUE = [-0.213, -0.715, 0.928, 0.143, 0.14, -0.283, -0.787, 0.715, 0.072];
const mix = (base, t, sin = 0) =>
  [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => base[3 * i + j] + ((i === j) - base[3 * i + j]) * t + sin * HUE[3 * i + j]).concat(0, 0)).concat(0, 0, 0, 1, 0);
/** CSS Filter Effects 1's colour matrices, as color_matrix takes them (shared with rawpx/css). */
export const CSS_MATRIX = {
  sepia: (a = 1) => mix(SEPIA, 1 - Math.min(1, a)),
  saturate: (a = 1) => mix(LUMA, a),
  hueRotate: (radians = 0) => mix(LUMA, Math.cos(radians), Math.sin(radians)),
  // Rec. 709, unlike rawpx's own grayscale.
  grayscale: (a = 1) => mix([0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722], 1 - Math.min(1, a)),
};
/** A 1024-byte lookup table from f(channel, value) for R, G, B and `alpha(value)` for A (shared with rawpx/extras). */
export const table = (f, alpha = (v) => v) => Uint8Array.from({ length: 1024 }, (_, i) => Math.round(Math.min(255, Math.max(0, i < 768 ? f(i >> 8, i & 255) : alpha(i & 255)))));
// Levels: [lo, hi] to [outLo, outHi] through a gamma, per channel.
const levels = (lo, hi, outLo = 0, outHi = 255, gamma = 1) => (ch, v) => {
  const [l, h] = [lo, hi].map((x) => (typeof x === 'number' ? x : x[ch]));
  return outLo + (outHi - outLo) * Math.min(1, Math.max(0, (v - l) / Math.max(1, h - l))) ** (1 / gamma);
};

/**
 * The table that stretches R, G, B each to the full range, from the
 * histogram of the whole image of `pixels` pixels, ignoring the `clip`
 * fraction at either end. (The pool sums its strips' histograms into one.)
 */
export function autoLevelsTable(histogram, pixels, clip = 0) {
  const skip = clip * pixels;
  const end = (ch, from, step) => { let v = from, n = 0; while (v + step >= 0 && v + step <= 255 && (n += histogram[256 * ch + v]) <= skip) v += step; return v; };
  return table(levels([0, 1, 2].map((ch) => end(ch, 0, 1)), [0, 1, 2].map((ch) => end(ch, 255, -1))));
}

// What resize and resize_linear, gaussian_blur and gaussian_blur_linear
// share: their arguments and how they split.
const RESIZE = {
  geometry: true, args: [['width', SIDE], ['height', SIDE], ['filter', oneOf(FILTERS), 'lanczos3']],
  into: (w, h, width, height, filter) => [width, height, (dst) => [dst, width, height, FILTERS.indexOf(filter)]],
};
// Their bands: this image is rows `top..` of a source `sourceHeight` rows
// tall; it becomes rows [first, first + rows) of that source's
// width×height resize, byte for byte (the pool's strips of a resize).
const BAND = {
  alone: 'is a strip itself',
  args: [['width', SIDE], ['height', SIDE], ['filter', oneOf(FILTERS)], ['top', OFFSET], ['sourceHeight', SIDE], ['first', OFFSET], ['rows', SIDE]],
  into: (w, h, width, height, filter, top, sourceHeight, first, rows) => [width, rows, (dst) => [dst, width, rows, FILTERS.indexOf(filter), top, first, sourceHeight, height]],
  refused: (w, h, width, height, filter, top, sourceHeight, first, rows) =>
    `rows ${first}+${rows} of ${height} need source rows outside ${top}+${h} of ${sourceHeight}`,
};
const GAUSSIAN = { args: [['sigma', number(0, 100, true)]], reach: (sigma) => Math.ceil(3 * sigma) };

/**
 * Every method of an image. `fn`: the export it calls, with (ptr, w, h)
 * and then each argument's `put`; `args`: [name, kind, default]; `options`:
 * the arguments come as one object. `into(w, h, ...args)`: a geometry
 * method writing a new image, as [its width, its height, the export's
 * arguments after (src, w, h) given the new block and the arguments'
 * `put`s]. `linear`: the method its `{ linear: true }` option (after its
 * arguments) runs instead. Others are built on
 * methods: `uses` names the export they need, `method` is the body. The pool:
 * `reach(...args)`, rows read above and below a pixel (0 for point ops);
 * `whole(histogram, pixels, ...args)`, the table of a method needing the
 * whole image's histogram (the pool sums its strips'); `geometry`, makes
 * a new image (the pool maps each output strip to the rows or columns it
 * comes from: for resize, the rows its windows read); `steps(...args)`, the methods it is made of;
 * `alone`, why the pool can't split it (refused). `options: k`: the
 * arguments from the k-th on come as one object. `pack(...args)`: the
 * export's arguments, where they are not one per argument. `lut`: maps each
 * channel's value alone, at about that many times the cost of one SIMD128
 * pass over the image (bench: invert and brightness 1, contrast 3, the
 * scalar apply_lut 7); a run of them costing more than apply_lut is fused
 * into one apply_lut pass.
 */
export const operations = {
  grayscale: { fn: 'grayscale', reach: 0 },
  invert: { fn: 'invert', reach: 0, lut: 1 },
  brightness: { fn: 'brightness', args: [['delta', integer(-255, 255)]], reach: 0, lut: 1 },
  contrast: { fn: 'contrast', args: [['factor', number(0, 100)]], reach: 0, lut: 3 },
  colorMatrix: { fn: 'color_matrix', args: [['matrix', floats(20)]], reach: 0 },
  /** Matrices applied in turn, each result clamped, not rounded, the last rounded: as browsers chain CSS colour filters. */
  colorMatrices: { fn: 'color_matrices', args: [['matrices', matrices]], reach: 0 },
  applyLut: { fn: 'apply_lut', args: [['lut', bytes(1024)]], reach: 0, lut: 7 },
  premultiply: { fn: 'premultiply', reach: 0 },
  unpremultiply: { fn: 'unpremultiply', reach: 0 },
  histogram: { fn: 'histogram' },
  gaussianBlur: { fn: 'gaussian_blur', linear: 'gaussianBlurLinear', ...GAUSSIAN },
  /** The blur in linear light (the sRGB curve undone first, redone after). */
  gaussianBlurLinear: { fn: 'gaussian_blur_linear', ...GAUSSIAN },
  boxBlur: { fn: 'box_blur', args: [['radius', integer(1, 1000)]], reach: (radius) => radius },
  /** Filter Effects' three boxes for a Gaussian of σ, as browsers blur: 1.5 box widths each side, d ≈ 1.88σ. */
  tripleBoxBlur: { fn: 'triple_box_blur', args: [['sigma', number(0, 135, true)], ['edges', oneOf(EDGES), 'clamp']], reach: (sigma) => Math.ceil(2.82 * sigma + 1) },
  sharpen: {
    fn: 'sharpen', options: 0,
    args: [['sigma', number(0, 100, true), 1], ['amount', number(0, 100), 1], ['threshold', integer(0, 255), 0]],
    reach: ({ sigma = 1 } = {}) => Math.ceil(3 * sigma),
  },
  convolve: { fn: 'convolve', args: [['kernel', kernel], ['bias', finite, 0]], reach: (k) => side(k) >> 1 },
  resize: { fn: 'resize', linear: 'resizeLinear', ...RESIZE },
  /** resize in linear light. */
  resizeLinear: { fn: 'resize_linear', ...RESIZE },
  resizeBand: { fn: 'resize_band', ...BAND },
  resizeLinearBand: { fn: 'resize_linear_band', ...BAND },
  crop: {
    fn: 'crop', geometry: true, args: [['left', OFFSET], ['top', OFFSET], ['width', SIDE], ['height', SIDE]],
    into: (w, h, left, top, width, height) => [width, height, (dst) => [left, top, width, height, dst]],
    refused: (w, h, left, top, width, height) => `${width}×${height} at (${left}, ${top}) is not inside the ${w}×${h} image`,
  },
  rotate: {
    fn: 'rotate', geometry: true, args: [['degrees', quarterTurn]],
    into: (w, h, degrees) => { const turns = quarterTurns(degrees); return [turns % 2 ? h : w, turns % 2 ? w : h, (dst) => [dst, turns]]; },
  },
  flipHorizontal: { fn: 'flip_horizontal', geometry: true },
  flipVertical: { fn: 'flip_vertical', geometry: true },
  // Conveniences on the primitives.
  sepia: { uses: 'color_matrix', reach: 0, method(amount = 1) { return this.colorMatrix(CSS_MATRIX.sepia(amount)); } },
  saturate: { uses: 'color_matrix', reach: 0, method(amount) { return this.colorMatrix(CSS_MATRIX.saturate(amount)); } },
  hueRotate: { uses: 'color_matrix', reach: 0, method(degrees) { return this.colorMatrix(CSS_MATRIX.hueRotate((degrees * Math.PI) / 180)); } },
  /** c = 255·(c/255)^(1/g): g > 1 brightens the mid-tones. */
  gamma: { uses: 'apply_lut', reach: 0, method(g) { return this.applyLut(table((_, v) => 255 * (v / 255) ** (1 / g))); } },
  levels: { uses: 'apply_lut', reach: 0, method(...args) { return this.applyLut(table(levels(...args))); } },
  autoLevels: {
    uses: 'apply_lut', whole: autoLevelsTable, args: [['clip', number(0, 0.5), 0]],
    method(clip = 0) { return this.applyLut(autoLevelsTable(this.histogram(), this.width * this.height, clip)); },
  },
  /**
   * A projective 3×3 matrix (9 numbers, row-major) from each output pixel
   * centre to the source; width and height 0 keep the source's.
   */
  warp: {
    fn: 'warp', options: 1, alone: 'maps output rows from anywhere in the source',
    args: [['matrix', floats(9)], ['width', OFFSET, 0], ['height', OFFSET, 0], ['filter', oneOf(Object.keys(WARP_FILTERS)), 'bilinear'], ['background', bytes(4), [0, 0, 0, 0]]],
    into: (w, h, m, width, height, filter, bg) => {
      const [W, H] = [width || w, height || h];
      return [W, H, (dst, [m]) => [dst, W, H, m, WARP_FILTERS[filter], rgbaWord(bg)]];
    },
  },
  // Rank filters and edges.
  median: { fn: 'median', args: [['radius', integer(1, 100)]], reach: (r) => r },
  erode: { fn: 'erode', args: [['radius', integer(1, 1000)]], reach: (r) => r },
  dilate: { fn: 'dilate', args: [['radius', integer(1, 1000)]], reach: (r) => r },
  sobel: { fn: 'sobel', args: [['scale', number(0, 100), 1]], reach: 1 },
  // Compositing and colour.
  composite: {
    fn: 'composite', options: 1, alone: 'draws a second image',
    args: [['source', otherImage], ['x', integer(-(2 ** 31), 2 ** 31 - 1), 0], ['y', integer(-(2 ** 31), 2 ** 31 - 1), 0], ['mode', oneOf(MODES), 'source-over'], ['opacity', number(0, 1), 1]],
  },
  hsl: { fn: 'hsl_adjust', options: 0, args: [['hue', number(-360, 360), 0], ['saturation', number(0, 10), 1], ['lightness', number(-1, 1), 0]], reach: 0 },
  vibrance: { fn: 'vibrance', args: [['amount', number(-1, 1)]], reach: 0 },
  shuffle: { fn: 'shuffle', args: [['order', channels]], reach: 0 },
  fill: { fn: 'fill', args: [['r', BYTE], ['g', BYTE], ['b', BYTE], ['a', BYTE, 255]], pack: (...rgba) => [rgbaWord(rgba)], reach: 0 },
  pixelate: { fn: 'pixelate', args: [['size', integer(1, 4096)]], alone: 'averages blocks that cross strips' },
  noise: { fn: 'noise', options: 1, args: [['amount', number(0, 255)], ['seed', integer(0, 2 ** 32 - 1), 0], ['mono', bool, false]], alone: "draws by each pixel's index in the whole image" },
  dither: { fn: 'dither', args: [['levels', integer(2, 255)], ['method', oneOf(DITHERS), 'ordered']], alone: 'depends on the rows above (and ordered, on the row number)' },

};

/**
 * The arguments of `method` as the table reads them, checked: a TypeError
 * or RangeError for what the module can't see, a RawpxError (invalid
 * argument) for what it would refuse.
 */
export function checkArgs(method, args) {
  const op = operations[method];
  if (!op) throw new TypeError(`rawpx: no method ${method}`);
  const values = (op.args || []).map(([name, kind, value], i) => {
    const v = op.options === undefined || i < op.options ? args[i] : args[op.options]?.[name];
    return [name, kind, v === undefined ? value : v];
  });
  for (const [name, kind, v] of values) {
    const [Error, what] = kind.check(v) || [];
    if (Error) throw new Error(`rawpx.${method}: ${name} must be ${what}, not ${isList(v) ? `${v.length} items` : String(v)}`);
  }
  const bad = values.find(([, kind, v]) => !kind.ok(v));
  if (bad) {
    const [name, kind, v] = bad;
    throw new RawpxError(op.fn || method, -1, `${name} ${kind.show ? kind.show(v) : v}: ${kind.range}`);
  }
  return values;
}

// A file: URL, read from disk: Node and Bun can't fetch one (this is also
// where load() finds the package's own module under Node, Deno and Bun).
// The specifier is a variable, so bundlers for the web (webpack, Vite,
// esbuild in wrangler) leave the import alone rather than warn about it.
const FS = 'node:fs/promises';
async function readFile(url) {
  try {
    return await (await import(/* webpackIgnore: true */ /* @vite-ignore */ FS)).readFile(new URL(url));
  } catch (e) {
    throw new Error(`rawpx.load: cannot read ${url} (${e.message}); in a bundler, import the module's URL ('rawpx/rawpx.wasm?url') and pass it to load()`, { cause: e });
  }
}

async function instantiate(source) {
  if (source instanceof WebAssembly.Module) return { module: source, instance: await WebAssembly.instantiate(source) };
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.instantiate(source);
  const url = typeof source === 'string' || source instanceof URL ? String(source) : '';
  if (url.startsWith('file:')) return WebAssembly.instantiate(await readFile(url));
  const response = await (url ? fetch(url) : source);
  const from = response.url || url || 'the response';
  if (!response.ok) throw new Error(`rawpx.load: ${from} answered ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type');
  if (type?.trim().toLowerCase() === 'application/wasm') return WebAssembly.instantiateStreaming(response);
  // Servers often send .wasm with the wrong MIME type: compile from bytes,
  // if they are a module at all (a dev server may answer index.html).
  const wasm = await response.arrayBuffer();
  if (new Uint32Array(wasm.slice(0, 4))[0] !== 0x6d736100) {
    throw new Error(`rawpx.load: ${from} answered ${type || 'no content type'}, not a WebAssembly module; with a bundler, import the module's URL ('rawpx/rawpx.wasm?url') and pass it to load()`);
  }
  if (!instantiate.warned) console.warn(`rawpx: ${from} is served as ${type}, not application/wasm; compiling from bytes`);
  instantiate.warned = true;
  return WebAssembly.instantiate(wasm);
}

// A w×h canvas to draw on: an OffscreenCanvas where there is one (workers
// too), else a canvas element.
const canvas = (w, h) => (typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h }));

/** Whether this engine runs SIMD128: it validates a tiny module using one. */
export const simdSupported = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));

/**
 * Loads the module from a URL, Response (or its promise), bytes or Module,
 * or from `{ simd, nosimd }`, one of each; by default dist/rawpx.wasm of
 * this package, or dist/rawpx-nosimd.wasm (same results, scalar) where
 * SIMD128 is missing or `options.simd` is false.
 */
export async function load(source, { simd = simdSupported } = {}) {
  if (source?.simd || source?.nosimd) source = simd ? source.simd : source.nosimd;
  // Each URL written out whole, so bundlers that follow new URL(literal,
  // import.meta.url) (webpack 5) emit both modules as assets.
  let { module, instance } = await instantiate(source ?? (simd ? new URL('../dist/rawpx.wasm', import.meta.url) : new URL('../dist/rawpx-nosimd.wasm', import.meta.url)));
  let x = instance.exports;
  let live = 0;
  const bytes = (ptr, len) => new Uint8ClampedArray(x.memory.buffer, ptr, len);
  // A block of `len` bytes, or a RawpxError naming `fn` and what it was for.
  const reserve = (fn, len, what) => {
    const ptr = x.alloc(len);
    if (!ptr) throw new RawpxError(fn, -3, `no memory for ${what}`);
    return ptr;
  };

  class Image {
    constructor({ data, width, height }) {
      if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) throw new RangeError(`rawpx.image: ${width}×${height} is not a size`);
      if (data?.length !== width * height * 4) throw new RangeError(`rawpx.image: data has ${data?.length} bytes, not ${width}×${height}×4`);
      this.width = width;
      this.height = height;
      this.length = data.length;
      this.ptr = reserve('image', this.length, `a ${width}×${height} image`);
      this.waiting = [];
      bytes(this.ptr, this.length).set(data);
      live++;
    }
    // The pixels' address, or a TypeError after free(); the waiting point
    // operations run first, unless `wait`.
    at(method, wait) {
      if (!this.ptr) throw new TypeError(`rawpx.${method}: the image was freed`);
      if (!wait && this.waiting.length) this.fuse();
      return this.ptr;
    }
    // Runs the waiting point operations, as one pass where that is faster.
    // Each maps every channel's value alone, so the run of them, done to a
    // 256-pixel ramp (v, v, v, v), is the table of their composition,
    // exactly: apply_lut with it gives the bytes of running them one by
    // one. Kept waiting if it fails (no memory: only apply_lut can fail,
    // and it runs alone only as a run of one).
    fuse() {
      const run = this.waiting;
      this.waiting = [];
      try {
        if (run.reduce((cost, [method]) => cost + operations[method].lut, 0) <= operations.applyLut.lut) {
          for (const step of run) this.call(...step, true);
          return;
        }
        const ramp = new Image({ width: 256, height: 1, data: Uint8ClampedArray.from({ length: 1024 }, (_, i) => i >> 2) });
        try {
          for (const [method, args] of run) ramp.call(method, args, true);
          const f = ramp.view();
          this.call('applyLut', [f.map((_, i) => f[4 * (i & 255) + (i >> 8)])], true);
        } finally { ramp.free(); }
      } catch (e) {
        this.waiting = run;
        throw e;
      }
    }
    // Runs `method` of the table with `args`: in place, or into a new block
    // that becomes the image (geometry), or, for a point operation (`lut`)
    // unless `now`, later, fused with the ones after it. Blocks copied in
    // for the call are freed after it.
    call(method, args, now) {
      const op = operations[method];
      if (op.lut && !now) {
        checkArgs(method, args);
        this.at(method, true);
        this.waiting.push([method, args]);
        return this;
      }
      const ptr = this.at(method), values = checkArgs(method, args);
      const blocks = [];
      const copy = (name, data) => {
        const p = reserve(op.fn, data.length, `the ${name}`);
        blocks.push([p, data.length]);
        bytes(p, data.length).set(data);
        return p;
      };
      const given = values.map(([, , v]) => v);
      try {
        const params = op.pack ? op.pack(...given) : values.flatMap(([name, kind, v]) => kind.put(v, (data) => copy(name, data), this));
        const [w, h, into] = op.into ? op.into(this.width, this.height, ...given) : [];
        const dst = into && reserve(op.fn, w * h * 4, `the ${w}×${h} result`);
        const code = x[op.fn](ptr, this.width, this.height, ...(into ? into(dst, params) : params));
        if (code) {
          if (into) x.free(dst, w * h * 4);
          const why = code === -1 && op.refused ? op.refused(this.width, this.height, ...given) : code === -3 ? 'no memory for scratch' : '';
          throw new RawpxError(op.fn, code, why);
        }
        if (into) this.adopt(dst, w, h);
        return this;
      } finally {
        for (const [p, n] of blocks) x.free(p, n);
      }
    }
    // Makes the image a w×h canvas of `rgba` (fill, where not transparent
    // black) with the old pixels at (left, top).
    grow(w, h, left, top, rgba, fn = 'pad') {
      const from = this.at(fn);
      if (w * h * 4 > 2 ** 32 - 1) throw new RawpxError(fn, -2, `a ${w}×${h} image`);
      const ptr = reserve(fn, w * h * 4, `the ${w}×${h} image`), padded = bytes(ptr, w * h * 4);
      if (rgba.some((c) => c)) x.fill(ptr, w, h, rgbaWord(rgba));
      else padded.fill(0);
      const old = bytes(from, this.length);
      for (let y = 0; y < this.height; y++) padded.set(old.subarray(y * this.width * 4, (y + 1) * this.width * 4), ((y + top) * w + left) * 4);
      this.adopt(ptr, w, h);
      return this;
    }
    // Takes the w×h block at `ptr` as the image's pixels, freeing the old.
    adopt(ptr, w, h) {
      x.free(this.ptr, this.length);
      Object.assign(this, { ptr, width: w, height: h, length: w * h * 4 });
    }
    /** Counts per channel: R in [0, 256), G, B, then A. */
    histogram() {
      const ptr = this.at('histogram'), out = reserve('histogram', 4096, 'the counts');
      try {
        const code = x.histogram(ptr, this.width, this.height, out);
        if (code) throw new RawpxError('histogram', code);
        return new Uint32Array(x.memory.buffer.slice(out, out + 4096));
      } finally { x.free(out, 4096); }
    }
    /** The pixels in Wasm memory, without a copy: valid until the next allocation. */
    view() { return bytes(this.at('view'), this.length); }
    /** Copies the pixels out, as an ImageData where one exists. */
    toImageData() {
      const data = this.view().slice();
      return typeof ImageData === 'function' ? new ImageData(data, this.width, this.height) : { data, width: this.width, height: this.height };
    }
    /** Draws the pixels on a 2D context's canvas, sized to the image; returns the context. */
    toCanvas(ctx) {
      Object.assign(ctx.canvas, { width: this.width, height: this.height });
      ctx.putImageData(this.toImageData(), 0, 0);
      return ctx;
    }
    /** Encodes the pixels (PNG by default) through an OffscreenCanvas, or a canvas element. */
    toBlob(type = 'image/png', quality) {
      const ctx = this.toCanvas(canvas(this.width, this.height).getContext('2d'));
      return ctx.canvas.convertToBlob?.({ type, quality }) ?? new Promise((ok) => ctx.canvas.toBlob(ok, type, quality));
    }
    free() {
      this.waiting = [];
      if (this.ptr) {
        x.free(this.ptr, this.length);
        live--;
      }
      this.ptr = 0;
    }
    [Symbol.dispose]() { this.free(); }
  }

  // A method for each operation; one whose export this build lacks says so.
  for (const [method, op] of Object.entries(operations)) {
    const fn = op.fn || op.uses;
    if (!x[fn]) Image.prototype[method] = () => { throw new TypeError(`rawpx.${fn} is not in this build`); };
    else if (op.method) Image.prototype[method] = op.args ? function (...args) { checkArgs(method, args); return op.method.apply(this, args); } : op.method;
    else if (!Image.prototype[method]) {
      Image.prototype[method] = function (...args) {
        const linear = op.linear && args.length > op.args.length && args.at(-1)?.linear;
        if (linear !== undefined && linear !== false && linear !== true) throw new TypeError(`rawpx.${method}: linear must be true or false, not ${linear}`);
        return linear ? this[op.linear](...args.slice(0, -1)) : this.call(method, op.linear && args.length > op.args.length ? args.slice(0, -1) : args);
      };
    }
  }

  const image = (img) => new Image(img);
  // The whole canvas of a 2D context, read back as pixels.
  const fromCanvas = (ctx) => image(ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height));
  const fromImageBitmap = (bitmap) => {
    const ctx = canvas(bitmap.width, bitmap.height).getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return fromCanvas(ctx);
  };
  return {
    get exports() { return x; },
    image,
    fromImageData: image,
    fromCanvas,
    fromImageBitmap,
    /** Decodes an image file (a Blob: PNG, JPEG, WebP…) through createImageBitmap. */
    async fromBlob(blob) {
      const bitmap = await createImageBitmap(blob);
      try { return fromImageBitmap(bitmap); } finally { bitmap.close(); }
    },
    /**
     * Gives the memory back: Wasm memory never shrinks, so this swaps in a
     * fresh instance of the module. Every image must have been freed.
     */
    async reset() {
      if (live) throw new Error(`rawpx.reset: ${live} image${live > 1 ? 's are' : ' is'} not freed`);
      x = (await WebAssembly.instantiate(module)).exports;
    },
  };
}
