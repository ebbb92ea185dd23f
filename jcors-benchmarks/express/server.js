// The Express counterpart of io.jcors.benchmarks.LoopbackServer: one route, /api/data, answering
// every method with 200 {"ok":true}, behind the cors middleware ("cors") or not ("plain"), with the
// same policy (100 exact origins https://app0.example.com ... app99, credentials, max-age 600).
//
//   node server.js cors|plain PORT
//
// Prints "listening on http://127.0.0.1:PORT" when ready.
'use strict';
const express = require('express');
const cors = require('cors');

const [mode, portArg] = process.argv.slice(2);
if (!['cors', 'plain'].includes(mode) || portArg === undefined || isNaN(Number(portArg))) {
  console.error('usage: node server.js cors|plain PORT');
  process.exit(2);
}

const origins = [];
for (let i = 0; i < 100; i++) origins.push(`https://app${i}.example.com`);

const app = express();
app.disable('x-powered-by');
app.disable('etag');
if (mode === 'cors') {
  app.use(cors({
    origin: origins,
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Requested-With'],
    exposedHeaders: ['X-Request-Id'],
    credentials: true,
    maxAge: 600,
  }));
}
app.all('/api/data', (req, res) => res.json({ ok: true }));

const server = app.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
