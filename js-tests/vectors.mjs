// Replays vectors through an ordergate module: each vector is {policy, method, request,
// expected}, and `expected` is compared with `await digest(answer)`, where the answer is the
// decision's JSON text (or the error's {code, path, message, issues}). With the default digest
// `expected` is the full native answer (test-data/vectors.json); with SHA-256 it is a digest
// (generated vectors). The function is self-contained so that browsers can run its source text.
export async function replay(ordergate, vectors, sources, digest = async (text) => text) {
  const { Policy } = ordergate;
  const cache = new Map();
  const policy = (name) => {
    if (!cache.has(name)) cache.set(name, sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));
    return cache.get(name);
  };
  const mismatches = [];
  for (const [index, v] of vectors.entries()) {
    let answer;
    try {
      answer = JSON.stringify(policy(v.policy)[v.method](v.request));
    } catch (e) {
      answer = JSON.stringify({ code: e.code, path: e.path, message: e.message, issues: e.issues });
    }
    if ((await digest(answer)) !== v.expected) mismatches.push({ index, policy: v.policy, expected: v.expected, answer });
  }
  return { count: vectors.length, mismatchCount: mismatches.length, mismatches: mismatches.slice(0, 3) };
}

/** Generated vectors: JSON lines with `sha256` where `replay` expects `expected`. */
export function parseGenerated(text) {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const v = JSON.parse(line);
      return { ...v, expected: v.sha256 };
    });
}

/**
 * Decides each group's requests ({policy, requests, instants}) through `Policy.prepare`, at their
 * own instants (past the row decider's tier-up) and at each of `instants`, and through
 * `Policy.verdicts`; returns the verdicts' JSON text per group, or the error's code and path. The
 * function is self-contained so that browsers can run its source text.
 */
export function preparedVerdicts(ordergate, groups, sources) {
  const { Policy } = ordergate;
  const out = {};
  for (const { policy: name, requests, instants } of groups) {
    const policy = sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name);
    const prepared = policy.prepare(requests);
    const calls = Math.ceil(1024 / Math.max(1, requests.length)) + 1;
    try {
      let own = [];
      for (let i = 0; i < calls; i++) own = [...prepared.verdicts()];
      const at = instants.map((t) => [...prepared.verdicts(t)]);
      out[name] = JSON.stringify({ own, at, batch: [...policy.verdicts(requests)] });
    } catch (e) {
      out[name] = JSON.stringify({ error: e.code, path: e.path });
    }
  }
  return out;
}
