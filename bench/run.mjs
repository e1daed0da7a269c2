// The benchmark: every engine on the common workload, three fresh processes each, medians, ratios
// to the hand-written baseline; installed and browser sizes; the native Rust figures. Writes the
// results table into docs/benchmarks.md with --write.
//
//   node bench/run.mjs [--runs 3] [--decisions 1000000] [--cold-runs 15] [--only ordergate,baseline] [--write]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inputs, baseline } from "./workload.mjs";
import { request as ordergateRequest } from "./engines/ordergate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const RUNS = Number(arg("--runs", 3));
const DECISIONS = Number(arg("--decisions", 1_000_000));
const COLD_RUNS = Number(arg("--cold-runs", 15));
const ENGINES = arg("--only", "baseline,ordergate,json-logic,json-rules-engine,cedar,zen-engine,zen-engine-wasm,xstate").split(",");

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor(s.length / 2)];
};

function dirBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) total += dirBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
    else if (entry.isSymbolicLink()) total += statSync(p).isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** Bytes on disk of packages and everything they depend on (from the lock file). */
function installedBytes(packages) {
  const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8")).packages;
  const seen = new Set();
  const visit = (name) => {
    const key = `node_modules/${name}`;
    if (seen.has(key) || !(key in lock)) return;
    seen.add(key);
    const meta = lock[key];
    if (meta.link) {
      seen.delete(key);
      seen.add(meta.resolved);
      return;
    }
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) visit(dep);
  };
  packages.forEach(visit);
  let total = 0;
  for (const key of seen) {
    try {
      total += dirBytes(join(here, key));
    } catch {
      // An optional dependency for another platform is not installed.
    }
  }
  return total;
}

/** Gzipped bytes a browser downloads: the minified bundle of the engine's entry and its assets. */
function browserBytes(engine) {
  if (!engine.browserEntry) return null;
  const esbuild = join(root, "node_modules", ".bin", "esbuild");
  const js = execFileSync(esbuild, ["--bundle", "--minify", "--format=esm", "--platform=browser", "--log-level=error", "--loader:.wasm=empty"], {
    input: engine.browserEntry,
    cwd: join(here, "engines"),
    maxBuffer: 64 << 20,
  });
  let total = gzipSync(js, { level: 9 }).length;
  for (const asset of engine.browserAssets ?? []) total += gzipSync(readFileSync(join(here, asset)), { level: 9 }).length;
  return total;
}

function measure(name) {
  const out = execFileSync(process.execPath, [join(here, "measure.mjs"), name, "--decisions", String(DECISIONS)], { cwd: here, maxBuffer: 16 << 20 });
  return JSON.parse(out.toString().trim().split("\n").pop());
}

/**
 * Cold starts in fresh processes, engines interleaved round by round so that a slow minute of the
 * machine falls on all of them alike: engine name -> the median, and the median of its differences
 * to the baseline's start in the same round (neighbours in time share the machine's mood).
 */
function coldStarts(names) {
  const times = new Map(names.map((n) => [n, []]));
  for (let round = 0; round < COLD_RUNS; round++) {
    for (const name of names) {
      const out = execFileSync(process.execPath, [join(here, "cold.mjs"), name], { cwd: here });
      times.get(name).push(Number(out.toString().trim().split("\n").pop()));
    }
  }
  const base = times.get("baseline");
  return new Map(
    [...times].map(([name, ms]) => [name, { ms: median(ms), overBaseline: base ? median(ms.map((t, i) => t - base[i])) : null }]),
  );
}

/** The native benchmark over the same inputs, decided by the same policy. */
function native() {
  mkdirSync(join(root, "target", "bench"), { recursive: true });
  const file = join(root, "target", "bench", "workload.json");
  const requests = inputs(10_000).map((input) => ({ request: ordergateRequest(input), expected: baseline(input) }));
  writeFileSync(file, JSON.stringify(requests));
  // Fresh processes, like the engines' runs: one process's figures swing by up to 1.5x with where
  // its code and data happen to land, so each figure is the median of RUNS processes.
  const runs = Array.from({ length: RUNS }, () => {
    const out = execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "bench", "--", file], { cwd: root, maxBuffer: 16 << 20 });
    return JSON.parse(out.toString().trim().split("\n").pop());
  });
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
}

