// The image and chain the Vite app runs, shared with the Node side of the test.
export const chain = [['gaussianBlur', 2], ['sharpen', { sigma: 1, amount: 1 }], ['brightness', 20], ['contrast', 1.2], ['rotate', 90], ['filter', 'sepia(0.5)']];

export const source = () => ({
  width: 64,
  height: 48,
  data: Uint8ClampedArray.from({ length: 64 * 48 * 4 }, (_, i) => (i % 4 === 3 ? 255 - (i % 7) : (i * 37 + (i >> 9)) & 255)),
});

// The same image with every alpha 255, for round trips through a canvas,
// which keeps its pixels premultiplied.
export const opaque = () => {
  const image = source();
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
};

// What the test workers do (tests/browser/offscreen-worker.js and the Vite
// app's worker.js), given `load()`'s promise: the chain on an opaque copy
// of the image, in through an OffscreenCanvas, out as pixels and a PNG; the
// message they post back (or the error).
export async function onCanvas(loading) {
  try {
    const px = await loading;
    const src = opaque();
    const ctx = new OffscreenCanvas(src.width, src.height).getContext('2d');
    ctx.putImageData(new ImageData(src.data, src.width, src.height), 0, 0);
    const img = px.fromCanvas(ctx);
    for (const [method, ...args] of chain) img[method](...args);
    const png = await img.toBlob();
    const out = img.toImageData();
    return { data: Array.from(out.data), width: out.width, height: out.height, type: png.type };
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
}
