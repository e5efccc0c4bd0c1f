import { load } from '../kz/engine.js';
import { report } from './common.js';

report(load('../kz/index/', location.href).then((idx) => async (q) => idx.search(q, { limit: 10 }).hits.map((h) => h.id)));