// Runs interleaved round by round, as the cold starts are: the machine switches between two speeds
// (docs/benchmarks.md), and a round puts every engine's run r close together in time rather than
// giving one engine three runs in a fast minute and the next three in a slow one.
const engines = new Map();
for (const name of ENGINES) engines.set(name, await import(`./engines/${name}.mjs`));
// Build steps an engine's deployment runs before it starts (ordergate compiles its policy).
for (const engine of engines.values()) await engine.setup?.();
const runsOf = new Map(ENGINES.map((name) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const name of ENGINES) {
    const m = measure(name);
    if (m.mismatches > 0) {
      console.error(`${engines.get(name).name}: ${m.mismatches} decisions differ from the baseline, e.g. ${JSON.stringify(m.example)}`);
      process.exit(1);
    }
    runsOf.get(name).push(m);
  }
  console.error(`round ${r + 1} of ${RUNS} measured`);
}

const rows = [];
for (const name of ENGINES) {
  const engine = engines.get(name);
  const runs = runsOf.get(name);
  const pick = (key) => median(runs.map((m) => m[key]));
  const row = {
    engine: engine.name,
    async: runs[0].async,
    coldStartMs: pick("coldStartMs"),
    p50Ns: pick("p50Ns"),
    p99Ns: pick("p99Ns"),
    perSecond: pick("perSecond"),
    batchPerSecond: pick("batchPerSecond"),
    preparedPerSecond: pick("preparedPerSecond"),
    rssAfterLoadMiB: pick("rssAfterLoadMiB"),
    rssAfterDecisionsMiB: pick("rssAfterDecisionsMiB"),
    installedBytes: installedBytes(engine.packages),
    browserGzipBytes: browserBytes(engine),
  };
  rows.push(row);
  console.error(`measured ${engine.name}: p50 ${row.p50Ns.toFixed(0)} ns, cold ${row.coldStartMs.toFixed(1)} ms (in its ${RUNS} runs)`);
}

const cold = coldStarts(ENGINES);
ENGINES.forEach((name, i) => {
  rows[i].coldStartMs = cold.get(name).ms;
  rows[i].coldOverBaselineMs = cold.get(name).overBaseline;
});
const nativeFigures = ENGINES.includes("ordergate") ? native() : null;
const base = rows.find((r) => r.engine === "hand-written JS");
const fmt = (n, digits = 0) => (n === null ? "n/a" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (n, b) => (n === null || !b ? "" : ` (${(n / b).toFixed(n / b >= 10 ? 0 : 1)}x)`);
const kb = (n) => (n === null ? "n/a" : `${(n / 1024).toFixed(1)} KB`);

const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} x ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs per engine, medians; ${DECISIONS.toLocaleString("en-US")} decisions per run; cold start: median of ${COLD_RUNS} fresh processes per engine, engines interleaved, and in brackets the median difference to the baseline's start in the same round; ratios to the hand-written baseline.`,
  "",
  `| engine | p50 latency | p99 latency | decisions/s | cold start | RSS after load | RSS after ${(DECISIONS / 1e6).toLocaleString("en-US")}M | installed | browser download (gzip) |`,
  "|---|---|---|---|---|---|---|---|---|",
  ...rows.map((r) =>
    [
      `| ${r.engine}${r.async ? " (async)" : ""}`,
      `${fmt(r.p50Ns)} ns${ratio(r.p50Ns, base?.p50Ns)}`,
      `${fmt(r.p99Ns)} ns${ratio(r.p99Ns, base?.p99Ns)}`,
      `${fmt(r.perSecond)}${r.batchPerSecond === null ? "" : `; batch ${fmt(r.batchPerSecond)}`}${r.preparedPerSecond === null ? "" : `; prepared batch ${fmt(r.preparedPerSecond)}`}`,
      `${fmt(r.coldStartMs, 1)} ms${r.coldOverBaselineMs === null ? "" : ` (${r.coldOverBaselineMs >= 0 ? "+" : ""}${fmt(r.coldOverBaselineMs, 1)})`}`,
      `${fmt(r.rssAfterLoadMiB, 1)} MiB`,
      `${fmt(r.rssAfterDecisionsMiB, 1)} MiB`,
      kb(r.installedBytes),
      `${kb(r.browserGzipBytes)} |`,
    ].join(" | "),
  ),
];
if (nativeFigures) {
  lines.push("", `Native Rust (\`cargo run --release --bin bench\`, same 10,000 inputs, same policy; medians of ${RUNS} processes): verdict of a question row ${fmt(nativeFigures.rowNs, 1)} ns (what the SDK runs in the module); verdict of a prepared question ${fmt(nativeFigures.verdictNs, 1)} ns; full decision from a JSON value ${fmt(nativeFigures.decideNs)} ns; loading and compiling the policy ${fmt(nativeFigures.loadUs)} µs.`);
}
const table = lines.join("\n");
console.log(table);

if (process.argv.includes("--write")) {
  const doc = join(root, "docs", "benchmarks.md");
  const text = readFileSync(doc, "utf8");
  const start = "<!-- results:start -->";
  const end = "<!-- results:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error("docs/benchmarks.md lacks the results markers");
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
}
