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
# Blocks of 32 KB and more (cached answers) get their own pages, returned
# when freed, instead of leaving holes in the heap that RSS keeps.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-32768}"
# Old generation at most 192 MB, young generation 8 MB per semi-space; the
# caller's NODE_OPTIONS come after, so a setting there wins.
export NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8${NODE_OPTIONS:+ $NODE_OPTIONS}"

[ $# -gt 0 ] || set -- dist/src/main.js
# The heap may double between full collections (node refuses this flag in
# NODE_OPTIONS; a caller passes its own before the entry point).
exec node --heap-growing-percent=100 "$@"
