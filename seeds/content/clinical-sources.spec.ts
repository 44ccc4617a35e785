import { buildMicroNeedlingContent, readMicroNeedlingArticle } from './micro-needling';
import { clinicalSourcesOf } from './clinical-sources';

describe('clinical sources of the seed', () => {
  const article = readMicroNeedlingArticle();
  const sources = clinicalSourcesOf(buildMicroNeedlingContent(), article);
  const lines = article.split('\n');

  it('links every fact, list, section and FAQ answer to the article line that says it', () => {
    expect(sources.map((s) => s.field).slice(0, 8)).toEqual([
      'facts.durationMinutes',
      'facts.recoveryDays',
      'facts.sessions',
      'facts.sessionIntervalWeeks',
      'facts.maintenancePerYear',
      'aftercare',
      'contraindications',
      'combinesWith',
    ]);
    for (const source of sources) expect(lines[source.line - 1]).toContain(source.quote);
    const duration = sources.find((s) => s.field === 'facts.durationMinutes')!;
    expect(lines[duration.line - 1]).toBe(
      'The procedure usually lasts between 30 and 90 minutes. Most people describe the sensation as light pressure or scratching rather than pain. Throughout the session, the provider monitors comfort and skin response.',
    );
    expect(sources.filter((s) => s.item.type === 'FAQ')).toHaveLength(7);
  });
});
