// Loaded in the page by the Chromium tests: rawpx's pixels against
// Chromium's own Canvas2D, compared as canvases keep them.

/** The largest and the mean difference of two RGBA images, colour premultiplied by alpha. */
export function premultipliedDifference(got, want) {
  let max = 0, sum = 0;
  for (let i = 0; i < got.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      const pm = (v, a) => (c === 3 ? v : Math.round((v * a) / 255));
      const d = Math.abs(pm(got[i + c], got[i + 3]) - pm(want[i + c], want[i + 3]));
      max = Math.max(max, d);
      sum += d;
    }
  }
  return { max, mean: sum / got.length };
}

/** Each CSS filter value on the w×h `data`, by `img.filter()` and by `ctx.filter`: { value, max, mean }. */
export async function againstCtxFilter(data, w, h, values) {
  const { load } = await import('/js/rawpx.js');
  await import('/js/css.js');
  const px = await load('/dist/rawpx.wasm');
  const source = new OffscreenCanvas(w, h);
  source.getContext('2d').putImageData(new ImageData(data, w, h), 0, 0);
  return values.map((value) => {
    const ctx = new OffscreenCanvas(w, h).getContext('2d');
    ctx.filter = value;
    ctx.drawImage(source, 0, 0);
    const want = ctx.getImageData(0, 0, w, h).data;
    const img = px.image(new ImageData(data.slice(), w, h)).filter(value);
    const got = img.toImageData().data;
    img.free();
    return { value, ...premultipliedDifference(got, want) };
  });
}
