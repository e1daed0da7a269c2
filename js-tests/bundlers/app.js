// A consumer of the package as a bundler sees it: `import ... from "ordergate"`, `await init()`,
// then synchronous decisions. Built by Vite and webpack; esbuild builds app-esbuild.js.
import { init, Policy, OrdergateError } from "ordergate";
import { run } from "./run.js";

await init();
run(Policy, OrdergateError);
