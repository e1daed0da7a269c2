/**
 * Input types of ordergate: policy documents, facts, actors and requests.
 * The output types (Decision and its parts) are generated from the Rust types in ./generated/.
 * @packageDocumentation
 */

export type { Decision, PolicyStamp, Outcome, Reason, Change, NamedEffect, Alternative, AlternativeKind, StatusRef, AutoDecision, TraceStep, TraceResult } from "./generated/Decision.js";
export type { Code, Issue } from "./generated/Errors.js";
export type { Layout, SlotLayout, SlotKind, ActionLayout, RuleLayout, AlternativeLayout } from "./generated/Layout.js";

/** A value of a fact, parameter or actor attribute as JSON carries it. Money is an integer of minor units (or `{amount, currency}`); timestamps are RFC 3339 text with an offset, or epoch milliseconds. */
export type FactValue = string | number | boolean | null | MoneyValue;

/** Money as an object, when the currency should be checked against the policy. */
export interface MoneyValue {
  /** Whole minor units (cents; whole rupiah for IDR). */
  amount: number | string;
  /** ISO 4217 code, such as `"IDR"`. */
  currency: string;
}

/** The facts of one order: each declared fact (every status dimension is one) by name. */
export type Facts = Record<string, FactValue>;

/** Who asks. */
export interface Actor {
  /** A role the policy declares. */
  role: string;
  /** The actor's id, compared with facts such as the order's dropshipper. */
  id?: string | null;
  /** Attributes the policy declares under `actorAttributes`. */
  attributes?: Record<string, FactValue>;
}

/** An instant: a `Date`, RFC 3339 text with an offset, or epoch milliseconds. */
export type Instant = Date | string | number;

/** A language tag, or a fallback list of them (`["id-ID", "en"]`). */
export type Locale = string | readonly string[];

/** The question "may this actor do this action now?". */
export interface DecideRequest {
  /** The order's facts. */
  facts: Facts;
  /** Who asks. */
  actor: Actor;
  /** The action id. */
  action: string;
  /** The action's parameters (reason, new courier, amount...). */
  params?: Record<string, FactValue>;
  /** The moment of the question; defaults to the current time. */
  now?: Instant;
  /** The answer's language; defaults to the policy's first language. */
  locale?: Locale;
}

/** The question "what may this actor do now?". */
export interface AvailableRequest {
  /** The order's facts. */
  facts: Facts;
  /** Who asks. */
  actor: Actor;
  /** The moment of the question; defaults to the current time. */
  now?: Instant;
  /** The answer's language. */
  locale?: Locale;
}

/** Text per language: `{"es": "Pendiente", "en": "Pending"}`. */
export type Text = Record<string, string>;

/** The type of a fact, parameter, attribute or effect argument. */
export type ValueType =
  | { type: "boolean" | "counter" | "number" | "timestamp" | "string" }
  | { type: "money"; currency: string }
  | { type: "enum"; values: string[] };

/** A fact declaration. */
export type FactDeclaration = (ValueType | { type: "status"; dimension: string }) & {
  label?: Text;
  optional?: boolean;
  default?: FactValue;
};

/** A condition: exactly one operator per object. See docs/policy-language.md. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { in: Record<string, string[]> }
  | { is: string }
  | { present: string }
  | { eq: [Operand, Operand] }
  | { ne: [Operand, Operand] }
  | { lt: [Operand, Operand] }
  | { le: [Operand, Operand] }
  | { gt: [Operand, Operand] }
  | { ge: [Operand, Operand] }
  | { within: Window }
  | { elapsed: Window };

/** A time window counted from a timestamp fact. */
export interface Window {
  /** The timestamp fact it counts from. */
  since: string;
  /** Its length. */
  for: DurationSpec;
  /** Whether the end instant itself belongs to the window (or counts as elapsed). */
  edge: "inclusive" | "exclusive";
}

/** A length of time in one unit. */
export type DurationSpec = { minutes: number } | { hours: number } | { days: number } | { businessDays: number };

