// Compiled (not run) by `make test`: the loader's types accept real usage
// and reject misuse.
import { load, simdSupported, RawpxError, type RawpxImage } from '../../js/rawpx.js';

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
  // @ts-expect-error: sharpen takes an options object
  img.sharpen(1, 1, 0);
  // @ts-expect-error: blurs take a number
  img.gaussianBlur('2');
  // @ts-expect-error: not one of the filters
  img.resize(10, 10, 'lanczos');
  return [counts, view, status];
}
usage;
