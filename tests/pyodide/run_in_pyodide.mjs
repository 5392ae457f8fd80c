// Runs the Excel functions in Pyodide under Node the way xlwings Lite runs them.
// Usage: node run_in_pyodide.mjs SPEC.json  (written by test_pyodide.py); prints a JSON report.
// Everything is read from local paths: Pyodide from the npm package, wheels from the cache.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

async function main() {
  const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const started = Date.now();
  const lap = {};
  const { loadPyodide } = await import(pathToFileURL(path.join(spec.pyodide, "pyodide.mjs")).href);
  const log = (line) => process.stderr.write(line + "\n");
  const py = await loadPyodide({
    indexURL: spec.pyodide + path.sep,
    env: { HOME: "/home/pyodide", XLWINGS_ON_SERVER: "true", XLWINGS_LICENSE_KEY: spec.license },
    stdout: log,
    stderr: log,
  });
  lap.load = Date.now() - started;

  // micropip comes as a wheel too (no CDN): unpack it, then micropip installs the rest.
  py.unpackArchive(new Uint8Array(readFileSync(path.join(spec.wheels, spec.micropip))), "wheel");
  const mount = (host, at) => {
    py.FS.mkdirTree(at);
    py.FS.mount(py.FS.filesystems.NODEFS, { root: host }, at);
  };
  mount(spec.wheels, "/wheels");
  mount(path.dirname(spec.project), "/project");
  mount(spec.repo, "/repo");
  mount(path.dirname(spec.main), "/lite");
  py.runPython(readFileSync(spec.in_pyodide, "utf8"));
  const install = py.globals.get("install");
  const environment = await install(
    py.toPy(spec.dependencies.map((w) => "emfs:/wheels/" + w)),
    "emfs:/project/" + path.basename(spec.project),
  );
  lap.install = Date.now() - started - lap.load;

  const meta = py.globals.get("load")("/lite", "/repo");
  const call = py.globals.get("call");
  const results = [];
  for (const request of spec.calls) {
    // the arguments as JavaScript values: blank cells and omitted arguments are null
    results.push(await call(request));
  }
  lap.calls = Date.now() - started - lap.load - lap.install;
  // Python's JSON (a result may be Infinity, which JSON.parse refuses): assembled, not parsed
  process.stdout.write(
    `{"environment": ${environment}, "meta": ${meta}, "results": [${results.join(", ")}], ` +
      `"milliseconds": ${JSON.stringify(lap)}}`,
  );
}

// A failure prints its message (with Python's traceback), not Node's dump of the minified source.
main().catch((error) => {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exitCode = 1;
});