/** What a condition compares. */
export type Operand =
  | { fact: string }
  | { param: string }
  | { actor: string }
  | { money: { amount: number | string; currency: string } }
  | string
  | number
  | boolean;

/** An effect of a rule; with `when`, it takes place only when the condition holds. */
export type EffectSpec = (
  | { set: Record<string, Operand> }
  | { stamp: string }
  | { clear: string }
  | { increment: string }
  | { emit: string; args?: Record<string, Operand> }
) & { when?: Condition };

/** Something to do instead. */
export type AlternativeSpec = ({ action: string } | { contact: string } | { waitFor: Record<string, string> }) & {
  message: string;
  when?: Condition;
};

/** A rule: the first matching rule of an action decides. */
export interface RuleSpec {
  /** Stable id, shown in decisions and traces. */
  id: string;
  /** The action the rule decides. */
  action: string;
  /** The roles it applies to; omitted: every role. */
  roles?: string[];
  /** Its condition; omitted: always. */
  when?: Condition;
  /** The outcome when it matches. */
  outcome: "allowed" | "approval_required" | "denied";
  /** The approving role, for `approval_required`. */
  approver?: string;
  /** A message code given as the reason (required for `denied`). */
  reason?: string;
  /** Parameters the action must be given under this rule. */
  requires?: string[];
  /** What applying the decision changes. */
  effects?: EffectSpec[];
  /** What else to do. */
  alternatives?: AlternativeSpec[];
  /** A deadline after which the system decides by itself. */
  autoDecide?: { from?: string; after: DurationSpec; outcome: "allowed" | "approval_required" | "denied" };
  /** Free text for documentation, such as the source article's words. */
  note?: string;
}

/** A policy document (format 1). See docs/policy-language.md. */
export interface PolicyDocument {
  /** The format version: 1. */
  ordergate: 1;
  /** Stable id of the policy. */
  id: string;
  /** The version the policy declares. */
  version: string;
  /** Display name per language. */
  name?: Text;
  /** Free description. */
  description?: string;
  /** Declared languages, default first. */
  languages: string[];
  /** IANA time zone, weekend days (`"saturday"`...) and holidays (`"YYYY-MM-DD"`). */
  calendar?: { timeZone: string; weekend?: string[]; holidays?: string[] };
  /** Status dimensions; each is also a fact. */
  dimensions?: Record<string, { label?: Text; default?: string; statuses: Record<string, { label?: Text }> }>;
  /** Other facts of an order. */
  facts?: Record<string, FactDeclaration>;
  /** Who can act. */
  roles?: Record<string, { label?: Text }>;
  /** Typed attributes an actor may carry besides `role` and `id`. */
  actorAttributes?: Record<string, ValueType>;
  /** What can be asked. */
  actions?: Record<string, {
    label?: Text;
    params?: Record<string, ValueType & { label?: Text }>;
    limit?: { counter: string; max: number; reason: string };
    confirm?: string;
    irreversible?: boolean;
    otherwise?: { reason: string; alternatives?: AlternativeSpec[] };
  }>;
  /** Named effects rules may emit. */
  effects?: Record<string, { label?: Text; args?: Record<string, ValueType> }>;
  /** Reason and alternative texts by code. */
  messages?: Record<string, Text>;
  /** The denial when no rule of an action matches. */
  otherwise: { reason: string; alternatives?: AlternativeSpec[] };
  /** The rules, in order: the first that matches wins. */
  rules: RuleSpec[];
}

/** A summary of a loaded policy, for building UIs. */
export interface PolicySummary {
  /** The policy id. */
  id: string;
  /** Its version. */
  version: string;
  /** `sha256:` and the hash of its canonical JSON. */
  hash: string;
  /** Display name per language. */
  name: Text;
  /** Declared languages, default first. */
  languages: string[];
  /** The calendar's IANA time zone. */
  timeZone: string;
  dimensions: { id: string; label: Text; statuses: { id: string; label: Text }[] }[];
  facts: { id: string; label: Text }[];
  roles: { id: string; label: Text }[];
  actions: { id: string; label: Text; params: string[] }[];
}
