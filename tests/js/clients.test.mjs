// The package in the runtimes it promises: Node, Deno and Bun load the
// package's own module with a bare load() and give Node's bytes; and the
// package guards itself (prepack, the worker outside a worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '../../js/rawpx.js';

const root = new URL('../..', import.meta.url).pathname;
const chain = join(root, 'tests/js/fixtures/chain.mjs');
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', cwd: root }));

test('load() with no argument reads the package\'s module under Node; a missing file says which', async () => {
  const [simd, scalar] = [await load(), await load(undefined, { simd: false })];
  assert.notEqual(simd.exports, scalar.exports);
  assert.equal(typeof scalar.exports.invert, 'function');
  await assert.rejects(load(new URL('file:///nowhere/rawpx.wasm')), { message: /^rawpx\.load: cannot read file:\/\/\/nowhere\/rawpx\.wasm \(ENOENT/ });
});

test('Deno and Bun run the default load() and a chain with Node\'s bytes', () => {
  const node = run(process.execPath, [chain]);
  assert.equal(node.data.length, 5 * 8 * 4);
  assert.deepEqual(run(bin('deno'), ['run', '--allow-read', chain]), node, 'Deno');
  assert.deepEqual(run(bin('bun'), [chain]), node, 'Bun');
});

test('npm pack refuses a clone whose modules are not built', () => {
  const empty = mkdtempSync(join(tmpdir(), 'rawpx-unbuilt-'));
  const out = spawnSync(process.execPath, [join(root, 'scripts/prepack.mjs'), empty], { encoding: 'utf8' });
  assert.equal(out.status, 1);
  assert.match(out.stderr, /dist\/rawpx\.wasm is missing; run `make` before packing/);
});

test('rawpx/worker outside a worker says how to start it', () => {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', `import ${JSON.stringify(join(root, 'js/worker.js'))}`], { encoding: 'utf8' });
  assert.notEqual(out.status, 0);
  assert.match(out.stderr, /rawpx\/worker runs inside a worker: start it with new Worker/);
});
