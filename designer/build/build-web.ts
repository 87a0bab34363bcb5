/** `npm run build:web`: builds the browser apps into designer/dist, whether or not they are current. */
import { buildWeb, WEB_DIST_DIR } from './web-build.js';

await buildWeb();
process.stdout.write(`Built the browser apps into ${WEB_DIST_DIR}\n`);
