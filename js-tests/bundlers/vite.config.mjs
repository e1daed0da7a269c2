// Vite builds index.html with app.js into the given outDir.
export default { base: "./", logLevel: "warn", build: { target: "es2022" } };
