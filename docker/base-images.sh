#!/usr/bin/env bash
# Makes sure the Dockerfile's two base images are here: pulled from the registry when it answers,
# or else stand-ins made from Debian's packages under the same names, for machines that cannot
# reach Docker Hub. A stand-in is Debian bookworm (debootstrap, minbase) with Debian's OpenJDK 17:
# the JRE for the run stage, the JDK and Maven for the build stage. Needs root for debootstrap.
set -euo pipefail

build_image=maven:3.9-eclipse-temurin-17
run_image=eclipse-temurin:17-jre
debian_image=paygate-stand-in/debian:bookworm
mirror=${PAYGATE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

have() { docker image inspect "$1" > /dev/null 2>&1; }

for image in "$build_image" "$run_image"; do
  have "$image" || timeout 120 docker pull -q "$image" > /dev/null 2>&1 || true
done
if have "$build_image" && have "$run_image"; then
  exit 0
fi

echo "base-images: the registry did not give $build_image and $run_image; making stand-ins from Debian packages"
if ! have "$debian_image"; then
  command -v debootstrap > /dev/null || { echo "base-images: debootstrap is needed (apt-get install debootstrap)" >&2; exit 1; }
  rootfs=$(mktemp -d /var/tmp/paygate-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$rootfs.log" 2>&1 ||
    { cat "$rootfs.log" >&2; exit 1; }
  rm -f "$rootfs.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$debian_image" > /dev/null
fi

# stand_in NAME PACKAGES...: NAME made from the Debian image with PACKAGES installed.
stand_in() {
  local name=$1
  shift
  have "$name" && return
  docker build --network host -q -t "$name" - > /dev/null << DOCKERFILE
FROM $debian_image
LABEL org.opencontainers.image.description="stand-in for $name made from Debian packages"
RUN apt-get update -qq \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $* \\
 && apt-get clean && rm -rf /var/lib/apt/lists/*
DOCKERFILE
  echo "base-images: $name is a stand-in with Debian's $*"
}
stand_in "$run_image" openjdk-17-jre-headless ca-certificates
stand_in "$build_image" openjdk-17-jdk-headless maven ca-certificates
