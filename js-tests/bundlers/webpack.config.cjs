// webpack 5: ESM output, top-level await, the .wasm emitted as an asset through
// `new URL("ordergate_bg.wasm", import.meta.url)` in the package.
const path = require("node:path");
module.exports = (env) => ({
  mode: "production",
  entry: path.join(__dirname, "app.js"),
  experiments: { outputModule: true, topLevelAwait: true },
  output: { path: path.resolve(env.out), filename: "app.js", module: true, publicPath: "auto" },
  performance: { hints: false },
});
