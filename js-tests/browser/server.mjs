// A static file server on 127.0.0.1 for the browser tests: serves the repository's pkg/ and
// js-tests/browser/ (and examples/), with the right MIME type for .wasm.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css", ".png": "image/png" };

/** Starts the server on a free port; resolves to { url, close }. */
export function serve(mounts = { "/pkg/": "pkg/", "/": "js-tests/browser/" }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(mounts).filter((m) => path.startsWith(m)).sort((a, b) => b.length - a.length)[0];
    let file = prefix === undefined ? undefined : normalize(join(root, mounts[prefix], path.slice(prefix.length)));
    if (file !== undefined && file.endsWith("/")) file += "index.html";
    if (file === undefined || !file.startsWith(root)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
