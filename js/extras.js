// rawpx/extras: methods built on the primitives, kept apart from the
// loader, which most pages load without them. Importing it, before load(),
// adds them to the table of operations, so every image has them (and the
// pool, which imports it, splits them):
//
//   import 'rawpx/extras';
//   img.curves([[0, 0], [64, 50], [192, 210], [255, 255]]).duotone([20, 10, 80], [255, 210, 120]);
import { kinds, operations, table } from './rawpx.js';

const { must, isList, isNumber, integer, number, bytes, OFFSET, BYTE } = kinds;

// An R, G, B triple of bytes.
const colour = {
  check: (v) => must(isList(v) && v.length === 3 && Array.from(v).every((c) => Number.isInteger(c) && c >= 0 && c <= 255), TypeError, 'three bytes [r, g, b]'),
  ok: () => true,
};
// curves' points: [[in, out], ...], in increasing, each 0 to 255; or one
// list per channel, { r, g, b }.
const pointList = (v) => isList(v) && v.length >= 2 && Array.from(v).every((p, i) => isList(p) && p.length === 2 && Array.from(p).every((c) => isNumber(c) && c >= 0 && c <= 255) && (i === 0 || p[0] > v[i - 1][0]));
const points = {
  check: (v) => must(pointList(v) || (v != null && ['r', 'g', 'b'].every((ch) => pointList(v[ch]))), TypeError, '[[in, out], ...] (in increasing, 0 to 255), or { r, g, b } of them'),
  ok: () => true,
};

/**
 * Histogram equalisation's table: each of R, G, B through its cumulative
 * count, the first non-empty level to 0 and the last to 255 (the pool sums
 * its strips' histograms into one).
 */
export function equalizeTable(histogram, pixels) {
  const cdf = [0, 1, 2].map((ch) => { let sum = 0; return Array.from({ length: 256 }, (_, v) => (sum += histogram[256 * ch + v])); });
  return table((ch, v) => {
    const low = cdf[ch].find((n) => n > 0);
    return pixels === low ? v : (255 * (cdf[ch][v] - low)) / (pixels - low);
  });
}

// Fritsch–Carlson: the monotone cubic through (x, y) points (x increasing),
// flat beyond the ends, at each of 0..255.
function monotone(points) {
  const n = points.length, [xs, ys] = [points.map((p) => p[0]), points.map((p) => p[1])];
  const d = xs.slice(1).map((x, i) => (ys[i + 1] - ys[i]) / (x - xs[i]));
  const m = xs.map((_, i) => (i === 0 ? d[0] : i === n - 1 ? d[n - 2] : d[i - 1] * d[i] <= 0 ? 0 : (d[i - 1] + d[i]) / 2));
  for (let i = 0; i < n - 1; i++) {
    if (d[i] === 0) { m[i] = m[i + 1] = 0; continue; }
    const [a, b] = [m[i] / d[i], m[i + 1] / d[i]], r = Math.hypot(a, b);
    if (r > 3) [m[i], m[i + 1]] = [(3 * a * d[i]) / r, (3 * b * d[i]) / r];
  }
  return (v) => {
    if (v <= xs[0]) return ys[0];
    if (v >= xs[n - 1]) return ys[n - 1];
    const i = xs.findLastIndex((x) => x <= v), h = xs[i + 1] - xs[i], t = (v - xs[i]) / h;
    return (2 * t ** 3 - 3 * t ** 2 + 1) * ys[i] + (t ** 3 - 2 * t ** 2 + t) * h * m[i] + (-2 * t ** 3 + 3 * t ** 2) * ys[i + 1] + (t ** 3 - t ** 2) * h * m[i + 1];
  };
}

// EXIF orientation 1..8 as the geometry that shows the image upright.
const ORIENT = [[], [], [['flipHorizontal']], [['rotate', 180]], [['flipVertical']], [['rotate', 90], ['flipHorizontal']], [['rotate', 90]], [['rotate', 90], ['flipVertical']], [['rotate', 270]]];

Object.assign(operations, {
  /** Erosion then dilation: removes specks smaller than the window. */
  open: { uses: 'erode', args: [['radius', integer(1, 1000)]], steps: (r) => [['erode', r], ['dilate', r]], method(r) { return this.erode(r).dilate(r); } },
  /** Dilation then erosion: fills gaps smaller than the window. */
  close: { uses: 'dilate', args: [['radius', integer(1, 1000)]], steps: (r) => [['dilate', r], ['erode', r]], method(r) { return this.dilate(r).erode(r); } },
  /** Alpha times t. */
  opacity: { uses: 'apply_lut', reach: 0, args: [['t', number(0, 1)]], method(t) { return this.applyLut(table((_, v) => v, (a) => a * t)); } },
  posterize: {
    uses: 'apply_lut', reach: 0, args: [['levels', integer(2, 255)]],
    method(n) { return this.applyLut(table((_, v) => (Math.round((v * (n - 1)) / 255) * 255) / (n - 1))); },
  },
  /** White where the luma (grayscale's) is at least `level`, else black. */
  threshold: { uses: 'apply_lut', reach: 0, args: [['level', BYTE, 128]], method(level = 128) { return this.grayscale().applyLut(table((_, v) => (v >= level ? 255 : 0))); } },
  curves: {
    uses: 'apply_lut', reach: 0, args: [['points', points]],
    method(p) { const f = [0, 1, 2].map((ch) => monotone(p['rgb'[ch]] ?? p)); return this.applyLut(table((ch, v) => f[ch](v))); },
  },
  equalize: { uses: 'apply_lut', whole: equalizeTable, method() { return this.applyLut(equalizeTable(this.histogram(), this.width * this.height)); } },
  /** Each colour moved the fraction `amount` toward [r, g, b]. */
  tint: {
    uses: 'color_matrix', reach: 0, args: [['colour', colour], ['amount', number(0, 1), 0.5]],
    method(c, t = 0.5) { return this.colorMatrix([0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => (i === j) * (1 - t)).concat(0, (t * c[i]) / 255)).concat(0, 0, 0, 1, 0)); },
  },
  /** The luma mapped from the `dark` colour (at 0) to the `light` one (at 255). */
  duotone: {
    uses: 'apply_lut', reach: 0, args: [['dark', colour], ['light', colour]],
    method(dark, light) { return this.grayscale().applyLut(table((ch, v) => dark[ch] + ((light[ch] - dark[ch]) * v) / 255)); },
  },
  /** Shows an image with EXIF orientation 1..8 upright. */
  orient: {
    uses: 'rotate', args: [['orientation', integer(1, 8)]], steps: (o) => ORIENT[o],
    method(o) { for (const [m, ...a] of ORIENT[o]) this[m](...a); return this; },
  },
  /** A border: the canvas grown by each side, the new pixels [r, g, b, a] (default transparent). */
  pad: {
    uses: 'fill', alone: 'makes a new canvas',
    args: [['top', OFFSET], ['right', OFFSET], ['bottom', OFFSET], ['left', OFFSET], ['rgba', bytes(4), [0, 0, 0, 0]]],
    method(top, right, bottom, left, rgba = [0, 0, 0, 0]) { return this.grow(this.width + left + right, this.height + top + bottom, left, top, rgba); },
  },
});
