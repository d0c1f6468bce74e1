// WebKit, Safari's engine, for the browser tests: Debian's WebKitGTK
// MiniBrowser under Xvfb, driven by WebKitWebDriver over plain W3C
// WebDriver HTTP. It has no BiDi and no console access, so `run` records
// the page's errors with a script it puts in.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Starts the driver and a session: `open(url)`, `run(body)`, `close()`. */
export async function startWebKit() {
  const port = 20000 + ((process.pid * 7 + Date.now()) % 20000);
  // xvfb-run starts Xvfb and the driver in a process group of their own.
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const webdriver = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${value.error}: ${value.message}`);
    return value;
  };
  for (let tries = 0; ; tries++) {
    try {
      if ((await webdriver('GET', '/status')).ready) break;
    } catch (e) {
      if (tries > 100) throw e;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const { sessionId } = await webdriver('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  });
  const session = `/session/${sessionId}`;
  await webdriver('POST', `${session}/timeouts`, { script: 120_000, pageLoad: 60_000 });
  return {
    open: (url) => webdriver('POST', `${session}/url`, { url }),
    /** Runs `body` (an async function's source) in the page, its errors recorded; its result, or a failed assertion. */
    async run(body) {
      const script = `const done = arguments[arguments.length - 1];
        window.__errors = window.__errors || [];
        if (!window.__recording) {
          window.__recording = true;
          addEventListener('error', (e) => __errors.push(String(e.message)));
          addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
        }
        (${body})().then((value) => done({ value, errors: __errors }), (e) => done({ error: String(e), errors: __errors }));`;
      const result = await webdriver('POST', `${session}/execute/async`, { script, args: [] });
      assert.equal(result.error, undefined, result.error);
      assert.deepEqual(result.errors, [], 'no page errors');
      return result.value;
    },
    async close() {
      await webdriver('DELETE', session).catch(() => {});
      try { process.kill(-driver.pid); } catch {}
    },
  };
}
