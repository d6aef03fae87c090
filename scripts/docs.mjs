// `pnpm docs`: the API reference of every published package, from the TSDoc of what each
// package's `exports` makes public (TypeDoc's packages mode infers the entry points from
// `exports` and maps them back to `src/` through the package's tsconfig), written to docs/api/
// (git-ignored). Exits 1 on any warning: an undocumented public export, a broken {@link} or a
// relative link in a README or comment that leads nowhere.
import { join } from "node:path";
import { Application, Comment, Converter, LogLevel, OptionDefaults, ReflectionKind } from "typedoc";
import { publishedPackages, root } from "./changesets.mjs";

// What each package's conversion needs (packages mode converts each package with these options).
const perPackage = {
  tsconfig: "tsconfig.build.json",
  // The exports themselves; their members are documented where a name does not say enough.
  requiredToBeDocumented: ["Enum", "Variable", "Function", "Class", "Interface", "TypeAlias"],
  // openapi-typescript writes @description and @constant in src/generated/.
  blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
  // A public type may name an internal one (a zod schema behind a type, a step helper's input):
  // that is not a missing export.
  validation: { notExported: false, invalidLink: true, rewrittenLink: true, notDocumented: true },
  // Source links need a git remote, which a checkout made without one lacks; the reference is read
  // locally, beside the sources.
  disableSources: true,
};

// The root has no tsconfig of its own: only the packages are converted.
const { tsconfig, ...rootOptions } = perPackage;
const app = await Application.bootstrapWithPlugins({
  ...rootOptions,
  highlightLanguages: [...OptionDefaults.highlightLanguages, "csv"],
  ignoredHighlightLanguages: ["jsonl"],
  name: "campaignkit",
  entryPointStrategy: "packages",
  entryPoints: publishedPackages().map(({ dir }) => join(root, "packages", dir)),
  packageOptions: perPackage,
  readme: join(root, "README.md"),
  out: join(root, "docs", "api"),
  treatWarningsAsErrors: true,
  logLevel: LogLevel.Warn,
});
// openapi-typescript gives its top-level types no comment of their own (`paths` picks up the file's
// header), and src/generated/ is never edited by hand: say here what they are.
const GENERATED = {
  paths:
    "Every path of the vendor's OpenAPI spec in `specs/`, with its operations' parameters, bodies and answers.",
  components: "The schemas, parameters and responses of the vendor's OpenAPI spec in `specs/`.",
  operations: "Every operation of the vendor's OpenAPI spec in `specs/`, by operationId.",
};
app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
  for (const reflection of context.project.getReflectionsByKind(ReflectionKind.SomeExport)) {
    // Only the generated clients export these names (sources are off, so the file is not known).
    if (GENERATED[reflection.name]) {
      reflection.comment = new Comment([{ kind: "text", text: GENERATED[reflection.name] }]);
    }
  }
});

const project = await app.convert();
if (project) {
  app.validate(project);
  await app.generateOutputs(project);
}
const ok = project !== undefined && app.logger.errorCount === 0 && app.logger.warningCount === 0;
console.log(
  ok
    ? `API reference: docs/api/index.html`
    : `API reference: ${app.logger.errorCount + app.logger.warningCount} problems above (document each public export in its TSDoc; fix each link)`,
);
process.exit(ok ? 0 : 1);
