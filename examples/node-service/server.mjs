// A small HTTP service over ordergate (node:http only).
//
//   GET  /policies                         the loaded policies (id, version, hash)
//   GET  /policies/:id                     statuses, roles and actions with their labels
//   POST /policies/:id/available           {facts, actor, now?, locale?} -> every action with its outcome
//   POST /policies/:id/decide              {facts, actor, action, params?, now?, locale?} -> one decision
//   POST /policies/:id/apply               {facts, decision} -> the next facts
//
// Policies: the built-in ones, plus any JSON file given with --policy FILE (repeatable) or in
// ORDERGATE_POLICIES (paths separated by ':'). A bad request gets 400 with the engine's error
// code, path and message; an unknown route 404. The locale also comes from Accept-Language.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { Policy, OrdergateError, builtinNames } from "ordergate";

const MAX_BODY = 256 * 1024;

/** Loads the built-in policies and the given files, by id. */
export function loadPolicies(files = []) {
  const policies = new Map(builtinNames().map((name) => [name, Policy.builtin(name)]));
  for (const file of files) {
    const policy = Policy.fromJson(readFileSync(file, "utf8"));
    policies.set(policy.id, policy);
  }
  return policies;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function problem(res, status, code, path, message, issues = []) {
  send(res, status, { error: { code, path, message, issues } });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so that the client still gets an answer.
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY) {
        reject(new OrdergateError("TOO_LARGE", "$", `the request body is larger than ${MAX_BODY} bytes`));
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        resolve(text === "" ? {} : JSON.parse(text));
      } catch (e) {
        reject(new OrdergateError("NOT_JSON", "$", `the body is not JSON: ${e.message}`));
      }
    });
    req.on("error", reject);
  });
}

/** Accept-Language "id-ID,id;q=0.9,en;q=0.8" -> ["id-ID", "id", "en"], by quality. */
function acceptLanguage(header) {
  if (!header) return undefined;
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** The request handler: exported so that it can be mounted in another server. */
export function handler(policies) {
  return async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean);
    try {
      if (parts[0] !== "policies") return problem(res, 404, "NOT_FOUND", "$", `no route ${req.method} ${url.pathname}`);
      if (parts.length === 1 && req.method === "GET") {
        return send(res, 200, [...policies.values()].map((p) => ({ id: p.id, version: p.version, hash: p.hash })));
      }
      const policy = policies.get(parts[1]);
      if (!policy) return problem(res, 404, "UNKNOWN_POLICY", "$", `no policy '${parts[1]}'; known: ${[...policies.keys()].join(", ")}`);
      if (parts.length === 2 && req.method === "GET") return send(res, 200, policy.describe());
      const verb = parts[2];
      if (parts.length !== 3 || req.method !== "POST" || !["available", "decide", "apply"].includes(verb)) {
        return problem(res, 404, "NOT_FOUND", "$", `no route ${req.method} ${url.pathname}`);
      }
      const body = await readBody(req);
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return problem(res, 400, "WRONG_TYPE", "$", "the body must be a JSON object");
      }
      const locale = body.locale ?? acceptLanguage(req.headers["accept-language"]);
      if (verb === "apply") return send(res, 200, policy.apply(body.facts, body.decision));
      const request = locale === undefined ? body : { ...body, locale };
      return send(res, 200, verb === "decide" ? policy.decide(request) : policy.available(request));
    } catch (e) {
      if (e instanceof OrdergateError) {
        return problem(res, e.code === "TOO_LARGE" ? 413 : 400, e.code, e.path, e.message, e.issues);
      }
      return problem(res, 500, "INTERNAL", "$", "unexpected error");
    }
  };
}

/** Starts the service; resolves to the node:http server once it listens. */
export function start({ port = 8080, host = "127.0.0.1", files = [] } = {}) {
  const server = createServer(handler(loadPolicies(files)));
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const files = (process.env.ORDERGATE_POLICIES ?? "").split(":").filter(Boolean);
  let port = Number(process.env.PORT ?? 8080);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--policy") files.push(args[++i]);
    else if (args[i] === "--port") port = Number(args[++i]);
  }
  const server = await start({ port, files });
  const { address, port: bound } = server.address();
  console.log(`ordergate service on http://${address}:${bound} (policies: ${[...loadPolicies(files).keys()].join(", ")})`);
}
