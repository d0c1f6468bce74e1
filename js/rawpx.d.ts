// Types for js/rawpx.js, the rawpx loader.
// `Symbol.dispose` is declared by this lib whatever the project's target.
/// <reference lib="esnext.disposable" />

/** Where the module comes from: a URL, a fetch Response or its promise, the bytes, or a compiled Module. */
export type Source = string | URL | Response | PromiseLike<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/** Whether this engine runs SIMD128. */
export const simdSupported: boolean;

/** The module's status codes and what they mean: -1 invalid argument, -2 out of bounds, -3 out of memory, -4 overlap. */
export const STATUS: Readonly<Record<number, string>>;

/** CSS Filter Effects 1's colour matrices, as color_matrix takes them (radians for hueRotate). */
export const CSS_MATRIX: Readonly<Record<'sepia' | 'saturate' | 'hueRotate' | 'grayscale', (amount?: number) => number[]>>;

/** Clockwise quarter turns in [0, 3] for a multiple of 90 degrees (negative ones too). */
export function quarterTurns(degrees: number): number;

/** resize's filters, in the module's order. */
export const FILTERS: readonly ['nearest', 'box', 'bilinear', 'bicubic', 'lanczos3'];

/** composite's modes: the canvas `globalCompositeOperation` names, in the module's order. */
export type CompositeMode =
  | 'source-over' | 'multiply' | 'screen' | 'overlay' | 'darken' | 'lighten' | 'color-dodge' | 'color-burn' | 'hard-light'
  | 'soft-light' | 'difference' | 'exclusion' | 'hue' | 'saturation' | 'color' | 'luminosity' | 'source-in' | 'source-out'
  | 'source-atop' | 'destination-over' | 'destination-in' | 'destination-out' | 'destination-atop' | 'xor' | 'lighter' | 'copy';
export const MODES: readonly CompositeMode[];

/** warp's filters and their codes in the module. */
export const WARP_FILTERS: Readonly<Record<WarpFilter, number>>;
export type WarpFilter = 'nearest' | 'bilinear' | 'bicubic';
/** A warp's output: its size (default the source's), filter (default bilinear) and the colour of taps outside the source. */
export interface WarpOutput { width?: number; height?: number; filter?: WarpFilter; background?: readonly [number, number, number, number] }

/** dither's methods, in the module's order. */
export const DITHERS: readonly ['ordered', 'floyd-steinberg'];
export const EDGES: readonly ['clamp', 'transparent'];

/** A 1024-byte lookup table from f(channel, value) for R, G, B and `alpha(value)` for A. */
export function table(f: (channel: number, value: number) => number, alpha?: (value: number) => number): Uint8Array;

/** The argument kinds of the table, for modules that add methods to it (rawpx/extras). */
export const kinds: Readonly<Record<string, unknown>>;

/** The table that stretches R, G, B to the full range from a whole image's histogram (autoLevels). */
export function autoLevelsTable(histogram: ArrayLike<number>, pixels: number, clip?: number): Uint8Array;


/**
 * The table of operations the loader and the pool are built from: each
 * method's export, its arguments, and how the pool splits it.
 */
export const operations: Readonly<Record<string, {
  fn?: string;
  uses?: string;
  options?: number;
  reach?: number | ((...args: any[]) => number);
  whole?: (histogram: Uint32Array, pixels: number, ...args: any[]) => Uint8Array;
  geometry?: boolean;
  steps?: (...args: any[]) => [string, ...unknown[]][];
  alone?: string;
}>>;

/**
 * Loads the module: `source`, or `{ simd, nosimd }` to choose from, or by
 * default the package's dist/rawpx.wasm (dist/rawpx-nosimd.wasm, the same
 * results without SIMD128, where the engine lacks it or `options.simd` is
 * false).
 */
export function load(source?: Source | { simd: Source; nosimd: Source }, options?: { simd?: boolean }): Promise<Rawpx>;

/**
 * A call refused with a status code (by the module, or by the loader where
 * it knows the module would refuse it), with the function and the argument
 * at fault. Arguments the call would silently coerce (a fraction for an
 * integer, a string for a number) are a RangeError or a TypeError instead,
 * and so is the use of a freed image.
 */
