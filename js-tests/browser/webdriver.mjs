// A minimal W3C WebDriver client over geckodriver, for Firefox ESR: Playwright drives only its
// own patched Firefox builds (its WebDriver BiDi mode needs commands Firefox ESR lacks), so the
// Firefox tests speak WebDriver to Debian's firefox-esr directly.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

function which(name) {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

export const GECKODRIVER = process.env.GECKODRIVER ?? which("geckodriver");

/** Why Firefox tests cannot run here, or false. */
export const firefoxSkip = !existsSync(FIREFOX)
  ? `no Firefox at ${FIREFOX} (./scripts/setup.sh browser installs firefox-esr)`
  : GECKODRIVER === undefined
    ? "no geckodriver on PATH (./scripts/setup.sh browser installs it)"
    : false;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts geckodriver and a headless Firefox session. */
export async function firefoxSession() {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  driver.stderr.on("data", (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      const status = await call("GET", "/status");
      if (status.ready) break;
    } catch (e) {
      if (i > 100) throw new Error(`geckodriver did not start: ${e} ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const session = await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary: FIREFOX, args: ["-headless"] } } },
  });
  const sid = `/session/${session.sessionId}`;
  const find = async (css) => Object.values(await call("POST", `${sid}/element`, { using: "css selector", value: css }))[0];
  return {
    version: session.capabilities.browserVersion,
    navigate: (url) => call("POST", `${sid}/url`, { url }),
    /** Runs `body` (the text of a function body) with `args`; an async body is awaited. */
    run: (body, ...args) => call("POST", `${sid}/execute/async`, { script: `const done = arguments[arguments.length - 1]; (async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1)).then(done, (e) => done({ thrown: String(e) }));`, args }),
    click: async (css) => call("POST", `${sid}${"/element/"}${await find(css)}/click`, {}),
    text: async (css) => call("GET", `${sid}/element/${await find(css)}/text`),
    waitFor: async (expression, timeout = 15000) => {
      const start = Date.now();
      while (Date.now() - start < timeout) {
        if (await call("POST", `${sid}/execute/sync`, { script: `return Boolean(${expression});`, args: [] })) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${expression}`);
    },
    screenshot: async (path) => writeFile(path, Buffer.from(await call("GET", `${sid}/screenshot`), "base64")),
    close: async () => {
      await call("DELETE", sid).catch(() => {});
      driver.kill();
    },
  };
}
