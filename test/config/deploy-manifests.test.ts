import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/config';
import { imageNodeOptions } from '../harness/image-node-options';

// What the deployment examples must agree on with the gateway. Their schema validation is scripts/validate-deploy.mjs
// (a .ci/run step: kubernetes-models is ESM-only, which Jest's CommonJS runtime does not load).
const ROOT = join(__dirname, '..', '..');
const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec: any };

function manifests(): Array<{ file: string; manifest: Manifest }> {
  return readdirSync(KUBERNETES)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(KUBERNETES, file), 'utf8')).map((document) => ({
        file,
        manifest: document.toJSON() as Manifest,
      })),
    );
}

function gateway(): Manifest {
  return manifests().find(
    ({ manifest }) => manifest.kind === 'Deployment' && manifest.metadata.name === 'process-runs-gateway',
  )!.manifest;
}

const MIB = 1024 * 1024;
const UNITS: Record<string, number> = { '': 1, Ki: 1024, Mi: MIB, Gi: 1024 * MIB, k: 1e3, M: 1e6, G: 1e9 };

/** A Kubernetes memory quantity (512Mi, 1G, 536870912) in bytes. */
function bytesOf(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unsupported memory quantity ${quantity}`);
  return Number(match[1]) * UNITS[match[2] ?? '']!;
}
const flag = (options: string, name: string): number | undefined => {
  const value = new RegExp(`(?:^| )--${name}=(\\d+)(?: |$)`).exec(options)?.[1];
  return value === undefined ? undefined : Number(value);
};

describe('deploy/kubernetes – manifests that agree with the gateway', () => {
  it('the gateway environment loads as a production config, and the grace period covers delay + drain + 5 s', () => {
    const container = gateway().spec.template.spec.containers[0];
    const env = Object.fromEntries(
      (container.env as Array<{ name: string; value?: string }>).map(({ name, value }) => [
        name,
        value ?? 'a-secret-from-the-cluster-'.repeat(2),
      ]),
    );
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    const delayMs = Number(env.SHUTDOWN_DELAY_MS);
    expect(delayMs).toBe(5000);
    expect(config.shutdownGraceMs).toBe(Number(env.SHUTDOWN_GRACE_MS));
    expect(gateway().spec.template.spec.terminationGracePeriodSeconds * 1000).toBe(
      delayMs + config.shutdownGraceMs + 5000,
    );
  });

  it('probes: readiness and startup on /ready, liveness on /health, all on the container port', () => {
    const container = gateway().spec.template.spec.containers[0];
    expect(
      [container.startupProbe, container.readinessProbe, container.livenessProbe].map((probe) => probe.httpGet),
    ).toEqual([
      { path: '/ready', port: 'http' },
      { path: '/ready', port: 'http' },
      { path: '/health', port: 'http' },
    ]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 4000 }]);
  });

  it('the HPA and the PDB select the gateway, and the HPA never goes below what the PDB needs', () => {
    const all = manifests().map(({ manifest }) => manifest);
    const hpa = all.find((m) => m.kind === 'HorizontalPodAutoscaler')!;
    const pdb = all.find((m) => m.kind === 'PodDisruptionBudget')!;
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'process-runs-gateway',
    });
    expect(pdb.spec.selector.matchLabels).toEqual(gateway().spec.selector.matchLabels);
    expect(hpa.spec.minReplicas).toBeGreaterThan(pdb.spec.maxUnavailable);
  });

  it('the heap bound fits the memory limit: the image flags, old space at most half of limits.memory', () => {
    const container = gateway().spec.template.spec.containers[0];
    const nodeOptions = (container.env as Array<{ name: string; value?: string }>).find(
      ({ name }) => name === 'NODE_OPTIONS',
    )?.value;
    // NODE_OPTIONS replaces the image's: the Deployment must carry the young-generation size too.
    expect(nodeOptions).toBe(imageNodeOptions());
    const limit = bytesOf(container.resources.limits.memory);
    const oldSpace = flag(nodeOptions!, 'max-old-space-size')! * MIB;
    const semiSpace = flag(nodeOptions!, 'max-semi-space-size')! * MIB;
    expect(oldSpace).toBeGreaterThan(0);
    expect(oldSpace).toBeLessThanOrEqual(limit / 2);
    // V8's young generation is three semi-spaces; with old space it must leave room for code, buffers and sockets.
    expect(oldSpace + 3 * semiSpace).toBeLessThan(limit);
  });

  it('the memory quantity reader knows the units manifests use', () => {
    expect([bytesOf('512Mi'), bytesOf('1Gi'), bytesOf('500M'), bytesOf('1048576')]).toEqual([
      512 * MIB,
      1024 * MIB,
      500e6,
      MIB,
    ]);
    expect(() => bytesOf('512 MiB')).toThrow('unsupported memory quantity 512 MiB');
  });
});

describe('examples/scale-out/compose.yaml – router on v2', () => {
  it('runs the Apollo Router v2 line', () => {
    const compose = parse(readFileSync(join(ROOT, 'examples', 'scale-out', 'compose.yaml'), 'utf8')) as {
      services: Record<string, { image: string }>;
    };
    expect(compose.services.router!.image).toMatch(/^ghcr\.io\/apollographql\/router:v2\.\d+\.\d+$/);
  });
});