export class RawpxError extends Error {
  /** -1 invalid argument, -2 out of bounds, -3 out of memory, -4 overlap. */
  readonly code: number;
  /** The export that refused the call. */
  readonly fn: string;
  /** What was at fault, e.g. `delta 300: -255 to 255`. */
  readonly arg?: string;
}

/** `ImageData` where its type exists (the DOM lib), else the plain object the loader returns there. */
export type ImageDataOrPixels = typeof globalThis extends { ImageData: { prototype: infer T } }
  ? T
  : { data: Uint8ClampedArray; width: number; height: number };

/** Pixels as in `ImageData`: RGBA8, not premultiplied, rows top to bottom. */
export interface Pixels {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface Rawpx {
  /** The module's raw exports (docs/abi.md); a new instance after `reset()`. */
  readonly exports: RawpxExports;
  /** Copies the pixels into Wasm memory once. */
  image(pixels: Pixels): RawpxImage;
  /** The same as `image`, for an ImageData. */
  fromImageData(imageData: ImageData): RawpxImage;
  /** The whole canvas of a 2D context (a canvas element's or an OffscreenCanvas'). */
  fromCanvas(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D): RawpxImage;
  /** An ImageBitmap, drawn through an OffscreenCanvas (or a canvas element). */
  fromImageBitmap(bitmap: ImageBitmap): RawpxImage;
  /** An image file (PNG, JPEG, WebP… as a Blob or File), decoded by createImageBitmap. */
  fromBlob(blob: Blob): Promise<RawpxImage>;
  /** Gives the memory back (Wasm memory never shrinks) by a fresh instance; rejects while an image is not freed. */
  reset(): Promise<void>;
}

/** An image in Wasm memory. Every filter returns the image, to chain. */
export interface RawpxImage {
  readonly width: number;
  readonly height: number;
  /** Resizes to w×h as Pillow's Image.resize with that filter (default lanczos3); the handle takes the new pixels. */
  resize(w: number, h: number, filter?: 'nearest' | 'box' | 'bilinear' | 'bicubic' | 'lanczos3', options?: { linear?: boolean }): this;
  /** resize in linear light: the sRGB curve undone, filtered in f32 with Pillow's windows, redone. */
  resizeLinear(w: number, h: number, filter?: 'nearest' | 'box' | 'bilinear' | 'bicubic' | 'lanczos3'): this;
  /**
   * A strip of a resize, byte for byte (what the pool runs): this image is
   * rows `top..` of a source `sourceHeight` rows tall, and becomes rows
   * [first, first + rows) of its w×h resize. Refused unless it holds every
   * source row their windows read.
   */
  resizeBand(w: number, h: number, filter: 'nearest' | 'box' | 'bilinear' | 'bicubic' | 'lanczos3', top: number, sourceHeight: number, first: number, rows: number): this;
  /** resizeBand in linear light. */
  resizeLinearBand(w: number, h: number, filter: 'nearest' | 'box' | 'bilinear' | 'bicubic' | 'lanczos3', top: number, sourceHeight: number, first: number, rows: number): this;
  /** Keeps the w×h rectangle at (left, top), which must lie inside the image. */
  crop(left: number, top: number, w: number, h: number): this;
  /** Clockwise by a multiple of 90° (negative turns anticlockwise). */
  rotate(degrees: number): this;
  flipHorizontal(): this;
  flipVertical(): this;
  grayscale(): this;
  invert(): this;
  /** delta in [-255, 255]. */
  brightness(delta: number): this;
  /** factor in [0, 100]. */
  contrast(factor: number): this;
  /** 20 numbers, a 4×5 row-major matrix as in SVG feColorMatrix. */
  colorMatrix(matrix: ArrayLike<number>): this;
  /**
   * 1 to 8 such matrices applied in turn, each result clamped to [0, 255]
   * but not rounded, the last rounded: as browsers chain CSS colour filters.
   */
  colorMatrices(matrices: ArrayLike<ArrayLike<number>>): this;
  /** 1024 bytes: tables for R, G, B, A. */
  applyLut(lut: ArrayLike<number>): this;
  premultiply(): this;
  unpremultiply(): this;
  /** sigma in (0, 100]. */
  gaussianBlur(sigma: number, options?: { linear?: boolean }): this;
  /** gaussianBlur in linear light. */
  gaussianBlurLinear(sigma: number): this;
  /** radius in [1, 1000]. */
  boxBlur(radius: number): this;
  /**
   * Filter Effects' approximation of a Gaussian, as browsers run CSS and SVG
   * blurs (Chromium's bytes): three box blurs, the same work at any σ in
   * (0, 135]. Past the edges: copies of the edge pixels, or transparent black.
   */
  tripleBoxBlur(sigma: number, edges?: 'clamp' | 'transparent'): this;
  /** Unsharp mask; sigma in (0, 100] (default 1), amount in [0, 100] (default 1), threshold in [0, 255] (default 0). */
  sharpen(options?: { sigma?: number; amount?: number; threshold?: number }): this;
  /** A square kernel of size² weights, row-major, size odd in [1, 15]; plus bias. */
  convolve(kernel: ArrayLike<number>, bias?: number): this;
  /** CSS sepia(amount), amount in [0, 1] (default 1). */
  sepia(amount?: number): this;
  /** CSS saturate(amount). */
  saturate(amount: number): this;
  /** CSS hue-rotate(degrees). */
  hueRotate(degrees: number): this;
  /** c = 255·(c/255)^(1/g) on R, G, B. */
  gamma(g: number): this;
  /** Maps [inLow, inHigh] (numbers, or one per R, G, B) to [outLow, outHigh] through `gamma`. */
  levels(inLow: number | number[], inHigh: number | number[], outLow?: number, outHigh?: number, gamma?: number): this;
  /** Stretches R, G, B each to the full range, ignoring the `clip` fraction of pixels at either end. */
  autoLevels(clip?: number): this;
  /** Maps each output pixel centre through the row-major 3×3 `matrix` to the source (projective; nearest, bilinear or bicubic on premultiplied colour); the handle takes the new pixels. */
  warp(matrix: ArrayLike<number>, output?: WarpOutput): this;
  /** Per channel, the median of the (2r+1)² window (Pillow's MedianFilter(2r + 1)); radius in [1, 100]. */
  median(radius: number): this;
  /** Per channel, the minimum of the (2r+1)² window (Pillow's MinFilter); radius in [1, 1000], the same cost at any radius. */
  erode(radius: number): this;
  /** Per channel, the maximum of the (2r+1)² window (Pillow's MaxFilter); radius in [1, 1000]. */
  dilate(radius: number): this;
  /** The Sobel gradient magnitude of the luma, times `scale` in [0, 100] (default 1), as grey; alpha kept. */
  sobel(scale?: number): this;
  /**
   * Draws `source` (another image of this instance) at (x, y), which may be
   * negative, with a canvas `globalCompositeOperation` mode (default
   * source-over) and opacity in [0, 1]; only the overlap changes.
   */
  composite(source: RawpxImage, options?: { x?: number; y?: number; mode?: CompositeMode; opacity?: number }): this;
  /** Through HSL: hue turned by degrees in [-360, 360], saturation times [0, 10], lightness plus [-1, 1]. */
  hsl(options?: { hue?: number; saturation?: number; lightness?: number }): this;
  /** Saturates the dull colours more than the vivid ones; amount in [-1, 1]. */
  vibrance(amount: number): this;
  /** Four of r, g, b, a (input channels), 0 and 1 (the values 0 and 255) for output R, G, B, A: 'bgra' swaps red and blue. */
  shuffle(order: string): this;
  /** Every pixel (r, g, b, a), each in [0, 255]; a defaults to 255. */
  fill(r: number, g: number, b: number, a?: number): this;
  /** Blocks of size×size (in [1, 4096]) from the top left, each its alpha-weighted mean. */
  pixelate(size: number): this;
  /** Adds noise of up to ±amount (in [0, 255]) levels; the same seed gives the same noise; mono: one value for R, G, B. */
  noise(amount: number, options?: { seed?: number; mono?: boolean }): this;
  /** R, G, B each to `levels` in [2, 255] levels, by an 8×8 Bayer matrix (ordered, the default) or Floyd–Steinberg. */
  dither(levels: number, method?: 'ordered' | 'floyd-steinberg'): this;
  /** Counts per channel: R in [0, 256), G, B, then A. */
  histogram(): Uint32Array;
  /** The pixels in Wasm memory without a copy: valid until the next allocation. */
  view(): Uint8ClampedArray;
  /** Copies the pixels out: an ImageData where the platform has one, else `{ data, width, height }`. */
  toImageData(): ImageDataOrPixels;
  /** Draws the pixels on the context's canvas, resized to the image; returns the context. */
  toCanvas<C extends CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D>(ctx: C): C;
  /** Encodes the pixels (default PNG; `quality` for JPEG and WebP) through an OffscreenCanvas or a canvas element. */
  toBlob(type?: string, quality?: number): Promise<Blob>;
  /** Gives the pixels' memory back; the image can't be used after. */
  free(): void;
  [Symbol.dispose](): void;
}

export interface RawpxExports {
  memory: WebAssembly.Memory;
  alloc(len: number): number;
  free(ptr: number, len: number): void;
  grayscale(ptr: number, w: number, h: number): number;
  invert(ptr: number, w: number, h: number): number;
  brightness(ptr: number, w: number, h: number, delta: number): number;
  contrast(ptr: number, w: number, h: number, factor: number): number;
  color_matrix(ptr: number, w: number, h: number, m: number): number;
  apply_lut(ptr: number, w: number, h: number, lut: number): number;
  premultiply(ptr: number, w: number, h: number): number;
  unpremultiply(ptr: number, w: number, h: number): number;
  histogram(ptr: number, w: number, h: number, out: number): number;
  gaussian_blur(ptr: number, w: number, h: number, sigma: number): number;
  box_blur(ptr: number, w: number, h: number, radius: number): number;
  resize(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, filter: number): number;
  crop(src: number, w: number, h: number, x: number, y: number, cw: number, ch: number, dst: number): number;
  rotate(src: number, w: number, h: number, dst: number, quarterTurns: number): number;
  flip_horizontal(ptr: number, w: number, h: number): number;
  flip_vertical(ptr: number, w: number, h: number): number;
  sharpen(ptr: number, w: number, h: number, sigma: number, amount: number, threshold: number): number;
  convolve(ptr: number, w: number, h: number, kernel: number, size: number, bias: number): number;
  composite(dst: number, dw: number, dh: number, src: number, sw: number, sh: number, x: number, y: number, mode: number, opacity: number): number;
  hsl_adjust(ptr: number, w: number, h: number, hue: number, saturation: number, lightness: number): number;
  vibrance(ptr: number, w: number, h: number, amount: number): number;
  shuffle(ptr: number, w: number, h: number, order: number): number;
  fill(ptr: number, w: number, h: number, rgba: number): number;
  pixelate(ptr: number, w: number, h: number, block: number): number;
  noise(ptr: number, w: number, h: number, amount: number, seed: number, mono: number): number;
  dither(ptr: number, w: number, h: number, levels: number, method: number): number;
  triple_box_blur(ptr: number, w: number, h: number, sigma: number, edges: number): number;
  median(ptr: number, w: number, h: number, radius: number): number;
  erode(ptr: number, w: number, h: number, radius: number): number;
  dilate(ptr: number, w: number, h: number, radius: number): number;
  sobel(ptr: number, w: number, h: number, scale: number): number;
  warp(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, m: number, filter: number, background: number): number;
  color_matrices(ptr: number, w: number, h: number, matrices: number, count: number): number;
  resize_linear(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, filter: number): number;
  resize_band(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, filter: number, top: number, first: number, whole_sh: number, whole_dh: number): number;
  resize_linear_band(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, filter: number, top: number, first: number, whole_sh: number, whole_dh: number): number;
  gaussian_blur_linear(ptr: number, w: number, h: number, sigma: number): number;
}
