#!/bin/sh
# Runs the compiled API with its memory settings: the one start command of
# npm start, npm run start:prod, the Docker image and npm run bench. What
# each setting does and why: docs/operations.md#memory.
#
# Arguments replace the entry point (default dist/src/main.js), e.g. a
# preload for the bench. exec: node takes this shell's place, so it gets the
# signals and its pid is the API's.

# glibc gives every thread that allocates its own arena and keeps what they
# free; zlib and argon2 allocate on libuv's threads.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# Blocks up to 2 MB come from the heap and are reused there, and at most
# 2 MB of free memory at its top is kept. Smaller thresholds gave every
# block of 32 KB and more fresh pages, zeroed by the kernel: an answer as
# rendered, pg's read buffers, each zlib and brotli context (4 x 64 KB for
# gzip): an uncached clinic page took 1.7 times the CPU it takes now.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-2097152}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-2097152}"
# Old generation at most 160 MB, young generation 16 MB per semi-space; the
# caller's NODE_OPTIONS come after, so a setting there wins.
export NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=16${NODE_OPTIONS:+ $NODE_OPTIONS}"

[ $# -gt 0 ] || set -- dist/src/main.js
# The heap may double between full collections (node refuses this flag in
# NODE_OPTIONS; a caller passes its own before the entry point).
exec node --heap-growing-percent=100 "$@"
