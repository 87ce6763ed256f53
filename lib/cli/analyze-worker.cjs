'use strict';
// A worker thread of `factsum analyze --jobs N`. Worker threads do not inherit the main thread's module
// hooks, so tsx is registered here, as bin/factsum.cjs does, before the TypeScript worker is loaded.
require('tsx/cjs/api').register();
require('./analyze-worker.ts');
