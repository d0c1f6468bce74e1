// The size report: raw, gzip and brotli bytes of the module and the loader,
// what each export and each group of exports costs, the import count, and
// what immediate-abort panics buy over a stable build. With --check, exits 1
// where a group, the shared runtime or the loader is past its line in
// size-budget.json. `size-report.mjs dist/rawpx-only-….wasm` reports on a
// subset module alone.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { buildSync } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const budget = JSON.parse(readFileSync(root + 'size-budget.json', 'utf8'));
const check = process.argv.includes('--check');
const subset = process.argv.slice(2).find((a) => a.endsWith('.wasm'));

// Each export's group, as src/abi.rs declares it: the `exports!` block under
// `#[cfg(feature = "group")]`.
const groupOf = new Map();
for (const [, group, body] of readFileSync(root + 'src/abi.rs', 'utf8').matchAll(/#\[cfg\(feature = "(\w+)"\)\]\nexports! \{\n([\s\S]*?)\n\}\n/g)) {
  for (const [, name] of body.matchAll(/^ {4}fn (\w+)\(/gm)) groupOf.set(name, group);
}

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const objdump = (flag, file) => execFileSync('wasm-objdump', [flag, file], { encoding: 'utf8', maxBuffer: 1 << 26 });

// Function sizes and names, exports, imports and memory from the headers.
function parse(file) {
  const details = objdump('-x', file);
  const funcs = new Map(); // index -> { size, name }
  for (const m of details.matchAll(/^ - func\[(\d+)\] size=(\d+)(?: <([^>]+)>)?/gm)) {
    funcs.set(+m[1], { size: +m[2], name: m[3] });
  }
  const exports = [...details.matchAll(/^ - func\[(\d+)\] <[^>]*> -> "([^"]+)"/gm)].map((m) => ({ index: +m[1], name: m[2] }));
  const imports = +(/^\s*Import start=.*count: (\d+)/m.exec(objdump('-h', file))?.[1] ?? 0);
  const pages = +(/memory\[0\] pages: initial=(\d+)/.exec(details)?.[1] ?? 0);
  // Call graph from the disassembly.
  const calls = new Map();
  let current = null;
  for (const line of objdump('-d', file).split('\n')) {
    const f = /^[0-9a-f]+ func\[(\d+)\]/.exec(line);
    if (f) calls.set((current = +f[1]), new Set());
    const c = /\|\s*call (\d+)/.exec(line);
    if (c && current !== null) calls.get(current).add(+c[1]);
  }
  return { funcs, exports, imports, pages, calls };
}

// Each export's own body plus the helpers only it reaches; helpers that
// several exports reach are counted once, as "shared".
function perExport({ funcs, exports, calls }) {
  const reach = (start) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) for (const c of calls.get(stack.pop()) ?? []) if (!seen.has(c)) seen.add(c), stack.push(c);
    return seen;
  };
  const reached = exports.map((e) => reach(e.index));
  const owners = new Map();
  for (const set of reached) for (const f of set) owners.set(f, (owners.get(f) ?? 0) + 1);
  const rows = exports.map((e, i) => ({
    name: e.name,
    own: funcs.get(e.index).size,
    total: [...reached[i]].filter((f) => owners.get(f) === 1).reduce((s, f) => s + funcs.get(f).size, 0),
  }));
  // Shared helpers, grouped by the exports that reach them.
  const shared = new Map();
  for (const [f, n] of owners) {
    if (n < 2) continue;
    const names = exports.filter((e, i) => reached[i].has(f)).map((e) => e.name).sort();
    const key = names.join(' ');
    shared.set(key, (shared.get(key) ?? 0) + funcs.get(f).size);
  }
  // Each group: its exports and the helpers only they reach; the runtime:
  // alloc, free, and every helper more than one group reaches.
  const group = (name) => groupOf.get(name) ?? 'runtime';
  const groups = new Map();
  const add = (g, bytes) => groups.set(g, (groups.get(g) ?? 0) + bytes);
  for (const r of rows) add(group(r.name), r.total);
  for (const [who, bytes] of shared) {
    const gs = new Set(who.split(' ').map(group));
    add(gs.size === 1 ? [...gs][0] : 'runtime', bytes);
  }
  return { rows, shared, groups };
}

const pad = (s, n) => String(s).padStart(n);
const line = (label, s) => `${label.padEnd(28)}${pad(s.raw, 8)}${pad(s.gzip, 8)}${pad(s.brotli, 8)}`;

const wasm = readFileSync(subset ?? root + 'dist/rawpx.wasm');
const info = parse(subset ?? root + 'dist/rawpx.wasm');
const { rows, shared, groups } = perExport(info);
const m = sizes(wasm);
// What no function holds: the headers, the export names, the data.
groups.set('runtime', (groups.get('runtime') ?? 0) + m.raw - [...groups.values()].reduce((a, b) => a + b, 0));

