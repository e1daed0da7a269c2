import type { Code, Issue } from "./generated/Errors.js";

/** Every error code: the engine's, plus `NOT_INITIALIZED` from the SDK. */
export type ErrorCode = Code | "NOT_INITIALIZED";

/**
 * The error every ordergate call throws: a stable `code`, a `path` into the input
 * (`$.facts.status`), a message that says what to do, and for an invalid policy every problem
 * found in `issues`.
 *
 * @example
 * ```ts
 * try { policy.decide(request) } catch (e) {
 *   if (e instanceof OrdergateError && e.code === "UNKNOWN_STATUS") console.log(e.path);
 * }
 * ```
 */
export class OrdergateError extends Error {
  /** The stable code of the (first) problem. */
  readonly code: ErrorCode;
  /** Where in the input the (first) problem is. */
  readonly path: string;
  /** Every problem found (one for an input error). */
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, path: string, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = "OrdergateError";
    this.code = code;
    this.path = path;
    this.issues = issues;
  }
}

interface ErrorReport {
  code: Code;
  path: string;
  message: string;
  issues: Issue[];
}

function isReport(value: unknown): value is ErrorReport {
  return typeof value === "object" && value !== null && "code" in value && "path" in value && "message" in value;
}

/** Turns what the WASM layer threw (the JSON of an error report) into an OrdergateError. */
export function toOrdergateError(thrown: unknown): Error {
  if (typeof thrown === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(thrown);
    } catch {
      return new Error(thrown);
    }
    if (isReport(parsed)) {
      return new OrdergateError(parsed.code, parsed.path, parsed.message, parsed.issues);
    }
  }
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
