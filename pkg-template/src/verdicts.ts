/**
 * The answers of many requests at once: {@link Verdicts} for a batch, and
 * {@link PreparedRequests}, requests written once as rows and decided again as often as asked.
 * @packageDocumentation
 */
import type { Outcome } from "./types.js";
import { OUTCOMES, VERDICT_WIDTH, type RowCodec, type Verdict } from "./rows.js";

/** Where a batch's answers are written: per request its outcome, its verdict's numbers, its action. @internal */
export interface VerdictBuffers {
  outcomes: Uint8Array;
  /** {@link VERDICT_WIDTH} numbers per request. */
  results: Float64Array;
  actions: Uint16Array;
}

/** The verdicts of a batch, in request order; each is built when first read. */
export class Verdicts {
  /** One byte per request: 0 allowed, 1 approval required, 2 denied. */
  readonly outcomes: Uint8Array;
  readonly #codec: RowCodec;
  readonly #results: Float64Array;
  readonly #actions: Uint16Array;
  readonly #slow: Map<number, Verdict>;
  /** The buffers the arrays above view, as allocated: a later batch may refill them. */
  readonly #buffers: VerdictBuffers;

  /** @internal */
  constructor(codec: RowCodec, buffers: VerdictBuffers, count: number, slow: Map<number, Verdict>) {
    this.#codec = codec;
    this.#buffers = buffers;
    const whole = buffers.outcomes.length === count;
    this.outcomes = whole ? buffers.outcomes : buffers.outcomes.subarray(0, count);
    this.#results = whole ? buffers.results : buffers.results.subarray(0, count * VERDICT_WIDTH);
    this.#actions = whole ? buffers.actions : buffers.actions.subarray(0, count);
    this.#slow = slow;
  }

  /**
   * Room for the answers of `count` requests of `codec`'s policy: the buffers of `reuse` when it
   * holds a batch of the same policy at least as long, whose answers are then overwritten, else
   * new ones. @internal
   */
  static buffers(codec: RowCodec, count: number, reuse: Verdicts | undefined): VerdictBuffers {
    if (reuse !== undefined && reuse.#codec === codec && reuse.#buffers.outcomes.length >= count) return reuse.#buffers;
    return { outcomes: new Uint8Array(count), results: new Float64Array(count * VERDICT_WIDTH), actions: new Uint16Array(count) };
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
  readonly #decide: (now: number | Date | undefined, reuse: Verdicts | undefined) => Verdicts;
  /** How many requests were prepared. */
  readonly length: number;

  /** @internal */
  constructor(length: number, decide: (now: number | Date | undefined, reuse: Verdicts | undefined) => Verdicts) {
    this.length = length;
    this.#decide = decide;
  }

  /**
   * The verdicts of every prepared request, each as {@link Policy.verdict} would answer it. With
   * `now` (epoch milliseconds or a `Date`), every request is decided at that instant instead of
   * its own; without it, at its own `now`, and a request that had none at the clock's time of this
   * call. Throws what {@link Policy.verdicts} throws.
   *
   * With `reuse`, the verdicts of an earlier call (of these or other requests of the same
   * policy), the answers are written into its memory instead of new memory, as
   * {@link Policy.verdicts} does: neither `reuse` nor any batch written into its memory before
   * may be read afterwards.
   *
   * @example
   * ```ts
   * let shown = orders.verdicts();
   * setInterval(() => { shown = orders.verdicts(undefined, shown); render(shown); }, 60_000);
   * ```
   */
  verdicts(now?: number | Date, reuse?: Verdicts): Verdicts {
    return this.#decide(now, reuse);
  }
}
