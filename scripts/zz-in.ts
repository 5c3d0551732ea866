import { classifyDocument } from '../src/content/classify-page';
import { findMainRoot, readSample } from '../src/content/read-page';
import { detectTopic } from '../src/shared/detect-topic';
import { mountPanel } from '../src/content/panel';
(globalThis as any).__zz = () => {
  const t = (f: () => unknown) => { const s = performance.now(); const r = f(); return [performance.now() - s, r] as const; };
  const [rootMs, root] = t(() => findMainRoot(document));
  const [sampleMs, sample] = t(() => readSample(document, root as Element, location.href));
  const [detectMs] = t(() => detectTopic(sample as any));
  const [detect2Ms] = t(() => detectTopic(sample as any));
  const [classifyMs] = t(() => classifyDocument(document, location.href));
  const [panelMs] = t(() => mountPanel(document, { topics: ['kaspersky'], mentions: { kaspersky: 1, ncsc: 0 }, confidence: 1 }));
  return { rootMs, sampleMs, detectMs, detect2Ms, classifyMs, panelMs, textLen: (sample as any).text.length };
};
