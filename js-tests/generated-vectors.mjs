// Replays generated vectors (target/vectors/*.jsonl from `cargo run --bin vectors`) through an
// ordergate module and compares the SHA-256 of each answer with the native one. The function is
// self-contained so that browsers can run its source text.
export async function replayDigests(ordergate, text, sources, sha256) {
  const { Policy } = ordergate;
  const cache = new Map();
  const policy = (name) => {
    if (!cache.has(name)) cache.set(name, sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));
    return cache.get(name);
  };
  const mismatches = [];
  let count = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const v = JSON.parse(line);
    let answer;
    try {
      answer = JSON.stringify(policy(v.policy)[v.method](v.request));
    } catch (e) {
      answer = JSON.stringify({ code: e.code, path: e.path, message: e.message, issues: e.issues });
    }
    count++;
    if ((await sha256(answer)) !== v.sha256) mismatches.push({ i: v.i, policy: v.policy, answer });
  }
  return { count, mismatches: mismatches.slice(0, 5), mismatchCount: mismatches.length };
}
