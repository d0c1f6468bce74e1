// rawpx/css: CSS `filter` strings for rawpx, for engines without Canvas2D's
// ctx.filter (Safari). Importing it, before load(), adds `filter` to the
// loader's table of operations, so every image has the method:
//
//   import 'rawpx/css';
//   img.filter('contrast(1.4) sepia(0.5) blur(2px) hue-rotate(90deg)');
//
// Kept apart from the loader, whose pages mostly don't parse CSS.
import { CSS_MATRIX, operations } from './rawpx.js';

// CSS Filter Effects 1 `filter` functions as Chromium runs them. Blink
// makes brightness, contrast, invert and opacity feComponentTransfer
// tables: 256 bytes per channel, each value computed in f32 (linear) or
// f64 (two-value table) and truncated. brightness multiplies, as CSS
// defines it (unlike rawpx's own brightness). The others are 4×5 matrices
// (rows R, G, B, A; the last column an offset in 0..1).
const f = Math.fround;
const bytes = (value) => Array.from({ length: 256 }, (_, i) => Math.trunc(Math.min(255, Math.max(0, value(i)))));
const linear = (slope, intercept) => bytes((i) => f(f(f(slope) * i) + f(255 * f(intercept))));
// feFuncX type="table" tableValues="from to".
const twoValues = (from, to) => bytes((i) => (i < 255 ? 255 * (f(from) + (i / 255) * (f(to) - f(from))) : 255 * f(to)));
const ramp = bytes((i) => i);
const colours = (table) => ['lut', [...table, ...table, ...table, ...ramp]];
const CSS = {
  brightness: (a = 1) => colours(linear(a, 0)),
  contrast: (a = 1) => colours(linear(a, -0.5 * a + 0.5)),
  grayscale: (a) => ['matrix', CSS_MATRIX.grayscale(a)],
  invert: (a = 1) => colours(twoValues(Math.min(1, a), 1 - Math.min(1, a))),
  opacity: (a = 1) => ['lut', [...ramp, ...ramp, ...ramp, ...twoValues(0, Math.min(1, a))]],
  saturate: (a) => ['matrix', CSS_MATRIX.saturate(a)],
  sepia: (a) => ['matrix', CSS_MATRIX.sepia(a)],
  'hue-rotate': (a) => ['matrix', CSS_MATRIX.hueRotate(a)],
};
const ANGLE = { deg: Math.PI / 180, grad: Math.PI / 200, rad: 1, turn: 2 * Math.PI };
const NAMED = { black: [0, 0, 0, 1], white: [255, 255, 255, 1], transparent: [0, 0, 0, 0], red: [255, 0, 0, 1], green: [0, 128, 0, 1], blue: [0, 0, 255, 1], gray: [128, 128, 128, 1], grey: [128, 128, 128, 1] };

// A CSS colour as [r, g, b, alpha in 0..1]: hex (#rgb, #rgba, #rrggbb,
// #rrggbbaa), rgb()/rgba() with numbers or percentages, and a few names.
function colour(text, fail) {
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : hex.match(/../g);
    const [r, g, b, a = 255] = digits.map((d) => parseInt(d, 16));
    return [r, g, b, a / 255];
  }
  const fn = /^rgba?\(\s*([^()]*?)\s*\)$/i.exec(text)?.[1];
  if (fn) {
    const parts = fn.split(/\s*[,/]\s*|\s+/);
    if (parts.length < 3 || parts.length > 4) fail(`'${text}' is no colour`);
    const value = (p, full) => { const v = parseFloat(p); if (!/^[+-]?(\d+\.?\d*|\.\d+)%?$/.test(p)) fail(`'${text}' is no colour`); return p.endsWith('%') ? (v / 100) * full : v; };
    const [r, g, b] = parts.slice(0, 3).map((p) => Math.round(Math.min(255, Math.max(0, value(p, 255)))));
    return [r, g, b, parts[3] === undefined ? 1 : Math.min(1, Math.max(0, value(parts[3], 1)))];
  }
  return NAMED[text.toLowerCase()] ?? fail(`'${text}' is no colour rawpx knows (hex, rgb(), rgba(), ${Object.keys(NAMED).join(', ')})`);
}

// drop-shadow(<dx> <dy> <blur>? <colour>?), the colour first or last
// (offsets rounded to whole pixels);
// lengths in px; the colour black when not given (canvas' currentcolor).
function dropShadow(arg, fail) {
  const parts = arg.match(/[a-z]+\([^()]*\)|[^\s()]+/gi) ?? [];
  const isLength = (p) => /^[+-]?(\d+\.?\d*|\.\d+)(px)?$/i.test(p) && (/px$/i.test(p) || parseFloat(p) === 0);
  const lengths = parts.filter(isLength), others = parts.filter((p) => !isLength(p));
  if (lengths.length < 2 || lengths.length > 3 || others.length > 1) fail('drop-shadow takes two or three lengths in px and a colour');
  const [dx, dy, blur = 0] = lengths.map(parseFloat);
  if (blur < 0) fail('a negative blur');
  return ['shadow', Math.round(dx), Math.round(dy), blur, others.length ? colour(others[0], fail) : NAMED.black];
}

