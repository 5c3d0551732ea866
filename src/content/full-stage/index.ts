// The full stage's entry: the background injects it into a page whose first stage (content/first-stage/)
// found a possible mention of the story. The flag lives in the extension's isolated world, so a
// second injection into the same page finds it and does nothing: one page, one panel.
import { runFullStage } from './full-stage';

const FLAG = '__backstoryFullStage';
const scope = globalThis as typeof globalThis & { [FLAG]?: boolean };
if (!scope[FLAG]) {
  scope[FLAG] = true;
  runFullStage(document, window);
}
