// The demo in a real browser: Debian's Chromium, driven by playwright-core,
// loads the page from a local server (instantiateStreaming, no fallback),
// clicks through filters, and runs a chain and the worker pool whose
// pixels must equal what Node computes; a screenshot goes to tests/out/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { testOffscreenWorker } from './offscreen.mjs';
import { load } from '../../js/rawpx.js';
import '../../js/extras.js';
import { sample } from '../../js/demo/sample.js';

const root = new URL('../..', import.meta.url).pathname;
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/js/demo/`;
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rawpx-chromium-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1400, height: 1000 },
});
after(async () => { await browser.close(); server.close(); });

async function openDemo() {
  const page = await browser.newPage();
  const console = [];
  page.on('console', (m) => console.push(m.text()));
  page.on('pageerror', (e) => console.push('pageerror: ' + e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.demo, null, { timeout: 30_000 });
  return { page, console };
}

// The same chain in Node, on the same built-in image.
async function nodeResult(chain) {
  const px = await load(readFileSync(join(root, 'dist/rawpx.wasm')));
  const img = px.image(sample());
  for (const [method, ...args] of chain) img[method](...args);
  return Array.from(img.toImageData().data);
}

test('the demo loads by streaming, and a chain gives the pixels Node gives', async () => {
  const { page, console } = await openDemo();
  assert.match(await page.textContent('#status'), /ready: SIMD128/);
  assert.ok(!console.some((m) => /compiling from bytes|error/i.test(m)), console.join('\n'));
  await page.evaluate(() => {
    window.demo.apply('gaussian blur', 2.5);
    window.demo.apply('sharpen', 1, 1.5, 2);
    window.demo.apply('edges 3×3', 10);
    window.demo.apply('sepia', 0.7);
    window.demo.apply('box blur', 3);
  });
  const want = await nodeResult([['gaussianBlur', 2.5], ['sharpen', { sigma: 1, amount: 1.5, threshold: 2 }], ['convolve', [-1, -1, -1, -1, 8, -1, -1, -1, -1], 10], ['sepia', 0.7], ['boxBlur', 3]]);
  assert.deepEqual(await page.evaluate(() => window.demo.pixels()), want);
  await page.close();
});

test('the demo\'s compositing, colour, rank, warp and linear-light filters give the pixels Node gives', async () => {
  const { page, console } = await openDemo();
  await page.evaluate(() => {
    window.demo.apply('hsl', 40, 1.3, 0.05);
    window.demo.apply('vibrance', 0.6);
    window.demo.apply('curves (S)', 20);
    window.demo.apply('composite a copy', 9, 0.7);
    window.demo.apply('noise', 20, 1);
    window.demo.apply('dither', 3, 1);
    window.demo.apply('pad', 5);
    window.demo.apply('median', 2);
    window.demo.apply('sobel', 1.5);
    window.demo.apply('rotate by', 20, 1);
    window.demo.apply('perspective', 0.1);
    window.demo.apply('resize in linear light', 0.7);
    window.demo.apply('blur in linear light', 1.5);
  });
  const { width, height } = sample();
  const px = await load(readFileSync(join(root, 'dist/rawpx.wasm')));
  const img = px.image(sample()), copy = px.image(sample()).resize(width >> 1, height >> 1);
  img.hsl({ hue: 40, saturation: 1.3, lightness: 0.05 }).vibrance(0.6).curves([[0, 0], [64, 44], [192, 212], [255, 255]])
    .composite(copy, { x: (width - copy.width) >> 1, y: (height - copy.height) >> 1, mode: 'soft-light', opacity: 0.7 })
    .noise(20, { seed: 7, mono: true }).dither(3, 'floyd-steinberg').pad(5, 5, 5, 5, [255, 255, 255, 255])
    .median(2).sobel(1.5).rotateBy(20, { expand: true, filter: 'bicubic' });
  const [w, h] = [img.width, img.height];
  img.perspective([[0, 0], [w, 0], [w, h], [0, h]], [[w * 0.1, 0], [w * 0.9, 0], [w, h], [0, h]])
    .resize(Math.round(img.width * 0.7), Math.round(img.height * 0.7), 'lanczos3', { linear: true }).gaussianBlur(1.5, { linear: true });
  assert.deepEqual(await page.evaluate(() => window.demo.pixels()), Array.from(img.toImageData().data));
  assert.ok(!console.some((m) => /error/i.test(m)), console.join('\n'));
  await page.close();
});

test('a person clicks filters and opens a file: the after canvas changes and each time is logged', async () => {
  const { page, console } = await openDemo();
  const canvasPixels = () => page.evaluate(() => Array.from(document.getElementById('after').getContext('2d').getImageData(0, 0, 64, 64).data));
  const before = await canvasPixels();
  await page.click('#f-gaussianblur');
  await page.click('#f-grayscale');
  await page.fill('#workers', '2');
  await page.click('#pool');
  await page.waitForFunction(() => /workers/.test(document.getElementById('log').textContent));
  const log = await page.textContent('#log');
  assert.match(log, /gaussian blur\(2\): [\d.]+ ms in Wasm memory/);
  assert.match(log, /grayscale\(\): [\d.]+ ms/);
  assert.match(log, /gaussian blur\(2\) on 2 workers: [\d.]+ ms/);
  assert.notDeepEqual(await canvasPixels(), before);
  mkdirSync(join(root, 'tests/out'), { recursive: true });
  const shot = join(root, 'tests/out/demo.png');
  await page.screenshot({ path: shot, fullPage: true });
  // Open that screenshot as the image: both canvases take its size.
  await page.setInputFiles('#file', shot);
  await page.waitForFunction(() => document.getElementById('before').width === 1400);
  await page.click('#f-invert');
  assert.match(await page.textContent('#log'), /invert\(\): [\d.]+ ms in Wasm memory, 1400×\d+/);
  assert.ok(!console.some((m) => /error/i.test(m)), console.join('\n'));
  await page.close();
});

test('the worker pool in the page gives the single-thread pixels', async () => {
  const { page } = await openDemo();
  for (const workers of [1, 2, 3]) {
    await page.evaluate(async (n) => { window.demo.reset(); window.demo.apply('brightness', 20); await window.demo.pooled(2, n); }, workers);
    assert.deepEqual(await page.evaluate(() => window.demo.pixels()), await nodeResult([['brightness', 20], ['gaussianBlur', 2]]), `${workers} workers`);
  }
  await page.close();
});

test('the platform\'s image types in and out: ImageData, canvas, OffscreenCanvas, ImageBitmap, PNG and JPEG blobs', async () => {
  const { page, console } = await openDemo();
  const [w, h] = [37, 23];
  // Opaque, so a canvas (premultiplied inside) keeps every byte.
  const data = Array.from({ length: w * h * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 37 + 11) & 255));
  const got = await page.evaluate(async ({ w, h, data }) => {
    const { load } = await import('/js/rawpx.js');
    const px = await load('/dist/rawpx.wasm');
    const imageData = new ImageData(Uint8ClampedArray.from(data), w, h);
    const chain = (img) => img.gaussianBlur(1.5).contrast(1.3).rotate(90);
    const pixels = (img) => { const out = img.toImageData(); img.free(); return { data: Array.from(out.data), size: [out.width, out.height], kind: out.constructor.name }; };
    const element = document.createElement('canvas').getContext('2d');
    Object.assign(element.canvas, { width: w, height: h });
    element.putImageData(imageData, 0, 0);
    const offscreen = new OffscreenCanvas(w, h).getContext('2d');
    offscreen.putImageData(imageData, 0, 0);
    const drawn = chain(px.fromCanvas(element)).toCanvas(element);
    const png = await px.fromImageData(imageData).toBlob();
    const jpeg = await px.fromImageData(imageData).toBlob('image/jpeg', 0.9);
    const decoded = await createImageBitmap(jpeg);
    return {
      imageData: pixels(chain(px.fromImageData(imageData))),
      canvas: { data: Array.from(drawn.getImageData(0, 0, drawn.canvas.width, drawn.canvas.height).data), size: [drawn.canvas.width, drawn.canvas.height] },
      offscreen: pixels(chain(px.fromCanvas(offscreen))),
      bitmap: pixels(chain(px.fromImageBitmap(await createImageBitmap(imageData)))),
      png: pixels(chain(await px.fromBlob(png))),
      types: [png.type, jpeg.type, decoded.width, decoded.height],
    };
  }, { w, h, data });
  const px = await load(readFileSync(join(root, 'dist/rawpx.wasm')));
  const img = px.image({ width: w, height: h, data: Uint8ClampedArray.from(data) }).gaussianBlur(1.5).contrast(1.3).rotate(90);
  const want = Array.from(img.toImageData().data);
  assert.deepEqual(got.imageData, { data: want, size: [h, w], kind: 'ImageData' });
  for (const way of ['offscreen', 'bitmap', 'png']) assert.deepEqual(got[way], got.imageData, way);
  assert.deepEqual(got.canvas, { data: want, size: [h, w] }, 'toCanvas sizes the canvas and draws the pixels');
  assert.deepEqual(got.types, ['image/png', 'image/jpeg', w, h]);
  assert.ok(!console.some((m) => /error/i.test(m)), console.join('\n'));
  await page.close();
});

test('img.filter() against Chromium\'s ctx.filter, function by function', async () => {
  const { page } = await openDemo();
  const values = [
    'brightness(1.3)', 'brightness(40%)', 'contrast(1.4)', 'contrast(0.5)', 'grayscale(1)', 'grayscale(35%)', 'sepia(0.5)', 'sepia(1)',
    'saturate(2.5)', 'saturate(20%)', 'hue-rotate(90deg)', 'hue-rotate(-0.5turn)', 'invert(1)', 'invert(0.3)', 'opacity(0.6)', 'opacity(0.5)',
    'contrast(1.4) sepia(0.5)', 'brightness(1.2) saturate(1.5) hue-rotate(45deg)', 'blur(0.5px)', 'blur(1px)', 'blur(2px)', 'blur(5px)', 'blur(12.5px)', 'contrast(1.4) sepia(0.5) blur(2px) hue-rotate(90deg)',
  ];
  const rows = await page.evaluate(async (values) => {
    const { againstCtxFilter } = await import('/tests/browser/against-chromium.js');
    const [w, h] = [160, 120];
    // Photo-like and opaque: smooth shading, a hard edge, texture.
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = 4 * (y * w + x), edge = x > 90 && y > 40 ? 80 : 0;
      data.set([(x * 1.5 + edge) & 255, (y * 2 + ((x * y) % 23)) & 255, (128 + 100 * Math.sin(x / 9) * Math.cos(y / 13)) | 0, 255], i);
    }
    return againstCtxFilter(data, w, h, values);
  }, values);
  for (const { value, max, mean } of rows) console.log(`filter ${value.padEnd(52)} max ${String(max).padStart(3)}  mean ${mean.toFixed(3)}`);
  // Colour functions, one or chained: within 1 (Blink's tables, brightness,
  // contrast, invert and opacity, equal). blur(): Filter Effects' three
  // boxes as Skia runs them, Chromium's bytes; after colour functions,
  // their difference spread by the blur.
  for (const { value, max } of rows) {
    const bound = /^blur\([\d.]+px\)$/.test(value) ? 0 : /blur/.test(value) ? 2 : /^(brightness|contrast|invert|opacity)\([^)]*\)$/.test(value) ? 0 : 1;
    assert.ok(max <= bound, `${value}: ${max} from Chromium's ctx.filter`);
  }
  const parse = await page.evaluate(async () => {
    const { parseFilter } = await import('/js/css.js');
    return ['contrast(x)', 'blur(2em)', 'drop-shadow(1px 1px red)', 'hue-rotate(3)', 'glow(1)'].map((v) => { try { parseFilter(v); return 'parsed'; } catch (e) { return `${e.name}: ${e.message}`; } });
  });
  assert.deepEqual(parse, [
    "SyntaxError: rawpx.filter: 'x' is no value in 'contrast(x)'",
    "SyntaxError: rawpx.filter: blur takes a length in px in 'blur(2em)'",
    'parsed',
    "SyntaxError: rawpx.filter: an angle needs its unit: deg, grad, rad or turn in 'hue-rotate(3)'",
    "SyntaxError: rawpx.filter: no filter glow in 'glow(1)'",
  ]);
  await page.close();
});

