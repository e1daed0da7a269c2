// Replays test-data/vectors.json (answers computed natively by `cargo test --test vectors`)
// through a given ordergate module, returning the mismatches. Runs in Node and, as a string of
// source handed to page.evaluate, in Chromium.
export function replay(ordergate, vectors, sources) {
  const { Policy } = ordergate;
  const cache = new Map();
  const policy = (name) => {
    if (!cache.has(name)) cache.set(name, sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));
    return cache.get(name);
  };
  const mismatches = [];
  for (const [i, v] of vectors.entries()) {
    let actual;
    try {
      actual = JSON.stringify(policy(v.policy)[v.method](v.request));
    } catch (e) {
      actual = JSON.stringify({ code: e.code, path: e.path, message: e.message, issues: e.issues });
    }
    if (actual !== v.expected) mismatches.push({ index: i, policy: v.policy, expected: v.expected, actual });
  }
  return mismatches;
}
