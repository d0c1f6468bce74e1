// rawpx/extras: methods built on the primitives, kept apart from the
// loader, which most pages load without them. Importing it, before load(),
// adds them to the table of operations, so every image has them (and the
// pool, which imports it, splits them):
//
//   import 'rawpx/extras';
//   img.curves([[0, 0], [64, 50], [192, 210], [255, 255]]).duotone([20, 10, 80], [255, 210, 120]);
import { kinds, operations, table, WARP_FILTERS } from './rawpx.js';

const { must, isList, isNumber, integer, number, finite, bool, oneOf, bytes, OFFSET, BYTE } = kinds;

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

// 3×3 matrices, row-major: a·b, and the inverse.
const times = (a, b) => Array.from({ length: 9 }, (_, i) => [0, 1, 2].reduce((s, k) => s + a[3 * ((i / 3) | 0) + k] * b[3 * k + (i % 3)], 0));
function inverse(m) {
  const [a, b, c, d, e, f, g, h, i] = m;
  const co = [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
  const det = a * co[0] + b * co[3] + c * co[6];
  if (!Number.isFinite(1 / det) || det === 0) throw new RangeError('rawpx: the transform is singular (it flattens the image)');
  return co.map((v) => v / det);
}
// The homography taking each point of `from` to the same point of `to`
// (four [x, y] each): eight equations in h0..h7 (h8 = 1), by elimination.
function homography(from, to) {
  const rows = from.flatMap(([x, y], k) => {
    const [u, v] = to[k];
    return [[x, y, 1, 0, 0, 0, -x * u, -y * u, u], [0, 0, 0, x, y, 1, -x * v, -y * v, v]];
  });
  for (let c = 0; c < 8; c++) {
    const p = rows.slice(c).reduce((best, r, k) => (Math.abs(r[c]) > Math.abs(rows[best][c]) ? c + k : best), c);
    [rows[c], rows[p]] = [rows[p], rows[c]];
    if (Math.abs(rows[c][c]) < 1e-12) throw new RangeError('rawpx.perspective: three of the points are on one line');
    for (let r = 0; r < 8; r++) {
      if (r !== c) { const k = rows[r][c] / rows[c][c]; for (let j = c; j < 9; j++) rows[r][j] -= k * rows[c][j]; }
    }
  }
  return rows.map((r, c) => r[8] / r[c]).concat(1);
}
const quad = {
  check: (v) => must(isList(v) && v.length === 4 && Array.from(v).every((p) => isList(p) && p.length === 2 && Array.from(p).every(Number.isFinite)), TypeError, 'four [x, y] points'),
  ok: () => true,
};
const transform = {
  check: (v) => must(v != null && typeof v === 'object' && Object.values(v).flat().every(Number.isFinite), TypeError, '{ scale, rotate, translate, skew } of finite numbers'),
  ok: () => true,
};
// The output options every warp convenience takes, after its own.
const WARP_OPTIONS = [['width', OFFSET, 0], ['height', OFFSET, 0], ['filter', oneOf(Object.keys(WARP_FILTERS)), 'bilinear'], ['background', bytes(4), [0, 0, 0, 0]]];
const ALONE = 'maps output rows from anywhere in the source';
const RAD = Math.PI / 180;

// EXIF orientation 1..8 as the geometry that shows the image upright.
const ORIENT = [[], [], [['flipHorizontal']], [['rotate', 180]], [['flipVertical']], [['rotate', 90], ['flipHorizontal']], [['rotate', 90]], [['rotate', 90], ['flipVertical']], [['rotate', 270]]];

Object.assign(operations, {
  /** Erosion then dilation: removes specks smaller than the window. */
  open: { uses: 'erode', args: [['radius', integer(1, 1000)]], steps: (r) => [['erode', r], ['dilate', r]], method(r) { return this.erode(r).dilate(r); } },
  /** Dilation then erosion: fills gaps smaller than the window. */
  close: { uses: 'dilate', args: [['radius', integer(1, 1000)]], steps: (r) => [['dilate', r], ['erode', r]], method(r) { return this.dilate(r).erode(r); } },
  /**
   * Turns by any angle, clockwise, about the centre; with `expand` (the
   * default) the canvas grows to hold the whole turned image.
   */
  rotateBy: {
    uses: 'warp', options: 1, alone: ALONE,
    args: [['degrees', finite], ['expand', bool, true], ['background', bytes(4), [0, 0, 0, 0]], ['filter', oneOf(Object.keys(WARP_FILTERS)), 'bilinear']],
    method(degrees, { expand = true, background, filter } = {}) {
      const [c, s, w, h] = [Math.cos(degrees * RAD), Math.sin(degrees * RAD), this.width, this.height];
      const fit = (v) => Math.max(1, Math.ceil(v - 1e-9));
      const [W, H] = expand ? [fit(Math.abs(w * c) + Math.abs(h * s)), fit(Math.abs(w * s) + Math.abs(h * c))] : [w, h];
      // The output centre to the source centre, turned back.
      const m = [c, s, w / 2 - (c * W) / 2 - (s * H) / 2, -s, c, h / 2 + (s * W) / 2 - (c * H) / 2, 0, 0, 1];
      return this.warp(m, { width: W, height: H, background, filter });
    },
  },
  /**
   * An affine map of the source, about its top-left corner: scale (a number
   * or [sx, sy]), then skew ([x, y] degrees), rotate (degrees, clockwise),
   * translate ([x, y]); the output the source's size unless given.
   */
  affine: {
    uses: 'warp', options: 1, alone: ALONE, args: [['transform', transform], ...WARP_OPTIONS],
    method({ scale = 1, rotate = 0, translate = [0, 0], skew = [0, 0] }, output = {}) {
      const [sx, sy] = [scale].flat().concat([scale].flat()).slice(0, 2);
      const [c, s] = [Math.cos(rotate * RAD), Math.sin(rotate * RAD)];
      const forward = [translate, [c, -s, s, c], [1, Math.tan(skew[0] * RAD), Math.tan(skew[1] * RAD), 1], [sx, 0, 0, sy]]
        .map((m, i) => (i === 0 ? [1, 0, m[0], 0, 1, m[1], 0, 0, 1] : [m[0], m[1], 0, m[2], m[3], 0, 0, 0, 1]))
        .reduce(times);
      return this.warp(inverse(forward), output);
    },
  },
  /** The perspective that takes the four points `from` of the source to the four points `to` of the output. */
  perspective: {
    uses: 'warp', options: 2, alone: ALONE, args: [['from', quad], ['to', quad], ...WARP_OPTIONS],
    method(from, to, output = {}) { return this.warp(homography(to, from), output); },
  },
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