test('composite against Chromium\'s globalCompositeOperation, mode by mode, on images with alpha', async () => {
  const { page } = await openDemo();
  const rows = await page.evaluate(async () => {
    const { load, MODES } = await import('/js/rawpx.js');
    const { premultipliedDifference } = await import('/tests/browser/against-chromium.js');
    const px = await load('/dist/rawpx.wasm');
    // Two images with every kind of alpha: opaque, clear, ramps.
    const image = (w, h, seed) => {
      const data = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const i = 4 * (y * w + x);
        data.set([(x * 3 + seed) & 255, (y * 5 + seed * 7) & 255, ((x ^ y) * 9) & 255, [255, 0, (x * 11 + y * 3) & 255, 128][(x >> 3) % 4]], i);
      }
      return new ImageData(data, w, h);
    };
    const [dst, src] = [image(96, 64, 1), image(70, 50, 40)];
    const [x, y, opacity] = [20, 10, 0.8];
    const canvasOf = (data) => { const c = new OffscreenCanvas(data.width, data.height); c.getContext('2d').putImageData(data, 0, 0); return c; };
    const source = canvasOf(src);
    return MODES.map((mode) => {
      const ctx = canvasOf(dst).getContext('2d');
      ctx.globalCompositeOperation = mode;
      ctx.globalAlpha = opacity;
      ctx.drawImage(source, x, y);
      const want = ctx.getImageData(x, y, src.width, src.height).data;
      const a = px.image(new ImageData(dst.data.slice(), dst.width, dst.height)), b = px.image(src);
      a.composite(b, { x, y, mode, opacity }).crop(x, y, src.width, src.height);
      const got = a.toImageData().data;
      a.free(); b.free();
      // Premultiplied, as the canvas keeps them, over the overlap.
      return { mode, ...premultipliedDifference(got, want) };
    });
  });
  for (const { mode, max, mean } of rows) console.log(`composite ${mode.padEnd(17)} max ${String(max).padStart(3)}  mean ${mean.toFixed(3)}`);
  // Chromium composites in 8-bit premultiplied steps, so it is a witness,
  // not the reference (SPEC's formula is; the host tests hold rawpx to it).
  // Dodge and burn divide by 1 − Cs or Cs, which magnifies those steps.
  for (const { mode, max } of rows) assert.ok(max <= (/dodge|burn/.test(mode) ? 12 : 3), `${mode}: ${max} from Chromium`);
  await page.close();
});

