'use strict';
/**
 * Preloaded into every server the benchmark starts (node -r): counts the SQL
 * statements the process sends through pg and serves the count on
 * 127.0.0.1:$BENCH_STATS_PORT, so statements per request are measured the
 * same way for the floor, the peer and the API, without touching their code.
 */
const http = require('node:http');
const { Client } = require('pg');

let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const port = Number(process.env.BENCH_STATS_PORT);
if (port) {
  http
    .createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ statements, memory: process.memoryUsage() }));
    })
    .listen(port, '127.0.0.1')
    .unref();
}
