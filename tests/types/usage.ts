// Compiled (not run) by `make test`: the loader's types accept real usage
// and reject misuse.
import { load, simdSupported, RawpxError, MODES, type RawpxImage } from '../../js/rawpx.js';
import { equalizeTable } from '../../js/extras.js';

async function usage(canvas: CanvasRenderingContext2D, bytes: Uint8Array) {
  const px = await load(simdSupported ? 'rawpx.wasm' : 'rawpx-nosimd.wasm');
  const again = await load({ simd: bytes, nosimd: bytes }, { simd: false });
  const img: RawpxImage = px.image(canvas.getImageData(0, 0, 10, 10));
  img.grayscale().brightness(20).contrast(1.2).gaussianBlur(2).boxBlur(3).sharpen({ sigma: 1, amount: 1 })
    .convolve([0, -1, 0, -1, 5, -1, 0, -1, 0], 0.5).resize(640, 360).resize(64, 36, 'bicubic').crop(1, 2, 30, 20)
    .rotate(90).flipHorizontal().flipVertical().sepia().saturate(1.5).hueRotate(90).gamma(2.2)
    .levels([0, 5, 10], 250, 0, 255, 1.1).autoLevels(0.01).colorMatrix(new Float32Array(20)).applyLut(new Uint8Array(1024))
    .premultiply().unpremultiply().invert();
  const counts: Uint32Array = img.histogram();
  const view: Uint8ClampedArray = img.view();
  const out = img.toImageData();
  canvas.putImageData(out, 0, 0);
  const status: number = again.exports.gaussian_blur(again.exports.alloc(400), 10, 10, 2);
  try { img.free(); } catch (e) { if (e instanceof RawpxError) console.log(e.code, e.fn); }
  {
    using scoped = px.image({ data: new Uint8ClampedArray(4), width: 1, height: 1 });
    scoped.invert();
  }
  const logo = px.image({ data: new Uint8ClampedArray(4), width: 1, height: 1 });
  img.composite(logo, { x: -3, y: 4, mode: 'soft-light', opacity: 0.5 }).composite(logo, { mode: MODES[3] })
    .hsl({ hue: 30 }).vibrance(0.5).shuffle('bgra').fill(1, 2, 3).pixelate(4).noise(10, { seed: 1, mono: true })
    .dither(4).dither(2, 'floyd-steinberg').opacity(0.5).posterize(4).threshold().curves([[0, 0], [255, 255]])
    .curves({ r: [[0, 0], [255, 255]], g: [[0, 0], [255, 255]], b: [[0, 0], [255, 255]] }).equalize()
    .tint([255, 0, 0]).duotone([0, 0, 0], [255, 255, 255]).orient(6).pad(1, 2, 3, 4, [0, 0, 0, 255]);
  const eq: Uint8Array = equalizeTable(counts, 100);
  // @ts-expect-error: not a canvas mode
  img.composite(logo, { mode: 'plus' });
  // @ts-expect-error: dither's methods are named
  img.dither(4, 1);
  // @ts-expect-error: sharpen takes an options object
  img.sharpen(1, 1, 0);
  // @ts-expect-error: blurs take a number
  img.gaussianBlur('2');
  // @ts-expect-error: not one of the filters
  img.resize(10, 10, 'lanczos');
  return [counts, view, status, eq];
}
usage;