test('blur() and drop-shadow() against Chromium\'s ctx.filter, on an image with transparent parts', async () => {
  const { page } = await openDemo();
  const values = ['blur(3px)', 'blur(40px)', 'drop-shadow(4px 3px red)', 'drop-shadow(-5px 2px 0 rgba(0, 0, 255, 0.5))', 'drop-shadow(3px 6px 4px #000)', 'drop-shadow(2px 2px 10px rgb(0 128 0))', 'sepia(0.5) drop-shadow(-2px -3px 2px black) contrast(1.2)'];
  const rows = await page.evaluate(async (values) => {
    const { againstCtxFilter } = await import('/tests/browser/against-chromium.js');
    const [w, h] = [120, 90];
    // A disc and a bar on transparent black.
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const disc = Math.hypot(x - 50, y - 45) < 25, bar = x > 85 && x < 100 && y > 10 && y < 80;
      if (disc || bar) data.set([(x * 2) & 255, (y * 3) & 255, 200, disc ? 255 : 180], 4 * (y * w + x));
    }
    return againstCtxFilter(data, w, h, values);
  }, values);
  for (const { value, max, mean } of rows) console.log(`filter ${value.padEnd(56)} max ${String(max).padStart(3)}  mean ${mean.toFixed(3)}`);
  // blur() on alpha: Chromium's bytes. Shadows: within 2 (Chromium rounds
  // premultiplied when it composites), 3 between colour functions.
  for (const { value, max } of rows) {
    assert.ok(max <= (/^blur/.test(value) ? 0 : /sepia/.test(value) ? 3 : 2), `${value}: max ${max} from Chromium's ctx.filter`);
  }
  await page.close();
});

testOffscreenWorker('Chromium', browser, server);
