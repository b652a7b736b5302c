#!/usr/bin/env bash
# Starts or stops a private Podman engine for the tests: its own storage, run dir and Docker-compatible
# socket under DIR, so tests never see (or touch) the host's containers.
#   podman-test-engine.sh start DIR   -> prints the socket URI; the service's pid is in DIR/podman.pid
#   podman-test-engine.sh stop DIR    -> stops the service, removes its containers and storage
# The containers.conf recipe: default ulimits the host's hard limits allow, cgroupfs (hybrid cgroup hosts),
# runc (crun refuses hybrid cgroups). The test image is a busybox rootfs imported with `podman import`
# (no registry is reachable): /tmp mode 1777 (a tmpfs on /tmp takes the image's mode) and a uid 1000 user.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?DIR}
image=${TEST_IMAGE:-localhost/openclaw-desired-test:1}
# RLIMIT_NPROC counts per uid across all containers: the benchmark's thousand uid-1000 containers need more.
nproc=${TEST_NPROC:-1000}

podman_in() {
  CONTAINERS_CONF="$dir/containers.conf" podman --root "$dir/storage" --runroot "$dir/run" --tmpdir "$dir/tmp" "$@"
}

case "$cmd" in
start)
  mkdir -p "$dir/tmp"
  cat >"$dir/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=$nproc:$nproc"]
[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
events_logger = "file"
CONF
  busybox=$(command -v busybox || true)
  [ -n "$busybox" ] || { echo "podman-test-engine: busybox (busybox-static) is required" >&2; exit 1; }
  rootfs="$dir/rootfs"
  mkdir -p "$rootfs"/{bin,tmp,etc,proc,sys,dev,run,var/tmp,workspace,output}
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in sh sleep cat id touch ip ls echo grep mount true wget; do ln -sf busybox "$rootfs/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nrunner:x:1000:1000:runner:/tmp:/bin/sh\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nrunner:x:1000:\n' >"$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
  tar -C "$rootfs" -cf "$dir/rootfs.tar" .
  podman_in import --quiet "$dir/rootfs.tar" "$image" >/dev/null
  socket="$dir/podman.sock"
  CONTAINERS_CONF="$dir/containers.conf" setsid podman --root "$dir/storage" --runroot "$dir/run" --tmpdir "$dir/tmp" \
    system service --time=0 "unix://$socket" >"$dir/service.log" 2>&1 &
  echo $! >"$dir/podman.pid"
  for _ in $(seq 1 100); do
    [ -S "$socket" ] && break
    sleep 0.05
  done
  [ -S "$socket" ] || { echo "podman-test-engine: the service did not come up; see $dir/service.log" >&2; exit 1; }
  echo "unix://$socket"
  ;;
stop)
  if [ -f "$dir/podman.pid" ]; then
    pid=$(cat "$dir/podman.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  podman_in rm --all --force --time 0 >/dev/null 2>&1 || true
  podman_in system reset --force >/dev/null 2>&1 || true
  # conmon monitors of exec sessions outlive their containers once the service is gone: end every process
  # that still names this engine's private storage, so a test run leaves nothing behind.
  pkill -f -- "$dir/storage" 2>/dev/null || true
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
