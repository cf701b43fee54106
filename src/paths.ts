import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root, found from wherever this file was compiled to (src/, dist/, dist-bench/src/). */
export const projectRoot = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'neo4j', 'pom.xml'))) return dir;
  }
  throw new Error(`No project root above ${__dirname}`);
})();