/**
 * A CSS `filter` value as steps: ['matrix', m] or ['lut', 1024 bytes] for
 * each colour function, ['blur', σ] for blur(σpx), ['shadow', …] for
 * drop-shadow(). Each function's result is clamped before the next, as
 * Chromium's ctx.filter does, so the matrices are not multiplied into one;
 * `filter` runs consecutive ones as one colorMatrices pass, rounded once
 * (a table rounds its input anyway). A SyntaxError names the token at fault.
 */
export function parseFilter(text) {
  const steps = [];
  const tokens = String(text).trim().match(/[a-z-]+\((?:[^()]|\([^()]*\))*\)|\S+/gi) ?? [];
  if (tokens.length === 1 && tokens[0] === 'none') return steps;
  for (const token of tokens) {
    const [, name, arg] = /^([a-z-]+)\(\s*((?:[^()]|\([^()]*\))*?)\s*\)$/i.exec(token) ?? [];
    const fail = (why) => { throw new SyntaxError(`rawpx.filter: ${why} in '${token}'`); };
    if (!name) fail('no filter function');
    if (name.toLowerCase() === 'drop-shadow') {
      steps.push(dropShadow(arg, fail));
      continue;
    }
    const [, number, unit = ''] = arg === '' ? [] : /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)$/i.exec(arg) ?? fail(`'${arg}' is no value`);
    const value = number === undefined ? undefined : Number(number);
    const lower = name.toLowerCase();
    if (lower === 'blur') {
      if (value !== undefined && (unit !== 'px' && !(value === 0 && unit === ''))) fail('blur takes a length in px');
      if (value < 0) fail('a negative blur');
      if (value) steps.push(['blur', value]);
    } else if (lower === 'hue-rotate') {
      if (value !== undefined && !(unit.toLowerCase() in ANGLE || (value === 0 && unit === ''))) fail('an angle needs its unit: deg, grad, rad or turn');
      steps.push(CSS[lower](value === undefined ? 0 : value * (ANGLE[unit.toLowerCase()] ?? 0)));
    } else if (CSS[lower]) {
      if (unit !== '' && unit !== '%') fail(`'${unit}' is no unit here`);
      if (value < 0) fail('a negative amount');
      steps.push(CSS[lower](value === undefined ? undefined : unit === '%' ? value / 100 : value));
    } else fail(`no filter ${name}`);
  }
  return steps;
}

/**
 * A CSS `filter` value ('contrast(1.4) sepia(0.5) blur(2px)'): each
 * colour function as Chromium runs it (a matrix or a table), and blur(σpx)
 * as browsers blur, against transparent black past the edges.
 */
operations.filter = {
  uses: 'color_matrices',
  reach(text) {
    if (parseFilter(text).some(([kind]) => kind !== 'matrix' && kind !== 'lut')) throw new RangeError('rawpx pool: blur() and drop-shadow() in a filter reach the image\'s own edges; run it on one image');
    return 0;
  },
  method(text) {
    // As browsers blur: Filter Effects' three boxes, transparent black past
    // the edges (Chromium's bytes up to σ = 135, past which it refuses).
    const blur = (img, v) => img.tripleBoxBlur(v, 'transparent');
    // Consecutive colour functions (8 at a time): clamped between, rounded once.
    const run = [];
    const steps = parseFilter(text);
    for (const [i, [kind, v, ...rest]] of steps.entries()) {
      if (kind === 'matrix') {
        run.push(v);
        if (run.length === 8 || steps[i + 1]?.[0] !== 'matrix') this.colorMatrices(run.splice(0));
      } else if (kind === 'lut') this.applyLut(v);
      else if (kind === 'blur') blur(this, v);
      else {
        // The image's alpha in the shadow's colour, blurred as blur() of
        // the radius (σ = the radius, as Chromium's ctx.filter does), drawn
        // beneath the image at the offset.
        const [dy, radius, [r, g, b, a]] = rest;
        const shadow = new this.constructor({ data: this.view().slice(), width: this.width, height: this.height });
        try {
          shadow.colorMatrix([0, 0, 0, 0, r / 255, 0, 0, 0, 0, g / 255, 0, 0, 0, 0, b / 255, 0, 0, 0, a, 0]);
          // Blurred past the image's edges too, as far as the offset brings
          // that into view.
          let [mx, my] = [0, 0];
          if (radius) {
            [mx, my] = [Math.abs(v), Math.abs(dy)];
            shadow.grow(this.width + 2 * mx, this.height + 2 * my, mx, my, [0, 0, 0, 0], 'filter');
            blur(shadow, radius);
          }
          this.composite(shadow, { x: v - mx, y: dy - my, mode: 'destination-over' });
        } finally {
          shadow.free();
        }
      }
    }
    return this;
  },
};
