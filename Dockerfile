# syntax=docker/dockerfile:1
# Production image: Node 24 (what .node-version names) on Debian 13 (trixie) slim.
# The base is to be pinned by digest (a tag moves under you). To pin or update it (needs a container engine and registry access):
#   docker buildx imagetools inspect node:24-trixie-slim --format '{{json .Manifest.Digest}}'
# then set NODE_IMAGE below to node:24-trixie-slim@sha256:<that digest> (scripts/pin-base-image.sh does both).
# Until that has been run, the default is the bare tag: the machine this was written on had no registry access.
ARG NODE_IMAGE=node:24-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json codegen.yml ./
COPY schema ./schema
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
# A 32 MiB young generation (semi-space), measured on Node 24: one 2,000-job operation's garbage dies young, so CPU per
# operation is ~25 % below the 4 MiB setting used before, while peak RSS with 50 concurrent such operations stays
# within 1.1x the floor's, below V8's default (bench/README.md, "Fourth pass").
# A 256 MiB old generation, for the 512 MiB memory limit of deploy/kubernetes: unbounded, V8 grows the heap under
# sustained load until the pod is killed; bounded, RSS stays flat (docs/deployment.md, "Node flags and memory").
# An operator's NODE_OPTIONS replaces both: with another limit, set old space to about half of it and keep the first.
ENV NODE_OPTIONS="--max-semi-space-size=32 --max-old-space-size=256"
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; no install scripts run (package.json allowScripts denies the four there are).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1's child-free target: SIGTERM reaches the gateway directly for a graceful drain.
CMD ["node", "dist/index.js"]
