// The loader's table of operations against the module and the types: every
// export has a table entry, a method and a declaration, every entry has its
// export, and the table's ranges are the module's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, operations, STATUS } from '../../js/rawpx.js';

const wasm = await readFile(new URL('../../dist/rawpx.wasm', import.meta.url));
const dts = await readFile(new URL('../../js/rawpx.d.ts', import.meta.url), 'utf8');
const px = await load(wasm);
const exported = Object.keys(px.exports).filter((name) => !['memory', 'alloc', 'free'].includes(name));
// The members an interface of rawpx.d.ts declares.
const members = (name) => {
  const body = dts.slice(dts.indexOf(`export interface ${name} {`)).split('\n}\n')[0];
  return [...body.matchAll(/^ {2}(?:readonly )?(\w+)[(?:]/gm)].map((m) => m[1]);
};

test('every export has a table entry, a method and a declaration; every entry has its export', () => {
  const entries = Object.entries(operations);
  for (const fn of exported) assert.ok(entries.some(([, op]) => op.fn === fn), `${fn} has no entry in operations`);
  for (const [method, op] of entries) assert.ok(exported.includes(op.fn || op.uses), `${method}: no export ${op.fn || op.uses}`);
  const img = px.image({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
  const declared = members('RawpxImage');
  for (const method of Object.keys(operations)) {
    assert.equal(typeof img[method], 'function', `the image has no method ${method}`);
    assert.ok(declared.includes(method), `rawpx.d.ts declares no ${method}`);
  }
  const own = ['width', 'height', 'view', 'toImageData', 'toCanvas', 'toBlob', 'free'];
  for (const member of declared) assert.ok(member in operations || own.includes(member), `rawpx.d.ts declares ${member}, which is no method`);
  assert.deepEqual(members('RawpxExports').sort(), [...exported, 'memory', 'alloc', 'free'].sort(), 'RawpxExports declares each export');
  img.free();
});

test('rawpx/extras adds its methods to the table, each declared in extras.d.ts with its export', async () => {
  const before = new Set(Object.keys(operations));
  await import('../../js/extras.js');
  const added = Object.keys(operations).filter((m) => !before.has(m));
  const ext = await readFile(new URL('../../js/extras.d.ts', import.meta.url), 'utf8');
  const declared = [...ext.matchAll(/^ {4}(\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(added.sort(), declared.sort());
  for (const m of added) assert.ok(exported.includes(operations[m].uses), `${m}: no export ${operations[m].uses}`);
  const img = (await load(wasm)).image({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
  for (const m of added) assert.equal(typeof img[m], 'function', `the image has no method ${m}`);
});

// The nearest f32 above and below x.
const f32 = new Float32Array(1), bits = new Uint32Array(f32.buffer);
const step = (x, up) => { f32[0] = x; if (x === 0) return up ? 1.4e-45 : -1.4e-45; bits[0] += (x > 0) === up ? 1 : -1; return f32[0]; };

test('the table\'s ranges are the module\'s own, at both ends', () => {
  const image = px.exports.alloc(4 * 4 * 4);
  let checked = 0;
  for (const [method, op] of Object.entries(operations)) {
    const args = op.args || [];
    // pack: the arguments are not the export's (fill's four bytes are one u32).
    if (!op.fn || op.into || op.pack || !args.length || !args.every(([, kind]) => 'lo' in kind)) continue;
    const inside = args.map(([, kind, value]) => value ?? (kind.above ? kind.hi : kind.lo));
    const call = (values) => px.exports[op.fn](image, 4, 4, ...values);
    assert.equal(call(inside), 0, `${method}(${inside})`);
    args.forEach(([name, kind], i) => {
      const at = (v) => inside.map((x, k) => (k === i ? v : x));
      const [below, above] = kind.integer ? [kind.lo - 1, kind.hi + 1] : [kind.above ? kind.lo : step(kind.lo, false), step(kind.hi, true)];
      for (const v of [kind.above ? step(kind.lo, true) : kind.lo, kind.hi]) assert.equal(call(at(v)), 0, `${method}: ${name} ${v} is inside`);
      for (const v of [below, above]) {
        assert.equal(call(at(v)), -1, `${method}: the module takes ${name} ${v}, outside the table's ${kind.range}`);
        assert.ok(!kind.ok(v), `${method}: the table takes ${name} ${v}`);
      }
      checked++;
    });
  }
  assert.ok(checked >= 7, `${checked} ranges checked`);
});

test('a module of some groups only offers the rest as "not in this build"', async () => {
  const only = await load(await readFile(new URL('../../dist/rawpx-only-point.wasm', import.meta.url)));
  assert.equal(only.exports.resize, undefined);
  const img = only.image({ width: 2, height: 1, data: Uint8ClampedArray.of(10, 20, 30, 255, 200, 100, 0, 255) });
  assert.deepEqual([...img.invert().brightness(5).toImageData().data], [250, 240, 230, 255, 60, 160, 255, 255]);
  assert.throws(() => img.resize(4, 4), { name: 'TypeError', message: 'rawpx.resize is not in this build' });
  assert.throws(() => img.gaussianBlur(2), { name: 'TypeError', message: 'rawpx.gaussian_blur is not in this build' });
  assert.throws(() => img.sepia(), { name: 'TypeError', message: 'rawpx.color_matrix is not in this build' });
  assert.equal(img.autoLevels().width, 2, 'built on apply_lut and histogram, both in the point group');
  img.free();
});

test('the loader\'s status codes are the module\'s (src/status.rs)', async () => {
  const rust = await readFile(new URL('../../src/status.rs', import.meta.url), 'utf8');
  const codes = Object.fromEntries([...rust.matchAll(/^\s+(\w+) = (-\d+),$/gm)].map(([, name, code]) => [code, name.replace(/(?<=.)([A-Z])/g, ' $1').toLowerCase()]));
  assert.deepEqual(codes, STATUS);
});
