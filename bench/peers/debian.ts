// Peers come from Debian (bench/README.md): installed on first use, quietly, refreshing the package
// lists only when the plain install fails.
import { execSync } from 'node:child_process';

export function aptInstall(pkg: string): void {
  console.log(`installing the peer ${pkg} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try { execSync(`apt-get install -y -qq ${pkg}`, { stdio: 'ignore', env }); }
  catch { execSync(`apt-get update -qq && apt-get install -y -qq ${pkg}`, { stdio: 'ignore', env }); }
}
