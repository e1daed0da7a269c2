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
