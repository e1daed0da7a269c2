// A TypeScript consumer of the package, type-checked with `tsc --strict`. It fails to compile
// when the package's types are missing, wrong, or leak `any`.
import { Policy, OrdergateError, init, builtinNames, compilePolicyModule, Verdicts, PreparedRequests } from "ordergate";
import type { PolicyModule } from "ordergate";
import type { Verdict, VerdictAlternative } from "ordergate";
import type { Decision, DecideRequest, ErrorCode, Facts, Outcome, PolicyDocument, TraceStep } from "ordergate";

type IsAny<T> = 0 extends 1 & T ? true : false;
type Expect<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;

await init();
const policy: Policy = Policy.builtin("dropi");
const request: DecideRequest = {
  facts: { status: "pendiente", same_metro_order: false },
  actor: { role: "dropshipper", id: "ds-1" },
  action: "cancel",
  now: new Date(),
  locale: ["es-CO", "en"],
};
const decision = policy.decide(request);
const outcome: Outcome = decision.outcome;
const approver: string | null = decision.approver;
const validUntil: string | null = decision.validUntil;
const chances: number | null = decision.remainingChances;
const trace: TraceStep[] = decision.trace;
const next: Facts = policy.apply(request.facts, decision);
const list: Decision[] = policy.available({ facts: request.facts, actor: request.actor });
const names: string[] = builtinNames();
const verdict: Verdict = policy.verdict(request);
const verdictOutcome: Outcome = verdict.outcome;
const until: number | null = verdict.validUntil;
const firstAlternative: VerdictAlternative | undefined = verdict.alternatives[0];
const batch: Verdicts = policy.verdicts([request, request]);
const bytes: Uint8Array = batch.outcomes;
const second: Verdict | undefined = batch.get(1);
const orders: PreparedRequests = policy.prepare([request, request]);
const inAnHour: Verdicts = orders.verdicts(Date.now() + 3_600_000);
const atDate: Outcome | undefined = orders.verdicts(new Date()).outcome(0);
// @ts-expect-error: a prepared batch takes epoch ms or a Date, not RFC 3339 text
orders.verdicts("2026-01-01T00:00:00Z");
type _verdictNotAny = Expect<Not<IsAny<typeof verdict>>>;

// A policy written in TypeScript is checked against the document type.
const doc: PolicyDocument = {
  ordergate: 1,
  id: "tiny",
  version: "1",
  languages: ["en"],
  roles: { buyer: { label: { en: "Buyer" } } },
  dimensions: { status: { label: { en: "Status" }, statuses: { open: { label: { en: "Open" } } } } },
  actions: { cancel: { label: { en: "Cancel" } } },
  messages: { no: { en: "No." } },
  otherwise: { reason: "no" },
  rules: [{ id: "buyer-cancels-open", action: "cancel", when: { in: { status: ["open"] } }, outcome: "allowed" }],
};
Policy.load(doc);

// A policy module's source, and a module read back (as `import * as m from "./policy.mjs"` gives it).
const moduleText: string = compilePolicyModule(JSON.stringify(doc), { format: "cjs" });
declare const policyModule: PolicyModule;
const fromModule: Policy = Policy.fromModule(policyModule);
// @ts-expect-error: a module is written as an ES module or CommonJS
compilePolicyModule(JSON.stringify(doc), { format: "umd" });

try {
  policy.decide({ ...request, action: "nope" });
} catch (e) {
  if (e instanceof OrdergateError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    console.log(code, path, e.issues.length);
  }
}

export type Checks = [
  Expect<string extends Decision["outcome"] ? false : true>,
  Expect<Decision["outcome"] extends "allowed" | "approval_required" | "denied" ? true : false>,
  Expect<Not<IsAny<typeof decision>>>,
  Expect<Not<IsAny<Decision["effects"][number]["args"][string]>>>,
  Expect<Not<IsAny<Decision["changes"][number]["to"]>>>,
  Expect<Not<IsAny<ReturnType<Policy["describe"]>>>>,
  Expect<Not<IsAny<typeof next>>>,
];
console.log(outcome, approver, validUntil, chances, trace.length, next, list.length, names);
