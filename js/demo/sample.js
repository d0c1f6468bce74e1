// The demo's built-in image, the same bytes wherever it is made (the page,
// the tests): soft light, stripes, a disc with a soft transparent rim, noise.
export function sample(width = 640, height = 400) {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  const noise = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 27) - 16;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4, u = x / width, v = y / height;
      const stripe = (x >> 4) % 2 ? 40 : 0;
      const d = Math.hypot(x - width * 0.65, y - height * 0.5) / (height * 0.3);
      data[i] = 230 * (1 - v) + stripe + noise();
      data[i + 1] = 200 * u + (d < 1 ? 50 : 0) + noise();
      data[i + 2] = 160 * v + 60 * Math.sin(u * 12) + noise();
      data[i + 3] = d < 1.2 ? 255 : d < 1.4 ? 255 * (1.4 - d) / 0.2 : 255;
    }
  }
  return { data, width, height };
}
