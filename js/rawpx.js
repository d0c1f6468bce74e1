// rawpx loader: instantiate the module, copy an image into its memory once,
// chain filters there, copy the result out once. No dependencies.

const STATUS = { [-1]: 'invalid argument', [-2]: 'out of bounds', [-3]: 'out of memory', [-4]: 'overlap' };

/** A filter's non-zero status, with the function and the argument at fault. */
export class RawpxError extends Error {
  constructor(fn, code, arg) {
    super(`rawpx.${fn}: ${STATUS[code] || 'status ' + code}${arg ? ' (' + arg + ')' : ''}`);
    this.name = 'RawpxError';
    this.code = code;
    this.fn = fn;
  }
}

// Which argument a code points at, from what the module refused; the
// module does the checking, this only names the culprit.
const blame = (code, w, h, param) =>
  code === -1 ? (!w ? 'width' : !h ? 'height' : param)
  : code === -2 ? (['matrix', 'lut', 'out'].includes(param) ? `image or ${param} outside memory` : 'image outside memory')
  : code === -3 ? 'no memory for scratch'
  : code === -4 ? `${param} overlaps the image` : '';

// CSS Filter Effects 1: sepia(), saturate() and hue-rotate() are each
// base + (identity - base)·t (+ sin·rot for the hue), on R, G, B; as
// color_matrix's 4×5 with alpha kept.
const LUMA = [0.213, 0.715, 0.072, 0.213, 0.715, 0.072, 0.213, 0.715, 0.072];
const SEPIA = [0.393, 0.769, 0.189, 0.349, 0.686, 0.168, 0.272, 0.534, 0.131];
const HUE = [-0.213, -0.715, 0.928, 0.143, 0.14, -0.283, -0.787, 0.715, 0.072];
const mix = (base, t, sin = 0) =>
  [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => base[3 * i + j] + ((i === j) - base[3 * i + j]) * t + sin * HUE[3 * i + j]).concat(0, 0)).concat(0, 0, 0, 1, 0);
// A lookup table from f(channel, value) for R, G, B; alpha kept.
const table = (f) => Uint8Array.from({ length: 1024 }, (_, i) => (i < 768 ? Math.round(Math.min(255, Math.max(0, f(i >> 8, i & 255)))) : i & 255));
// Levels: [lo, hi] to [outLo, outHi] through a gamma, per channel.
const levels = (lo, hi, outLo = 0, outHi = 255, gamma = 1) => (ch, v) => {
  const [l, h] = [lo, hi].map((x) => (typeof x === 'number' ? x : x[ch]));
  return outLo + (outHi - outLo) * Math.min(1, Math.max(0, (v - l) / Math.max(1, h - l))) ** (1 / gamma);
};

const FILTERS = ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'];