console.log(`\nrawpx size report${' '.repeat(11)}     raw    gzip  brotli`);
console.log(line(subset ?? 'dist/rawpx.wasm', m));
let lm, cm, em;
if (!subset) {
  const stable = readFileSync(root + 'dist/rawpx-stable.wasm');
  const nosimd = readFileSync(root + 'dist/rawpx-nosimd.wasm');
  const loader = readFileSync(root + 'js/rawpx.js');
  const minify = (file) => sizes(Buffer.from(buildSync({ entryPoints: [root + file], minify: true, write: false, format: 'esm' }).outputFiles[0].contents));
  const [s, l] = [sizes(stable), sizes(loader)];
  [lm, cm, em] = [minify('js/rawpx.js'), minify('js/css.js'), minify('js/extras.js')];
  console.log(line('js/rawpx.js', l));
  console.log(line('js/rawpx.js (esbuild -min)', lm));
  console.log(line('js/css.js (esbuild -min)', cm) + '   (rawpx/css: filter() strings, imported apart)');
  console.log(line('js/extras.js (esbuild -min)', em) + '   (rawpx/extras: curves, equalize, orient, pad…, imported apart)');
  console.log(line('dist/rawpx-nosimd.wasm', sizes(nosimd)) + '   (the scalar fallback, for engines without SIMD128)');
  console.log(line('stable, default panics', s) + `   (immediate-abort saves ${s.raw - m.raw} B raw, ${s.gzip - m.gzip} B gzip)`);
}
console.log(`imports: ${info.imports}   initial memory: ${info.pages} pages (${info.pages * 64} KiB)`);
console.log(`\nper export (code bytes)          own  +only-its-helpers`);
for (const r of rows.sort((a, b) => b.total - a.total)) console.log(`  ${r.name.padEnd(26)}${pad(r.own, 8)}${pad(r.total, 10)}   ${groupOf.get(r.name) ?? 'runtime'}`);
const sharedTotal = [...shared.values()].reduce((a, b) => a + b, 0);
console.log(`helpers shared by several exports (bytes, then who shares them)`);
for (const [who, bytes] of [...shared].sort((a, b) => b[1] - a[1])) console.log(`${pad(bytes, 8)}  ${who}`);
console.log(`${pad(m.raw - rows.reduce((t, r) => t + r.total, 0) - sharedTotal, 8)}  (headers, tables, data)`);

// Per group: its bytes against its budget (a subset module is only reported).
const failures = [];
if (info.imports !== 0) failures.push(`the module has ${info.imports} imports; it must have none`);
console.log(`\nper group (bytes of the module: its exports and the helpers only they reach;`);
console.log(`runtime: alloc, free, dlmalloc, helpers several groups share, headers)    budget`);
for (const [g, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  const limit = budget.module_groups[g];
  console.log(`  ${g.padEnd(12)}${pad(bytes, 8)}${subset ? '' : pad(limit ?? '-', 14)}`);
  if (!subset && !(bytes <= limit)) failures.push(`group ${g}: ${bytes} B > budget ${limit} B`);
}
if (!subset) {
  console.log(`  ${'loader'.padEnd(12)}${pad(lm.gzip, 8)}${pad(budget.loader_min_gzip_bytes, 14)}   (gzip, minified)`);
  console.log(`  ${'css'.padEnd(12)}${pad(cm.gzip, 8)}${pad(budget.css_min_gzip_bytes, 14)}   (rawpx/css, gzip, minified)`);
  if (lm.gzip > budget.loader_min_gzip_bytes) failures.push(`loader ${lm.gzip} B gzip minified > budget ${budget.loader_min_gzip_bytes} B`);
  console.log(`  ${'extras'.padEnd(12)}${pad(em.gzip, 8)}${pad(budget.extras_min_gzip_bytes, 14)}   (rawpx/extras, gzip, minified)`);
  if (cm.gzip > budget.css_min_gzip_bytes) failures.push(`rawpx/css ${cm.gzip} B gzip minified > budget ${budget.css_min_gzip_bytes} B`);
  if (!(em.gzip <= budget.extras_min_gzip_bytes)) failures.push(`rawpx/extras ${em.gzip} B gzip minified > budget ${budget.extras_min_gzip_bytes} B`);
  for (const g of Object.keys(budget.module_groups)) if (!groups.has(g)) failures.push(`size-budget.json has a line for ${g}, which the module lacks`);
}
if (failures.length) {
  for (const f of failures) console.log(`SIZE ${check ? 'FAIL' : 'WARNING'}: ${f}`);
  if (check) process.exit(1);
} else if (!subset) console.log('within budget (size-budget.json; a raised line needs its reason in the commit message)');
