// @gorules/zen-engine (native Node addon): the workload as a JDM decision table; `evaluate` is asynchronous.
import { jdm } from "./zen-table.mjs";

export const name = "@gorules/zen-engine";
export const packages = ["@gorules/zen-engine"];
export const browserEntry = null; // a native addon: no browser build

export async function load() {
  const { ZenEngine } = await import("@gorules/zen-engine");
  const decision = new ZenEngine().createDecision(jdm);
  return {
    prepare: (input) => input,
    decide: async (input) => (await decision.evaluate(input)).result.decision,
  };
}
