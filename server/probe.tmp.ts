import { loadMigrations } from './db/migrate.js';
import { renderStatements } from './db/clusterRender.js';
for (const m of loadMigrations()) { console.log('==== ' + m.file); for (const s of renderStatements(m.statements, { cluster: 'vigil', database: 'vigil' })) console.log(s + ';\n'); }
