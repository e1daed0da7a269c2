// Cold start of one engine in this fresh process: from process start (performance.timeOrigin) to
// the first decision returned, through the same steps as measure.mjs. Prints one number (ms).
// Run many times by run.mjs, engines interleaved round by round.
//
//   node bench/cold.mjs <engine>
import { inputs } from "./workload.mjs";

const [first] = inputs(1);
const engine = await (await import(`./engines/${process.argv[2]}.mjs`)).load();
await engine.decide(engine.prepare(first));
console.log(performance.now());
