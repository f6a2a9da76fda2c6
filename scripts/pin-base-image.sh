#!/usr/bin/env bash
# Pins the Dockerfile's base image to the digest the registry serves now for its tag (run where docker can reach it).
set -euo pipefail
cd "$(dirname "$0")/.."
current="$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)"
tag="${current%@*}"
digest="$(docker buildx imagetools inspect "$tag" --format '{{json .Manifest.Digest}}' | tr -d '"')"
case "$digest" in sha256:*) ;; *) echo "no digest for $tag: $digest" >&2; exit 1 ;; esac
sed -i "s|^ARG NODE_IMAGE=.*|ARG NODE_IMAGE=${tag}@${digest}|" Dockerfile
echo "Dockerfile: NODE_IMAGE=${tag}@${digest}"