async function instantiate(source) {
  if (source instanceof WebAssembly.Module) return WebAssembly.instantiate(source);
  if (typeof source === 'string' || source instanceof URL) source = fetch(source);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return (await WebAssembly.instantiate(source)).instance;
  const response = await source;
  try {
    return (await WebAssembly.instantiateStreaming(response.clone())).instance;
  } catch (e) {
    // Servers often send .wasm with the wrong MIME type: compile from bytes.
    if (!instantiate.warned) console.warn(`rawpx: ${e.message}; compiling from bytes`);
    instantiate.warned = true;
    return (await WebAssembly.instantiate(await response.arrayBuffer())).instance;
  }
}

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
  const x = (await instantiate(source ?? new URL(simd ? '../dist/rawpx.wasm' : '../dist/rawpx-nosimd.wasm', import.meta.url))).exports;
  const bytes = (ptr, len) => new Uint8ClampedArray(x.memory.buffer, ptr, len);
  const reserve = (len) => {
    const ptr = len > 0 ? x.alloc(len) : 0;
    if (!ptr && len > 0) throw new RawpxError('alloc', -3, `${len} bytes`);
    return ptr;
  };
  const put = (data) => {
    const ptr = reserve(data.length);
    bytes(ptr, data.length).set(data);
    return ptr;
  };

  class Image {
    constructor({ data, width, height }) {
      this.width = width;
      this.height = height;
      this.length = width * height * 4;
      if (data.length !== this.length) throw new RangeError(`rawpx.image: data has ${data.length} bytes, not ${width}×${height}×4`);
      this.ptr = put(data);
    }
    // Runs export `fn` on the pixels, with `extra` arguments after (ptr, w, h).
    run(fn, param, ...extra) {
      if (!this.ptr) throw new RawpxError(fn, -2, 'image was freed');
      const code = x[fn](this.ptr, this.width, this.height, ...extra);
      if (code) throw new RawpxError(fn, code, blame(code, this.width, this.height, param));
      return this;
    }
    // Copies a matrix, table or kernel in for one call.
    runWith(fn, param, data, ...extra) {
      const ptr = put(data);
      try { return this.run(fn, param, ptr, ...extra); } finally { x.free(ptr, data.byteLength); }
    }
    // Runs src-to-dst export `fn` into a new w×h block, which becomes the
    // image; `args(dst)` follows (ptr, w, h).
    into(fn, param, w, h, args) {
      const dst = reserve(w * h * 4);
      try { this.run(fn, param, ...args(dst)); } catch (e) { x.free(dst, w * h * 4); throw e; }
      x.free(this.ptr, this.length);
      Object.assign(this, { ptr: dst, width: w, height: h, length: w * h * 4 });
      return this;
    }
    resize(w, h, filter = 'lanczos3') {
      return this.into('resize', `${w}×${h}, filter ${filter}`, w, h, (d) => [d, w, h, FILTERS.indexOf(filter)]);
    }
    crop(left, top, w, h) { return this.into('crop', `${w}×${h} at (${left}, ${top})`, w, h, (d) => [left, top, w, h, d]); }
    rotate(degrees) {
      const turns = (((degrees / 90) % 4) + 4) % 4, [w, h] = turns % 2 ? [this.height, this.width] : [this.width, this.height];
      if (!Number.isInteger(turns)) throw new RangeError(`rawpx.rotate: ${degrees}° is not a quarter turn`);
      return this.into('rotate', '', w, h, (d) => [d, turns]);
    }
    flipHorizontal() { return this.run('flip_horizontal'); }
    flipVertical() { return this.run('flip_vertical'); }
    grayscale() { return this.run('grayscale'); }
    invert() { return this.run('invert'); }
    brightness(delta) { return this.run('brightness', 'delta', delta); }
    contrast(factor) { return this.run('contrast', 'factor', factor); }
    colorMatrix(m) { return this.runWith('color_matrix', 'matrix', new Uint8Array(Float32Array.from(m).buffer)); }
    applyLut(lut) { return this.runWith('apply_lut', 'lut', lut); }
    premultiply() { return this.run('premultiply'); }
    unpremultiply() { return this.run('unpremultiply'); }
    gaussianBlur(sigma) { return this.run('gaussian_blur', 'sigma', sigma); }
    boxBlur(radius) { return this.run('box_blur', 'radius', radius); }
    sharpen({ sigma = 1, amount = 1, threshold = 0 } = {}) {
      return this.run('sharpen', `sigma ${sigma}, amount ${amount}, threshold ${threshold}`, sigma, amount, threshold);
    }
    /** Correlates R, G, B with a square kernel of size² weights (row-major), plus `bias`. */
    convolve(kernel, bias = 0) {
      const size = Math.sqrt(kernel.length);
      if (!Number.isInteger(size)) throw new RangeError(`rawpx.convolve: ${kernel.length} weights is not a square kernel`);
      const weights = new Uint8Array(Float32Array.from(kernel).buffer);
      return this.runWith('convolve', `kernel size ${size}, weights or bias ${bias}`, weights, size, bias);
    }
    // Conveniences on the primitives.
    sepia(amount = 1) { return this.colorMatrix(mix(SEPIA, 1 - Math.min(1, amount))); }
    saturate(amount) { return this.colorMatrix(mix(LUMA, amount)); }
    hueRotate(degrees) { const a = (degrees * Math.PI) / 180; return this.colorMatrix(mix(LUMA, Math.cos(a), Math.sin(a))); }
    /** c = 255·(c/255)^(1/g): g > 1 brightens the mid-tones. */
    gamma(g) { return this.applyLut(table((_, v) => 255 * (v / 255) ** (1 / g))); }
    /** Maps [inLow, inHigh] to [outLow, outHigh] on R, G, B, through `gamma`. */
    levels(inLow, inHigh, outLow, outHigh, gamma) { return this.applyLut(table(levels(inLow, inHigh, outLow, outHigh, gamma))); }
    /** Stretches each of R, G, B to the full range, ignoring the `clip` fraction of pixels at either end. */
    autoLevels(clip = 0) {
      const h = this.histogram(), skip = clip * this.width * this.height;
      const end = (ch, from, step) => { let v = from, n = 0; while (v + step >= 0 && v + step <= 255 && (n += h[256 * ch + v]) <= skip) v += step; return v; };
      return this.levels([0, 1, 2].map((ch) => end(ch, 0, 1)), [0, 1, 2].map((ch) => end(ch, 255, -1)));
    }
    histogram() {
      const out = x.alloc(4096);
      try {
        this.run('histogram', 'out', out);
        return new Uint32Array(x.memory.buffer.slice(out, out + 4096));
      } finally { x.free(out, 4096); }
    }
    /** The pixels in Wasm memory, without a copy: valid until the next allocation. */
    view() { return bytes(this.ptr, this.length); }
    /** Copies the pixels out, as an ImageData where one exists. */
    toImageData() {
      const data = this.view().slice();
      return typeof ImageData === 'function' ? new ImageData(data, this.width, this.height) : { data, width: this.width, height: this.height };
    }
    free() {
      if (this.ptr) x.free(this.ptr, this.length);
      this.ptr = 0;
    }
    [Symbol.dispose]() { this.free(); }
  }

  return { exports: x, image: (img) => new Image(img) };
}
