// The build defines the first stage's pattern (src/content/candidate.ts) from the detector's terms;
// unit tests get it the same way, as a global set before any test file imports the extension's code.
import { candidateSource } from '../../../src/shared/detect-topic';

Object.assign(globalThis, { __BACKSTORY_CANDIDATE__: new RegExp(candidateSource(), 'i') });
