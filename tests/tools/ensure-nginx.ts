/**
 * Makes sure Debian's nginx is there for the test of the deploy folder's proxy settings
 * (deploy/compose/nginx.conf in front of real relays): installs `nginx-core` when we are root
 * with apt, otherwise says how to install it.
 */
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.ts';

/** The nginx program: NGINX_BIN, else Debian's. */
const nginxPath = (): string => process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** Installs nginx when missing (as root, with apt); returns its path or throws saying what to do. */
export const ensureNginx = (): string => {
  if (existsSync(nginxPath())) return nginxPath();
  if (process.env.NGINX_BIN) throw new Error(`NGINX_BIN=${process.env.NGINX_BIN} is not there; point it at the nginx program, or unset it.`);
  aptInstall(['nginx-core'], 'nginx is missing for the test of the deploy proxy');
  if (!existsSync(nginxPath())) {
    throw new Error('The deploy proxy test needs nginx: install it with "sudo apt-get update && sudo apt-get install -y nginx-core" (or set NGINX_BIN) and run the tests again.');
  }
  return nginxPath();
};
