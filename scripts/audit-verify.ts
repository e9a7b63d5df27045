// npm run audit:verify — recomputes the audit log's hash chain in the server's database (same
// config as the server) and says whether it is intact; exit 1 at the first broken entry, so a
// cron job or the operator's checklist can alert on it.
import { loadConfig } from '../server/config.ts';
import { verifyAuditChain } from '../server/db/audit.ts';
import { openDatabase } from '../server/db/database.ts';

const config = loadConfig();
const db = openDatabase({ file: config.dbFile, url: config.dbUrl });
let code = 0;
try {
  const r = await verifyAuditChain(db);
  if (r.ok) {
    console.log(`ok: ${r.entries} entries, chain intact / 审计日志完整`);
  } else {
    console.error(`broken: entry ${r.firstBrokenId} does not match the chain (${r.entries} entries checked) / 审计日志在第 ${r.firstBrokenId} 条被改动`);
    code = 1;
  }
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
