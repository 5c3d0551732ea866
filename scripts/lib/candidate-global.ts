// Scripts run through scripts/ts-run.mjs read pages with the extension's own code, whose first-stage
// pattern the build defines (src/content/candidate.ts): here it is made the same way, from the detector's terms.
import { candidateSource } from '../../src/shared/detect-topic';

export const __BACKSTORY_CANDIDATE__ = new RegExp(candidateSource(), 'i');
