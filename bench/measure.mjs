// One engine in a fresh process: cold start, correctness against the baseline on every input,
// latency percentiles, throughput, memory. Prints one JSON line. Run by run.mjs.
//
//   node bench/measure.mjs <engine> [--decisions 1000000]
import { inputs, baseline } from "./workload.mjs";

const engineName = process.argv[2];
const flag = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const TOTAL = flag("--decisions", 1_000_000);
const INPUTS = 10_000;

// Cold start: process start (performance.timeOrigin) to the first decision.
const [first] = inputs(1);
const engineModule = await import(`./engines/${engineName}.mjs`);
const engine = await engineModule.load();
await engine.decide(engine.prepare(first));
const coldStartMs = performance.now();
const rssAfterLoad = process.memoryUsage().rss;

const all = inputs(INPUTS);
const prepared = all.map(engine.prepare);
const expected = all.map(baseline);
const isAsync = engine.decide(prepared[0]) instanceof Promise;

let mismatches = 0;
let example = null;
for (let i = 0; i < INPUTS; i++) {
  const got = await engine.decide(prepared[i]);
  if (got !== expected[i]) {
    mismatches++;
    example ??= { input: all[i], got, expected: expected[i] };
  }
}
const batches = [];
if (engine.batch) batches.push(["batch", () => engine.batch(prepared)]);
// Requests read once, decided again: what is timed below is the second and later calls.
const preparedBatch = engine.prepareBatch?.(prepared);
if (preparedBatch) batches.push(["prepared", () => (preparedBatch.codes(), preparedBatch.codes())]);
for (const [kind, run] of batches) {
  const got = run();
  for (let i = 0; i < INPUTS; i++) {
    if (got[i] !== expected[i]) {
      mismatches++;
      example ??= { input: all[i], got: got[i], expected: expected[i], batch: kind };
    }
  }
}

const now = () => Number(process.hrtime.bigint());
let done = 0;
let sink = 0;

/** Decisions per second over `count` decisions, cycling through the inputs. */
async function throughput(count) {
  const start = now();
  if (isAsync) {
    for (let i = 0; i < count; i++) sink += (await engine.decide(prepared[i % INPUTS])).length;
  } else {
    for (let i = 0; i < count; i++) sink += engine.decide(prepared[i % INPUTS]).length;
  }
  done += count;
  return count / ((now() - start) / 1e9);
}

// Warm up, then size latency samples so each lasts about 2 us: per-call timing of a sub-microsecond
// call would measure the clock. A sample's time divided by its calls is one latency value.
const warm = await throughput(Math.min(TOTAL / 10, 100_000));
const perSample = Math.max(1, Math.ceil(2e-6 * warm));
// The clock's own cost inside a sample (the median of empty samples, about 170 ns here) is taken
// off each sample: left in, it adds its share to every call (a few ns for an engine that fits 45
// calls in a sample, tens of ns for one that fits 5).
const empty = [];
for (let s = 0; s < 10_000; s++) {
  const start = now();
  empty.push(now() - start);
}
empty.sort((a, b) => a - b);
const clockNs = empty[empty.length >> 1];
const samples = [];
const sampleCount = Math.min(50_000, Math.max(2_000, Math.floor(TOTAL / 10 / perSample)));
for (let s = 0; s < sampleCount; s++) {
  const base = (s * perSample) % INPUTS;
  const start = now();
  if (isAsync) {
    for (let k = 0; k < perSample; k++) sink += (await engine.decide(prepared[(base + k) % INPUTS])).length;
  } else {
    for (let k = 0; k < perSample; k++) sink += engine.decide(prepared[(base + k) % INPUTS]).length;
  }
  samples.push(Math.max(0, now() - start - clockNs) / perSample);
}
done += sampleCount * perSample;
samples.sort((a, b) => a - b);
const pct = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];

// With few decisions asked for, the samples may use them all: the warm-up's figure stands in.
const perSecond = TOTAL > done ? await throughput(TOTAL - done) : warm;
/** Decisions per second of a batch call over all inputs, repeated. */
function batchThroughput(outcomes) {
  // Warmed up as the single calls are (as many decisions): the first calls of a batch run before
  // the JavaScript engine has optimized its loop, at up to ten times the steady cost.
  for (let r = 0; r < Math.ceil(Math.min(TOTAL / 10, 100_000) / INPUTS); r++) sink += outcomes()[r];
  const rounds = Math.max(5, Math.ceil(TOTAL / INPUTS / 4));
  const start = now();
  for (let r = 0; r < rounds; r++) sink += outcomes()[r % INPUTS];
  return (rounds * INPUTS) / ((now() - start) / 1e9);
}
const batchPerSecond = engine.batchOutcomes ? batchThroughput(() => engine.batchOutcomes(prepared)) : null;
const preparedPerSecond = preparedBatch ? batchThroughput(preparedBatch.outcomes) : null;
const rssAfterDecisions = process.memoryUsage().rss;

console.log(JSON.stringify({
  engine: engineName,
  name: engineModule.name,
  async: isAsync,
  coldStartMs,
  mismatches,
  example,
  p50Ns: pct(0.5),
  p99Ns: pct(0.99),
  perSample,
  clockNs,
  perSecond,
  batchPerSecond,
  preparedPerSecond,
  decisions: done,
  rssAfterLoadMiB: rssAfterLoad / 2 ** 20,
  rssAfterDecisionsMiB: rssAfterDecisions / 2 ** 20,
  sink: sink > 0,
}));
