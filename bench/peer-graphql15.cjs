'use strict';
/**
 * PostGraphile 4 needs graphql 15 and brings copies of it, while the app
 * uses graphql 16 at the top of node_modules; some of its packages would
 * resolve the top one and graphql refuses to mix instances. In the peer's
 * process only, every `graphql` import resolves to PostGraphile's copy.
 */
const Module = require('node:module');
const { dirname } = require('node:path');

const postgraphileDir = dirname(require.resolve('postgraphile/package.json'));
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveGraphql15(request, parent, isMain, options) {
  if (request === 'graphql' || request.startsWith('graphql/')) {
    return resolve.call(this, request, parent, isMain, { paths: [postgraphileDir] });
  }
  return resolve.call(this, request, parent, isMain, options);
};
