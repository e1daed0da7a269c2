/**
 * The answers of many requests at once: {@link Verdicts} for a batch, and
 * {@link PreparedRequests}, requests written once as rows and decided again as often as asked.
 * @packageDocumentation
 */
import type { Outcome } from "./types.js";
import { OUTCOMES, VERDICT_WIDTH, type RowCodec, type Verdict } from "./rows.js";

/** The verdicts of a batch, in request order; each is built when first read. */
export class Verdicts {
  /** One byte per request: 0 allowed, 1 approval required, 2 denied. */
  readonly outcomes: Uint8Array;
  readonly #codec: RowCodec;
  readonly #results: Float64Array;
  readonly #actions: Uint16Array;
  readonly #slow: Map<number, Verdict>;

  /** @internal */
  constructor(codec: RowCodec, outcomes: Uint8Array, results: Float64Array, actions: Uint16Array, slow: Map<number, Verdict>) {
    this.#codec = codec;
    this.outcomes = outcomes;
    this.#results = results;
    this.#actions = actions;
    this.#slow = slow;
  }

  /** How many requests were decided. */
  get length(): number {
    return this.outcomes.length;
  }

  /** The outcome of request `index`. */
  outcome(index: number): Outcome | undefined {
    return OUTCOMES[this.outcomes[index] ?? 3];
  }

  /** The verdict of request `index`. */
  get(index: number): Verdict | undefined {
    if (index < 0 || index >= this.outcomes.length) return undefined;
    return this.#slow.get(index) ?? this.#codec.verdict(this.#results, index * VERDICT_WIDTH, this.#actions[index] ?? 0);
  }

  /** The verdicts in request order. */
  *[Symbol.iterator](): IterableIterator<Verdict> {
    for (let i = 0; i < this.outcomes.length; i++) {
      const v = this.get(i);
      if (v !== undefined) yield v;
    }
  }
}

/**
 * Requests read once ({@link Policy.prepare}) and decided again at every call of
 * {@link PreparedRequests.verdicts}: a list of orders whose buttons change as time passes
 * (a window closing, a deadline reached) is re-decided without reading its objects again, and
 * only the requests whose action a window bounds are decided again (the others' verdicts are the
 * same at every instant, and kept once decided).
 *
 * @example
 * ```ts
 * const orders = policy.prepare(requests);
 * const nowShown = orders.verdicts();              // each request at its own `now` (or the clock's)
 * const inAnHour = orders.verdicts(Date.now() + 3_600_000);
 * inAnHour.outcome(0); // "denied" once the window has closed
 * ```
 */
export class PreparedRequests {
  readonly #decide: (now: number | Date | undefined) => Verdicts;
  /** How many requests were prepared. */
  readonly length: number;

  /** @internal */
  constructor(length: number, decide: (now: number | Date | undefined) => Verdicts) {
    this.length = length;
    this.#decide = decide;
  }

  /**
   * The verdicts of every prepared request, each as {@link Policy.verdict} would answer it. With
   * `now` (epoch milliseconds or a `Date`), every request is decided at that instant instead of
   * its own; without it, at its own `now`, and a request that had none at the clock's time of this
   * call. Throws what {@link Policy.verdicts} throws.
   */
  verdicts(now?: number | Date): Verdicts {
    return this.#decide(now);
  }
}
