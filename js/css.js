// rawpx/css: CSS `filter` strings for rawpx, for engines without Canvas2D's
// ctx.filter (Safari). Importing it, before load(), adds `filter` to the
// loader's table of operations, so every image has the method:
//
//   import 'rawpx/css';
//   img.filter('contrast(1.4) sepia(0.5) blur(2px) hue-rotate(90deg)');
//
// Kept apart from the loader, whose pages mostly don't parse CSS.
import { CSS_MATRIX, operations } from './rawpx.js';

// CSS Filter Effects 1 `filter` functions as 4×5 matrices (rows R, G, B, A;
// the last column an offset in 0..1): brightness multiplies, as CSS defines
// it (unlike rawpx's own brightness).
const scale = (k, offset = 0, alpha = 1) => [k, 0, 0, 0, offset, 0, k, 0, 0, offset, 0, 0, k, 0, offset, 0, 0, 0, alpha, 0];
const CSS = {
  brightness: (a = 1) => scale(a),
  contrast: (a = 1) => scale(a, 0.5 - 0.5 * a),
  grayscale: CSS_MATRIX.grayscale,
  invert: (a = 1) => scale(1 - 2 * Math.min(1, a), Math.min(1, a)),
  opacity: (a = 1) => scale(1, 0, Math.min(1, a)),
  saturate: CSS_MATRIX.saturate,
  sepia: CSS_MATRIX.sepia,
  'hue-rotate': CSS_MATRIX.hueRotate,
};
const ANGLE = { deg: Math.PI / 180, grad: Math.PI / 200, rad: 1, turn: 2 * Math.PI };

/**
 * A CSS `filter` value as steps: ['matrix', m] for each colour function,
 * ['blur', σ] for blur(σpx). Each function's result is clamped before the
 * next, as Chromium's ctx.filter does, so the matrices are not composed. A
 * SyntaxError names the token at fault.
 */
export function parseFilter(text) {
  const steps = [];
  const tokens = String(text).trim().match(/[a-z-]+\(\s*[^()]*?\s*\)|\S+/gi) ?? [];
  if (tokens.length === 1 && tokens[0] === 'none') return steps;
  for (const token of tokens) {
    const [, name, arg] = /^([a-z-]+)\(\s*([^()]*?)\s*\)$/i.exec(token) ?? [];
    const fail = (why) => { throw new SyntaxError(`rawpx.filter: ${why} in '${token}'`); };
    if (!name) fail('no filter function');
    if (name.toLowerCase() === 'drop-shadow') fail('drop-shadow needs compositing, which rawpx does not have yet');
    const [, number, unit = ''] = arg === '' ? [] : /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)$/i.exec(arg) ?? fail(`'${arg}' is no value`);
    const value = number === undefined ? undefined : Number(number);
    const lower = name.toLowerCase();
    if (lower === 'blur') {
      if (value !== undefined && (unit !== 'px' && !(value === 0 && unit === ''))) fail('blur takes a length in px');
      if (value < 0) fail('a negative blur');
      if (value) steps.push(['blur', value]);
    } else if (lower === 'hue-rotate') {
      if (value !== undefined && !(unit.toLowerCase() in ANGLE || (value === 0 && unit === ''))) fail('an angle needs its unit: deg, grad, rad or turn');
      steps.push(['matrix', CSS[lower](value === undefined ? 0 : value * (ANGLE[unit.toLowerCase()] ?? 0))]);
    } else if (CSS[lower]) {
      if (unit !== '' && unit !== '%') fail(`'${unit}' is no unit here`);
      if (value < 0) fail('a negative amount');
      steps.push(['matrix', CSS[lower](value === undefined ? undefined : unit === '%' ? value / 100 : value)]);
    } else fail(`no filter ${name}`);
  }
  return steps;
}

/**
 * A CSS `filter` value ('contrast(1.4) sepia(0.5) blur(2px)'): each
 * colour function as its matrix, and blur(σpx) as CSS blurs, against
 * transparent black past the edges.
 */
operations.filter = {
  uses: 'color_matrix',
  reach(text) {
    if (parseFilter(text).some(([kind]) => kind === 'blur')) throw new RangeError('rawpx pool: blur() in a filter blurs against the image\'s own edges; run it on one image');
    return 0;
  },
  method(text) {
    for (const [kind, v] of parseFilter(text)) kind === 'matrix' ? this.colorMatrix(v) : this.transparentEdges(Math.ceil(3 * v) + 1, () => this.gaussianBlur(v));
    return this;
  },
};
