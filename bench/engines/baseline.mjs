// The hand-written JavaScript function: no engine, the limit.
import { baseline } from "../workload.mjs";

export const name = "hand-written JS";
export const packages = [];
export const browserEntry = "export { baseline } from '../workload.mjs';";

export async function load() {
  return { prepare: (input) => input, decide: baseline };
}
